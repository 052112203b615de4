import { describe, expect, it } from 'vitest';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog, type Cause, type LogFamily } from './index';
import { splitPrefix } from './prefix';

/**
 * Real pppd-family logs (pppd, pptpd, xl2tpd, accel-ppp) found in public issues
 * (test/fixtures/real/server-logs/pppd-*.txt, sources in test/fixtures/real/SOURCES.md): header
 * styles (Docker's RFC 3339 with nanoseconds, OpenWrt logread cut before the date, accel-ppp's
 * log_file, no header) and message classes, each with its hand-checked decoding.
 */

const t = engineT('en');
const nl = engineT('nl');
const DIR = 'test/fixtures/real/server-logs';


const EXPECTED: Record<string, RealServerLogRow> = {
  'pppd-xl2tpd-docker-rfc3339-nanos-max-retries.txt': {
    records: 4,
    understood: 4,
    families: { pppd: 4 },
    causes: [],
    says: [
      [1, 'xl2tpd could not send to 71.105.XXX.XX:49577: No such device.'],
      [2, "The PC sent its tunnel request (tunnel 35655) again: it did not get the server's answer in time."],
      [3, 'L2TP control messages were not acknowledged: the tunnel was closed.'],
      [4, 'L2TP tunnel 35655 to 71.105.XXX.XX (port 49577) closed: Timeout.'],
    ],
  },
  'pppd-openwrt-xl2tpd-logread-no-date-max-retries.txt': {
    records: 3,
    understood: 3,
    families: { pppd: 3 },
    causes: [],
    says: [
      [2, 'L2TP tunnel 0 to L2TP_SERVER_IP (port 1701) closed: Timeout.'],
      [3, 'xl2tpd got no answer to its closing message: it dropped the tunnel anyway.'],
    ],
  },
  'pppd-pptpd-no-header-windows-msras-chap-failed.txt': {
    records: 18,
    understood: 18,
    families: { pppd: 18 },
    causes: [
      [16, 'credentials-rejected'],
      [17, 'credentials-rejected'],
    ],
    says: [
      [12, 'The PC identifies itself as Windows remote access (MSRAS-0-USER-GD91F6BBDH).'],
      [16, 'The user "yaya" failed CHAP authentication'],
    ],
  },
  'pppd-accel-ppp-log-file-sstp-auth-configure-nak.txt': {
    records: 5,
    understood: 5,
    families: { pppd: 5 },
    causes: [],
    session: 'ppp0',
    says: [
      [2, 'PPP link ppp0 opened.'],
      [3, "The PC answered the server's authentication option with a Configure-Nak the server did not expect."],
      [5, 'accel-ppp lost the PPP channel (Input/output error).'],
    ],
  },
  'pppd-accel-sstp-syslog-mschap-v2-success-then-abort.txt': {
    records: 12,
    understood: 12,
    families: { pppd: 12 },
    causes: [],
    session: 'ppp0',
    says: [
      [1, 'CHAP Success to the PC (id 0x1)'],
      [6, 'User "test" authenticated (accel-ppp).'],
      [8, "The PC's SSTP Call-Connected failed the crypto-binding check (Nonce): the server aborts the call."],
      [9, 'accel-ppp SSTP message SSTP_MSG_CALL_ABORT.'],
      [10, 'The PC closed the connection.'],
    ],
  },
  'pppd-xl2tpd-lns-windows-client-sccrq-avps.txt': {
    records: 14,
    understood: 14,
    families: { pppd: 14 },
    causes: [],
    says: [
      [12, 'The PC gives its name as RWB-LAPTOP-DELL.'],
      [13, "The PC's L2TP software reports vendor Microsoft: the VPN client built into Windows."],
    ],
  },
  'pppd-pptpd-unsupported-protocol-after-mppe.txt': {
    records: 6,
    understood: 6,
    families: { pppd: 6 },
    causes: [],
    says: [
      [1, 'The PC sent a frame of protocol 0xc7, which this pppd does not handle'],
      [4, 'The PC sent a frame of protocol 0x3b (AppleTalk SmartBuffered)'],
    ],
  },
  'pppd-openwrt-pptpd-gre-pty-failed-after-authorized.txt': {
    records: 13,
    understood: 13,
    families: { pppd: 13 },
    causes: [],
    says: [
      [7, 'The secrets file /etc/ppp/chap-secrets can be read by other users on the server'],
      [8, 'The PC at 192.168.123.6 was authorised.'],
      [13, "pptpd lost its pppd (reading the PTY failed): pppd ended or never started. pppd's own lines just before say why; this is not GRE being blocked."],
    ],
  },
  'pppd-asuswrt-merlin-pptpd-ctrl-eof-mppe-disabled.txt': {
    records: 14,
    understood: 14,
    families: { pppd: 14 },
    causes: [],
    says: [
      [4, 'No Ethernet address for proxy ARP'],
      [8, 'Encryption (MPPE) is off for this link.'],
      [9, 'The PPTP control connection (TCP 1723) was closed by the other side without a Call-Clear-Request.'],
    ],
  },
  'pppd-accel-pppd-journal-sstp-pemfile-error.txt': {
    records: 7,
    understood: 7,
    families: { pppd: 6, syslog: 1 },
    causes: [],
    says: [
      [1, 'accel-ppp pptp: no address range (iprange) set for the PPP interfaces.'],
      [2, 'accel-ppp cannot load its SSTP certificate (ssl-pemfile: error:02001002:system library:fopen:No such file or directory): SSTP clients cannot connect.'],
      [6, 'accel-ppp: a control connection closed.'],
    ],
  },
  'pppd-syslog-priority-prefix-lcp-debug.txt': {
    records: 3,
    understood: 3,
    families: { pppd: 3 },
    causes: [],
    says: [
      [1, 'LCP ConfReq from the PC (id 0x6a): asyncmap 0x0, auth chap MD5'],
      [2, 'pppd debug detail.'],
    ],
  },
  'pppd-xl2tpd-docker-start-pppd-exit-code-11.txt': {
    records: 22,
    understood: 22,
    families: { pppd: 22 },
    causes: [[16, 'credentials-rejected']],
    says: [
      [2, 'xl2tpd starts pppd (its command line follows).'],
      [15, 'L2TP call established with ip3.'],
      [16, 'pppd ended for call 40082 with exit code 11 (PEER_AUTH_FAILED).'],
      [19, 'xl2tpd could not handle attribute 1 (Result Code) of an L2TP message from the other side: it closes the tunnel.'],
    ],
  },
  'pppd-xl2tpd-docker-logs-indented-startup.txt': {
    records: 6,
    understood: 6,
    families: { pppd: 6 },
    causes: [],
    says: [[3, 'xl2tpd bookkeeping.']],
  },
  'pppd-router-syslog-host-facility-xl2tpd-startup.txt': {
    records: 7,
    understood: 7,
    families: { pppd: 7 },
    causes: [],
    says: [[1, 'xl2tpd bookkeeping.']],
  },
  'pppd-accel-ppp-log-file-radius-access-request.txt': {
    records: 4,
    understood: 4,
    families: { pppd: 4 },
    causes: [],
    says: [
      [1, 'accel-ppp bookkeeping.'],
      [4, 'accel-ppp RADIUS message Access-Request.'],
    ],
  },
  'pppd-pptpd-openvz-no-ppp-kernel-support.txt': {
    records: 8,
    understood: 8,
    families: { pppd: 8 },
    causes: [
      [3, 'ppp-setup-failed'],
      [4, 'ppp-setup-failed'],
    ],
    says: [
      [3, "The server's kernel has no PPP support (/dev/ppp cannot be opened: Permission denied;"],
      [6, 'pptpd lost its pppd'],
      [8, 'control connection'],
    ],
  },
  'pppd-docker-compose-xl2tpd-startup.txt': {
    records: 8,
    understood: 8,
    families: { pppd: 8 },
    causes: [],
    says: [[8, 'xl2tpd bookkeeping.']],
  },
  // BusyBox syslogd's own start line is no VPN family's (left unknown)
  'pppd-docker-compose-busybox-syslog-pptpd-mgr.txt': {
    records: 2,
    understood: 1,
    families: { pppd: 1 },
    causes: [],
    says: [[2, 'pptpd bookkeeping.']],
  },
};

describe('real pppd-family fixtures', () => {
  it('has a row for every pppd-* fixture', () => {
    expect(repoFiles(DIR).filter((f) => f.startsWith('pppd-') && f.endsWith('.txt'))).toEqual(Object.keys(EXPECTED).sort());
  });
  realServerLogTable(EXPECTED);
  it('reads the Dutch', () => {
    const r = parseServerLog(readRepoText(`${DIR}/pppd-xl2tpd-docker-rfc3339-nanos-max-retries.txt`));
    expect(describeEntry(r.entries[3]!, nl)).toBe('L2TP-tunnel 35655 naar 71.105.XXX.XX (poort 49577) gesloten: Timeout.');
  });
  it('the times are read: Docker RFC 3339 with nanoseconds, accel-ppp log_file with milliseconds', () => {
    expect(parseServerLog(readRepoText(`${DIR}/pppd-xl2tpd-docker-rfc3339-nanos-max-retries.txt`)).entries[0]!.time).toEqual({ year: 2018, month: 8, day: 23, hour: 18, minute: 36, second: 51, ms: 279 });
    expect(parseServerLog(readRepoText(`${DIR}/pppd-accel-ppp-log-file-sstp-auth-configure-nak.txt`)).entries[1]!.time).toEqual({ year: 2017, month: 12, day: 7, hour: 1, minute: 4, second: 30, ms: 344 });
  });
});

describe('header classes (prefix.ts)', () => {
  it('ISO 8601 / RFC 3339 time, then host and program[pid] (rsyslog RFC 3339 files, journalctl -o short-iso, docker logs -t)', () => {
    for (const [line, host] of [
      ['2024-05-01T10:00:00.123456+02:00 vpn pppd[123]: Peer bob failed CHAP authentication', 'vpn'],
      ['2024-05-01T10:00:00+0200 vpn pppd[123]: Peer bob failed CHAP authentication', 'vpn'],
      ['2024-05-01 10:00:00 VPN pppd[123]: Peer bob failed CHAP authentication', 'VPN'],
      ['2018-08-23T18:36:56.281411938Z pppd[123]: Peer bob failed CHAP authentication', undefined],
    ] as const) {
      const p = splitPrefix(line);
      expect([p.shape, p.host, p.program, p.pid, p.message], line).toEqual(['iso', host, 'pppd', '123', 'Peer bob failed CHAP authentication']);
      expect(parseServerLog(line).entries[0]!.cause, line).toBe('credentials-rejected');
    }
  });
  it('an ISO line without a pid keeps its level word and message (near miss: `host word:` is not a tag)', () => {
    const sstpd = splitPrefix('2017-03-30 08:33:08,928 INFO: SSTP control packet received.');
    expect([sstpd.shape, sstpd.level, sstpd.program, sstpd.message]).toEqual(['iso', 'INFO', undefined, 'SSTP control packet received.']);
    const noPid = splitPrefix('2024-05-01 10:00:00 ppp0 LCP: timeout');
    expect([noPid.shape, noPid.program, noPid.message]).toEqual(['iso', undefined, 'ppp0 LCP: timeout']);
  });
  it('OpenWrt logread cut before the date; near miss: a facility without a known level', () => {
    expect(splitPrefix('daemon.notice xl2tpd[1180]: Maximum retries exceeded for tunnel 22298.  Closing.')).toMatchObject({ shape: 'logread', level: 'daemon.notice', program: 'xl2tpd', pid: '1180' });
    expect(splitPrefix('daemon.foo xl2tpd[1180]: x').shape).not.toBe('logread');
  });
  it("accel-ppp's log_file: `[date time]: level: …` and `[date time.ms] …`", () => {
    expect(splitPrefix('[2017-12-05 14:36:29]:  info: tek0.10: recv [PPPoE PADI a4:b1:e9:ac:f7:20 => ff:ff:ff:ff:ff:ff sid=0000]')).toMatchObject({ shape: 'iso', level: 'info', message: 'tek0.10: recv [PPPoE PADI a4:b1:e9:ac:f7:20 => ff:ff:ff:ff:ff:ff sid=0000]' });
    expect(splitPrefix('[2017-12-07 01:04:33.346] ppp0: da66f165863aaaac: auth: unexcepcted configure-nak').message).toBe('ppp0: da66f165863aaaac: auth: unexcepcted configure-nak');
  });
});

describe('message classes (families/pppd.ts)', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('pppd "Unsupported protocol": CCP (0x80fd) is the server refusing encryption; other protocols are information', () => {
    expect(one("Nov 03 20:16:24 pppd[4644]: Unsupported protocol 'Compression Control Protocol' (0x80fd) received")).toMatchObject({ outcome: 'failure', cause: 'server-refused-encryption' });
    expect(one('pppd[4644]: Unsupported protocol 0x80fd received')).toMatchObject({ cause: 'server-refused-encryption' });
    const mplscp = one("Dec 19 19:42:06 host pppd[6635]: Unsupported protocol 'MPLSCP' (0x8281) received")!;
    expect([mplscp.outcome, mplscp.cause]).toEqual(['info', undefined]);
    // near miss: not pppd's wording
    expect(one('pppd[1]: Unsupported protocol received')).toBeUndefined();
  });
  it('xl2tpd "Connection N closed to …": a timeout is a warning, another reason information', () => {
    expect(one('Mar 27 10:15:32 h xl2tpd[10164]: Connection 0 closed to X.X.X.X, port 1701 (Timeout)')).toMatchObject({ outcome: 'warning' });
    expect(one('Mar 27 10:15:32 h xl2tpd[10164]: control_finish: Connection 5 closed to 10.0.0.2, port 1701 (Goodbye!)')).toMatchObject({ outcome: 'info' });
    expect(describeEntry(one('xl2tpd[1]: Connection 0 closed to 10.0.0.2, port 1701 (Server closing)')!, t)).toBe('L2TP tunnel 0 to 10.0.0.2 (port 1701) closed: Server closing.');
  });
  it('xl2tpd AVP lines: vendor Microsoft names the Windows client, another vendor does not; any other AVP is bookkeeping', () => {
    expect(describeEntry(one("xl2tpd[1]: vendor_avp: peer reports vendor 'Microsoft'")!, t)).toContain('built into Windows');
    expect(describeEntry(one("xl2tpd[1]: vendor_avp: peer reports vendor 'Linux'")!, t)).toBe("The PC's L2TP software reports vendor Linux.");
    expect(describeEntry(one('xl2tpd[1]: challenge_avp: challenge avp found')!, t)).toBe('xl2tpd bookkeeping.');
  });
  it('accel-ppp: session prefixes (syslog ifname:user:, log_file ifname: sessionid: and ifname:) are cut and name the session', () => {
    const e = one('Oct 23 01:25:01 h accel-pppd: ppp3:bob: bob: authentication failed')!;
    expect(e).toMatchObject({ cause: 'credentials-rejected', user: 'bob', session: 'ppp3' });
    expect(one('[2017-12-05 14:36:29]:  info: ppp0: da66f165863aaaac: bob: authentication failed')).toMatchObject({ cause: 'credentials-rejected', session: 'ppp0' });
    const noName = one('Oct 23 01:25:01 h accel-pppd: ppp0:: authentication failed')!;
    expect([noName.cause, noName.user]).toEqual(['credentials-rejected', undefined]);
    expect(one("Oct 23 01:25:01 h accel-pppd: ppp0:: cann't negotiate authentication type")).toMatchObject({ cause: 'auth-protocol-mismatch' });
    expect(one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: mppe: MPPE requested but not supported by kernel')).toMatchObject({ cause: 'mppe-unavailable' });
    // near miss: a module word is not an interface, so `sstp: ` stays part of the message
    const module = one('Oct 23 01:25:01 h accel-pppd: sstp: disconnect by peer')!;
    expect([module.outcome, module.session]).toEqual(['warning', undefined]);
  });
  it('accel-ppp packet dumps are read as pppd packets: an MS-CHAP-v2 Failure carries its E= code', () => {
    const e = one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: send [MSCHAP-v2 Failure id=1 "E=691 R=1 C=0123456789abcdef0123456789abcdef V=3 M=Authentication failed"]')!;
    expect(e).toMatchObject({ outcome: 'failure', cause: 'credentials-rejected', code: 691 });
    expect(one('Oct 23 01:25:01 h accel-pppd: ppp0:: recv [MSCHAP-v2 Response id=1 <aa>, <bb>, F=0, name="alice"]')).toMatchObject({ user: 'alice' });
    expect(describeEntry(one('Sep  5 16:55:12 h accel-pppd: br0:: send [LCP ConfReq id=65 <auth MSCHAP-v2> <mru 1400> <magic 560feeb9>]')!, t)).toContain('(id 0x65)');
  });
  it('a trailing comma (a pasted list of lines) does not hide the message', () => {
    expect(one('xl2tpd[1]: Maximum retries exceeded for tunnel 9072.  Closing.,')).toMatchObject({ outcome: 'warning' });
  });
});

describe('pppd, pptpd and radius message classes (source-checked wordings)', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  const causeOf = (line: string) => one(line)?.cause;
  it('LCP echo failure: the PC stopped answering (warning, no cause)', () => {
    const e = one('Jan  1 00:00:02 h pppd[1]: No response to 4 echo-requests')!;
    expect([e.outcome, e.cause]).toEqual(['warning', undefined]);
    expect(describeEntry(e, t)).toContain('4 unanswered');
    expect(one('Jan  1 00:00:02 h pppd[1]: Serial link appears to be disconnected.')!.outcome).toBe('warning');
  });
  it('IPCP: no local address is an address problem; the PC refusing ours is a warning', () => {
    expect(causeOf('pppd[1]: Could not determine local IP address')).toBe('address-pool');
    expect(one('pppd[1]: Peer refused to agree to our IP address')!.outcome).toBe('warning');
  });
  it('"No CHAP secret found for authenticating USER" names the user and is error 691; the client-side "… us to X" is not', () => {
    expect(one('pppd[1]: No CHAP secret found for authenticating dev')).toMatchObject({ cause: 'credentials-rejected', code: 691, user: 'dev' });
    expect(causeOf('pppd[1]: No CHAP secret found for authenticating us to server')).toBeUndefined();
  });
  it('auth and MPPE refusals by the PC', () => {
    expect(causeOf('pppd[1]: peer refused to authenticate: terminating link')).toBe('auth-protocol-mismatch');
    expect(causeOf('pppd[1]: MPPE required but peer refused')).toBe('pc-refused-encryption');
    expect(causeOf("pppd[1]: Protocol-Reject for 'Compression Control Protocol' (0x80fd) received")).toBe('pc-refused-encryption');
    expect(causeOf('pppd[1]: Protocol-Reject for unsupported protocol 0x80fd')).toBe('pc-refused-encryption');
    const ipv6 = one("pppd[1]: Protocol-Reject for 'IPv6 Control Protocol' (0x8057) received")!;
    expect([ipv6.outcome, ipv6.cause]).toEqual(['info', undefined]);
  });
  it('an MS-CHAP failure pppd has no text for still gives its E= code', () => {
    expect(one('pppd[1]: Unknown MS-CHAP authentication failure: E=649 R=0 V=3')).toMatchObject({ cause: 'credentials-rejected', code: 649 });
  });
  it('other control protocols terminated by the PC; scripts; RADIUS plugin start-up', () => {
    expect(describeEntry(one('pppd[1]: CCP terminated by peer (No compression negotiated)')!, t)).toBe('The PC ended CCP: "No compression negotiated".');
    expect(describeEntry(one('pppd[1]: Script /etc/ppp/ip-up started (pid 6652)')!, t)).toBe('pppd runs script /etc/ppp/ip-up.');
    const radius = one("pppd[1]: RADIUS: Can't read config file /etc/radiusclient/radiusclient.conf")!;
    expect([radius.outcome, radius.cause]).toEqual(['failure', undefined]);
    expect(one('pppd[1]: rc_avpair_new: unknown attribute 97')!.outcome).toBe('info');
  });
  it('pptpd: no free slot is an address/slot problem; the MGR catch-all still reads other MGR lines; GRE from PTY is pppd ending, from network is GRE', () => {
    expect(causeOf('pptpd[1]: MGR: No free connection slots or IPs - no more clients can connect!')).toBe('address-pool');
    expect(describeEntry(one('pptpd[1]: MGR: Manager process started')!, t)).toBe('pptpd bookkeeping.');
    expect(describeEntry(one('pptpd[1]: GRE: read(fd=6,buffer=413500,len=8196) from PTY failed: status = -1 error = I/O error')!, t)).toContain('pptpd lost its pppd');
    expect(describeEntry(one('pptpd[1]: GRE: read(fd=6,buffer=413500,len=8196) from network failed: status = -1 error = Protocol not available')!, t)).toContain('GRE error reading network');
  });
  it("pptpd's logwtmp plugin names the user and the PC's address", () => {
    expect(one('pppd[1]: pptpd-logwtmp.so ip-up ppp0 bob 203.0.113.7')).toMatchObject({ user: 'bob', peer: '203.0.113.7', outcome: 'success' });
  });
});

describe('syslog priority and RFC 5424 headers (prefix.ts)', () => {
  it('<PRI> before a classic header, and RFC 5424 with and without structured data', () => {
    expect(splitPrefix('<7>May 20 14:22:45 pppd[536]: lcp_reqci: returning CONFACK.')).toMatchObject({ shape: 'syslog', program: 'pppd', pid: '536', message: 'lcp_reqci: returning CONFACK.' });
    const r = splitPrefix('<30>1 2024-05-01T10:00:00.123+02:00 vpn pppd 123 - - Peer bob failed CHAP authentication');
    expect([r.shape, r.host, r.program, r.pid, r.message, r.time?.ms]).toEqual(['iso', 'vpn', 'pppd', '123', 'Peer bob failed CHAP authentication', 123]);
    expect(splitPrefix('<30>1 2024-05-01T10:00:00Z vpn xl2tpd - - [meta sequenceId="1"] Maximum retries exceeded for tunnel 1.  Closing.')).toMatchObject({ program: 'xl2tpd', message: 'Maximum retries exceeded for tunnel 1.  Closing.' });
    // near miss: a MikroTik-style `<user>` is not a priority
    expect(splitPrefix('<pptp-bob>: authenticated').shape).toBe('none');
  });
});

describe('xl2tpd call and start-up classes', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('"Call established with" with PID (older xl2tpd), without it, and with (ref=a/b)', () => {
    for (const line of ['xl2tpd[1]: Call established with 10.0.0.2, PID: 5, Local: 1, Remote: 2, Serial: 3', 'xl2tpd[1]: Call established with 10.0.0.2, Local: 1, Remote: 2, Serial: 3', 'xl2tpd[1]: Call established with 128.198.18.9, Local: 30365, Remote: 11, Serial: 1 (ref=0/0)']) {
      expect(one(line), line).toMatchObject({ outcome: 'success', peer: line.includes('128.') ? '128.198.18.9' : '10.0.0.2' });
    }
  });
  it("pppd's argv after start_pppd is bookkeeping from xl2tpd only (near miss: a quoted word from another program)", () => {
    expect(describeEntry(one('xl2tpd[1]: "require-chap" ')!, t)).toBe('xl2tpd starts pppd (its command line follows).');
    expect(one('pppd[1]: "require-chap"')).toBeUndefined();
  });
});

describe('indented lines and a facility.level after the host (prefix.ts)', () => {
  it('a line indented as a Markdown code block keeps its header; an indented line without one stays as it was', () => {
    expect(splitPrefix('    Jul 29 09:59:54 host pppd[11787]: Peer bob failed CHAP authentication')).toMatchObject({ shape: 'syslog', host: 'host', program: 'pppd', message: 'Peer bob failed CHAP authentication' });
    expect(splitPrefix('\txl2tpd[1]: Maximum retries exceeded for tunnel 9072.  Closing.')).toMatchObject({ shape: 'program', program: 'xl2tpd' });
    expect(splitPrefix('    LCP:    MRU 1500 (0x010405DC)')).toEqual({ shape: 'none', message: '    LCP:    MRU 1500 (0x010405DC)' });
  });
  it('`host facility.level program[pid]:` (router syslog) gives host, level and program; near miss: a host then a plain word', () => {
    expect(splitPrefix('Feb  6 15:20:07 router daemon.info xl2tpd[19616]: Not looking for kernel SAref support.')).toMatchObject({ host: 'router', level: 'daemon.info', program: 'xl2tpd', pid: '19616', message: 'Not looking for kernel SAref support.' });
    const plain = splitPrefix('Feb  6 15:20:07 router some text here');
    expect([plain.host, plain.program, plain.message]).toEqual(['router', undefined, 'some text here']);
  });
  it('xl2tpd start-up banner is bookkeeping', () => {
    expect(parseServerLog('xl2tpd[1]: Listening on IP address 0.0.0.0, port 1701').entries[0]!.outcome).toBe('info');
  });
});

describe('accel-ppp RADIUS classes', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('an Access-Reject is error 691; an Access-Request or Access-Accept is a step (near miss)', () => {
    expect(one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: recv [RADIUS(1) Access-Reject id=1 <Reply-Message "denied">]')).toMatchObject({ cause: 'credentials-rejected', code: 691, session: 'ppp0' });
    const accept = one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: recv [RADIUS(1) Access-Accept id=1 <Framed-IP-Address 10.0.0.5>]')!;
    expect([accept.outcome, accept.cause]).toEqual(['info', undefined]);
  });
  it('a RADIUS server not responding (and no servers left) is radius-unreachable', () => {
    expect(one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: radius: server(1) not responding')).toMatchObject({ cause: 'radius-unreachable' });
    expect(one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: radius: server(2) not responding, terminating session...')).toMatchObject({ cause: 'radius-unreachable' });
    expect(one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: radius: no available servers')).toMatchObject({ cause: 'radius-unreachable' });
  });
});

describe('pppd start-up and compression classes', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('no PPP in the kernel is ppp-setup-failed, with or without the errno text', () => {
    expect(one("pppd[1]: Couldn't open the /dev/ppp device: No such device or address")).toMatchObject({ cause: 'ppp-setup-failed' });
    expect(one('pppd[1]: Sorry - this system lacks PPP kernel support')).toMatchObject({ cause: 'ppp-setup-failed' });
  });
  it('a compressor other than MPPE is a step; the MPPE line keeps its own rule (near miss)', () => {
    expect(describeEntry(one('pppd[1]: Deflate (15) compression enabled')!, t)).toBe('Compression Deflate (15) is on.');
    expect(describeEntry(one('pppd[1]: MPPE 128-bit stateless compression enabled')!, t)).not.toContain('Compression MPPE');
  });
});

describe('wrapper prefixes: docker compose (lines.ts), kubectl --prefix, journalctl short-monotonic (prefix.ts)', () => {
  it('the inner header is read', () => {
    // docker compose's `service  | ` is cut from the line before its header is read (lines.ts normalizeLine)
    expect(parseServerLog('ipsec-vpn-server | xl2tpd[1]: Listening on IP address 0.0.0.0, port 1701').entries[0]).toMatchObject({ program: 'xl2tpd', session: 'xl2tpd[1]' });
    expect(parseServerLog('pptpd_1  | Aug 23 02:23:03 4f9a7d5d39f5 daemon.info pptpd[9]: MGR: Manager process started').entries[0]).toMatchObject({ host: '4f9a7d5d39f5', program: 'pptpd' });
    expect(splitPrefix('[pod/ipsec-vpn-7d9/ipsec] xl2tpd[1]: Maximum retries exceeded for tunnel 9072.  Closing.')).toMatchObject({ program: 'xl2tpd', message: 'Maximum retries exceeded for tunnel 9072.  Closing.' });
    expect(splitPrefix('[ 1234.567890] vpn pppd[123]: Peer bob failed CHAP authentication')).toMatchObject({ host: 'vpn', program: 'pppd', pid: '123', message: 'Peer bob failed CHAP authentication' });
  });
  it('near miss: a word, a pipe and text without a header is no log line', () => {
    expect(parseServerLog('ipsec-vpn-server | Redirecting to: /etc/init.d/ipsec start').understood).toBe(0);
  });
});

describe('pptpd control-connection classes (ctrlpacket.c)', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('EOF while reading a message body reads like EOF while reading its length', () => {
    expect(describeEntry(one('pptpd[1]: CTRL: EOF or bad error reading ctrl packet.')!, t)).toContain('was closed by the other side');
  });
  it('not a PPTP message: bad length, bad magic cookie, unknown type', () => {
    expect(describeEntry(one('pptpd[1]: CTRL: 11 < Control packet (length=0) < PPTP_MAX_CTRL_PCKT_SIZE (1024)')!, t)).toContain('(length 0)');
    expect(describeEntry(one('pptpd[1]: CTRL: Bad magic cookie - lost syncronization, closing control connection.')!, t)).toContain('(magic cookie)');
    expect(describeEntry(one('pptpd[1]: CTRL: PPTP Control Message type 9 not supported.')!, t)).toContain('(type 9)');
  });
  it('write failures and retryable reads; near miss: a retry is not the exit', () => {
    expect(one("pptpd[1]: CTRL: Couldn't write packet to client.")!.outcome).toBe('warning');
    expect(describeEntry(one("pptpd[1]: CTRL: couldn't read packet header (retry)")!, t)).toBe('pptpd bookkeeping.');
    expect(describeEntry(one("pptpd[1]: CTRL: couldn't read packet header (exit)")!, t)).toContain('was closed by the other side');
  });
});

describe("pppd's %q names (utils.c vslprintf escapes \" and \\)", () => {
  const one = (line: string) => parseServerLog(line).entries[0]!;
  it('a DOMAIN\\user name is given back as typed', () => {
    expect(one('pppd[1]: Peer CORP\\\\bob failed CHAP authentication').user).toBe('CORP\\bob');
    expect(describeEntry(one('pppd[1]: Peer CORP\\\\bob failed CHAP authentication'), t)).toContain('The user "CORP\\bob" failed CHAP');
    expect(one('pppd[1]: No CHAP secret found for authenticating CORP\\\\bob').user).toBe('CORP\\bob');
    // near miss: a plain name is unchanged
    expect(one('pppd[1]: Peer bob failed CHAP authentication').user).toBe('bob');
  });
});

describe('accel-ppp PPTP classes (accel-pppd/ctrl/pptp/pptp.c)', () => {
  const one = (line: string) => parseServerLog(line).entries[0]!;
  it('a new connection names the PC; a Call-Clear-Request is the PC hanging up; other PPTP packets stay steps', () => {
    expect(one('Nov 01 15:57:45 h accel-pppd[1]: pptp: new connection from 203.0.113.9').peer).toBe('203.0.113.9');
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: ppp0:bob: recv [PPTP Call-Clear-Request <Call-ID 1>]'), t)).toContain('The PC ended the call');
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: :: recv [PPTP Start-Ctrl-Conn-Request <Version 256> <Framing 1> <Bearer 1> <Max-Chan 0>]'), t)).toBe('accel-ppp PPTP message Start-Ctrl-Conn-Request.');
  });
  it('echo failure, bad messages and an address outside client-ip-range are warnings', () => {
    expect(one('Nov 01 15:57:45 h accel-pppd[1]: ppp0:bob: pptp: no echo reply').outcome).toBe('warning');
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: :: pptp: invalid magic'), t)).toContain('(invalid magic)');
    expect(one('Nov 01 15:57:45 h accel-pppd[1]: pptp: IP is out of client-ip-range, droping connection...').outcome).toBe('warning');
  });
});

describe('accel-ppp L2TP classes (accel-pppd/ctrl/l2tp/l2tp.c)', () => {
  const one = (line: string) => parseServerLog(line).entries[0]!;
  it('tunnel lines name the PC; established, StopCCN/CDN and a wrong tunnel secret are read; other tunnel lines are bookkeeping', () => {
    expect(one('Nov 01 15:57:45 h accel-pppd[1]: l2tp tunnel 1234-5 (203.0.113.9:1701): established at 198.51.100.1:1701')).toMatchObject({ outcome: 'success', peer: '203.0.113.9' });
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: l2tp tunnel 1234-5 (203.0.113.9:1701): sending StopCCN (res: 2, err:0)'), t)).toBe('accel-ppp sends an L2TP StopCCN (result 2, error 0): it closes the tunnel or call.');
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: l2tp tunnel 1234-5 (203.0.113.9:1701): impossible to authenticate peer: invalid Challenge Response sent by peer (wrong secret)'), t)).toContain('not the user\'s password');
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: l2tp session 1234-5, 77-88: sending CDN (res: 3, err: 0)'), t)).toContain('L2TP CDN (result 3');
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: l2tp tunnel 1234-5 (203.0.113.9:1701): discarding unexpected Challenge Response sent by peer'), t)).toBe('accel-ppp bookkeeping.');
  });
});
