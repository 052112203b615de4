import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpusBytes } from '../../../../test/corpus';
import { readRepoText } from '../../../../test/support/repo-files';
import { decodeCaptureBytes } from '../../capture/decode';
import { verdictMessage } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { parseServerLog } from './index';
import { InputSniffer } from './inspect';
import type { InputVerdict } from './types';

/**
 * A PC's own command output pasted as a server's log, the rest of round 43's list (round 44, hLC): PowerShell's view of the PC's
 * network settings (Get-VpnConnection, Get-NetIPConfiguration, Get-NetIPAddress, Get-NetRoute, Get-NetIPInterface — Format-List,
 * Format-Table, ConvertTo-Json, a table without its header), `netsh interface show interface`, and network tests (ping, tracert,
 * traceroute, Test-NetConnection), in any language. Before, each was "No line of this text is in a server log format TunnelMedic
 * knows (pppd/pptpd/…)" — or, where one line looked like a format, a log of 0 (or 1) of N lines understood. Judged by structure
 * (inspect.ts: PowerShell's property names, which are never translated; the rows' shapes), on the first lines only.
 */

const en = engineT('en');
const nl = engineT('nl');
const REAL = 'test/fixtures/real/server-logs';

/** file → verdict, and a part of its English sentence */
const ROWS: Record<string, [InputVerdict, string]> = {
  // (was "No line of this text is in a server log format …": 0 of 12 lines, not-a-log). A French Windows ping: `Réponse de … :
  // octets=32 temps<1ms TTL=64`, the statistics in French
  'pc-output-ping-windows-fr-reponse-octets-temps-ttl-statistiques.txt': ['network-test', 'This is the output of a network test (ping, tracert'],
  // (was not-a-log, 0 of 17 lines). A Russian Windows tracert: hops with `<1 мс`, two hops of stars and `Превышен интервал ожидания`
  'pc-output-tracert-windows-ru-hops-request-timed-out-trace-complete.txt': ['network-test', 'not why the VPN server refused the connection'],
  // (was not-a-log, 0 of 11 lines). Test-NetConnection on a Portuguese Windows (`AVISO: TCP connect to (… : 443) failed`), both the
  // ping and the TCP test failed: Format-List with TcpTestSucceeded
  'pc-output-test-netconnection-pt-aviso-tcp-443-and-ping-failed.txt': ['network-test', 'Test-NetConnection'],
  // (was not-a-log, 0 of 22 lines). Get-NetIPConfiguration on a Chinese Windows: the aliases (`以太网`, `蓝牙网络连接`) and the profile
  // (`未识别的网络`) translated, the property names not
  'pc-output-get-netipconfiguration-zh-alias-unidentified-network-three-adapters.txt': ['powershell-network', "This is PowerShell output of a PC's network settings"],
  // (was not-a-log, 0 of 29 lines). Get-NetIPAddress in Format-List: an IPv6 link-local and a manual IPv4 block
  'pc-output-get-netipaddress-format-list-fr-lab-ipv6-link-local-and-manual-ipv4.txt': ['powershell-network', 'tunnelmedic scan --capture DIR'],
};

describe('real PC outputs pasted as a server log (test/fixtures/real/server-logs/pc-output-*)', () => {
  for (const [file, [verdict, says]] of Object.entries(ROWS)) {
    it(file, () => {
      const r = parseServerLog(readRepoText(`${REAL}/${file}`), file);
      expect(r.verdict).toBe(verdict);
      expect(verdictMessage(r, en)).toContain(says);
      const dutch = verdictMessage(r, nl);
      expect(dutch).toMatch(/^Dit is /);
      expect(dutch).not.toMatch(/\{\{|serverLog\./);
    });
  }
});

const verdictOf = (folder: string, file: string) => parseServerLog(decodeCaptureBytes(readCorpusBytes(folder, file)).text, file).verdict;

describe.skipIf(!corpusAvailable)('the shared corpus, read in place', () => {
  // (was not-a-log: the English `Admin State  State  Type  Interface Name` table over one run of dashes, alone)
  it('netsh/win7-en-netsh-show-interface-anyconnect-disabled.txt is the interface list', () => expect(verdictOf('netsh', 'win7-en-netsh-show-interface-anyconnect-disabled.txt')).toBe('netsh-interfaces'));
  // (was not-a-log for all but the table with its header, which was "0 of 5 log lines understood")
  it.each(corpusFiles('powershell'))('powershell/%s is PowerShell network output', (file) => expect(verdictOf('powershell', file)).toBe('powershell-network'));
});

describe("the repository's PowerShell captures (test/fixtures/real/powershell), read as a server log", () => {
  const FILES = [
    'get-netipinterface-ft-ru-header-wrapped-80-columns.txt',
    'get-netipinterface-select-ft-no-alias-wintun-mtu-1420.txt',
    'get-netipinterface-table-win10-ethernet-wifi-loopback.txt',
    'get-netroute-default-routes-nested-in-report-sing-tun.json',
    'get-netroute-format-list-default-route-without-routemetric.txt',
    'get-netroute-select-ft-alias-last-column-wintun.txt',
    'get-netroute-select-json-ps51-numeric-family-ethernet-loopback.json',
    'get-vpnconnection-double-spaced-one-blank-between-profiles.txt',
    'get-vpnconnection-tab-indented-sstp-notes.txt',
  ];
  // (was not-a-log, or "0 of 10" / "1 of 22 log lines understood" for the Get-NetIPInterface tables)
  it.each(FILES)('%s', (file) => expect(parseServerLog(readRepoText(`test/fixtures/real/powershell/${file}`), file).verdict).toBe('powershell-network'));
});

/** the sniffer alone: lines seen, then a text of `records` lines none of which was understood */
function sniff(lines: readonly string[]): InputVerdict {
  const s = new InputSniffer();
  for (const l of lines) s.see(l);
  return s.verdict(lines.length, 0);
}

describe('the class: other shapes of the same outputs', () => {
  it('ping in other languages and on Linux', () => {
    expect(sniff(['Antwort von 1.1.1.1: Bytes=32 Zeit=15ms TTL=57', 'Antwort von 1.1.1.1: Bytes=32 Zeit<1ms TTL=57'])).toBe('network-test');
    expect(sniff(['Ответ от 8.8.8.8: число байт=32 время=15мс TTL=117', 'Ответ от 8.8.8.8: число байт=32 время=16мс TTL=117'])).toBe('network-test');
    expect(sniff(['来自 8.8.8.8 的回复: 字节=32 时间=15ms TTL=117', '来自 8.8.8.8 的回复: 字节=32 时间=14ms TTL=117'])).toBe('network-test');
    expect(sniff(['64 bytes from 10.10.10.101: icmp_seq=2 ttl=64 time=1.72 ms', '64 bytes from 10.10.10.101: icmp_seq=3 ttl=64 time=1.10 ms'])).toBe('network-test');
  });

  it("tracert's English rows and Linux traceroute", () => {
    expect(sniff(['  1    <1 ms    <1 ms    <1 ms  192.168.1.1', '  2     *        *        *     Request timed out.'])).toBe('network-test');
    expect(sniff([' 1  gate (192.168.3.1)  5.823 ms  16.544 ms  8.973 ms', ' 2  RINNet-MSU.iitp.ru (194.220.14.45)  12.531 ms  143.000 ms  69.300 ms'])).toBe('network-test');
  });

  it('Test-NetConnection without a port: its PingSucceeded alone names it a test', () => {
    expect(sniff(['ComputerName           : 8.8.8.8', 'RemoteAddress          : 8.8.8.8', 'InterfaceAlias         : Ethernet', 'SourceAddress          : 10.0.2.15', 'PingSucceeded          : True', 'PingReplyDetails (RTT) : 12 ms'])).toBe('network-test');
  });

  it("PowerShell 7's ConvertTo-Json (one blank after the colon), Get-NetAdapter's table, a headerless Get-NetRoute table", () => {
    expect(sniff(['{', '  "Name": "Office VPN",', '  "ServerAddress": "vpn.example.com",', '  "TunnelType": "L2tp",', '  "L2tpIPsecAuth": "Psk"', '}'])).toBe('powershell-network');
    expect(sniff(['Name                      InterfaceDescription                    ifIndex Status       MacAddress             LinkSpeed', '----                      --------------------                    ------- ------       ----------             ---------', 'Ethernet                  Intel(R) Ethernet Connection (7) I219-V      12 Up           00-11-22-33-44-55         1 Gbps'])).toBe('powershell-network');
    expect(sniff(['17      0.0.0.0/0                                      10.2.9.254                                         0 50', '13      0.0.0.0/0                                      10.2.9.254                                         0 25'])).toBe('powershell-network');
  });

  it('netsh interface show interface in another language (German rows, one unbroken rule)', () => {
    expect(sniff(['Administratorstatus Status         Typ              Schnittstellenname', '-------------------------------------------------------------------------', 'Aktiviert      Verbunden      Dediziert        Ethernet', 'Deaktiviert    Getrennt       Dediziert        VPN-Verbindung 2'])).toBe('netsh-interfaces');
  });
});

describe('the negative cases', () => {
  it("a program's JSON with generic keys (Name, Status, Protocol, Guid) is no PowerShell output", () => {
    expect(sniff(['{', '  "Name": "tunnel",', '  "Status": "Up",', '  "Protocol": "udp",', '  "Guid": "x"', '}'])).toBe('not-a-log');
  });

  it("a firewall's packet line with TTL= and hex fields is no ping; one ping row is not enough", () => {
    expect(sniff(['kernel: IN=eth0 OUT= SRC=10.0.0.5 DST=10.0.0.1 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=0 DF PROTO=UDP SPT=500 DPT=500', 'kernel: IN=eth0 OUT= SRC=10.0.0.5 DST=10.0.0.1 LEN=60 TOS=0x10 PREC=0x00 TTL=64 ID=1 DF PROTO=UDP SPT=500 DPT=500'])).toBe('not-a-log');
    expect(sniff(['Reply from 10.10.10.10: bytes=32 time<1ms TTL=128'])).toBe('not-a-log');
  });

  it('a rule of dashes over rows of single-spaced words is no netsh table', () => {
    expect(sniff(['-------------------------------------------------------------------------', 'the VPN went down at noon', 'and came back at one'])).toBe('not-a-log');
  });

  it('a log whose lines are understood stays a log, whatever PowerShell text is pasted with it', () => {
    const log = ['Nov 18 10:21:05 gw pppd[311]: LCP: timeout sending Config-Requests', 'ServerAddress         : 10.1.1.2', 'TunnelType            : Automatic', 'L2tpIPsecAuth         : Certificate'].join('\n');
    expect(parseServerLog(log).verdict).toBe('ok');
  });

  it('long lines of each shape finish at once (no backtracking over a line)', () => {
    for (const line of ['=1 '.repeat(40_000), ' 1'.repeat(40_000) + ' ms', 'A'.repeat(100_000) + ' : x', '-'.repeat(100_000), '1 '.repeat(50_000) + '/']) {
      const started = performance.now();
      sniff([line, line]);
      expect(performance.now() - started).toBeLessThan(200);
    }
  });
});
