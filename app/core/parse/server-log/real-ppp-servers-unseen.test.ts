import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Real logs of Linux PPP servers (pppd, pptpd, xl2tpd, accel-ppp) with lines TunnelMedic had not read (sources in
 * test/fixtures/real/SOURCES.md): accel-ppp's management console (accel-cmd) between a session's lines, an OpenWrt logread
 * whose strongSwan line has an empty tag (musl's syslog without openlog), a forum copy that wrapped pptpd's lines at a word, and
 * pppd's bad Configure-Ack.
 */

const nl = engineT('nl');
const DIR = 'test/fixtures/real/server-logs';
const EMPTY_TAG = 'pppd-openwrt-pptpd-lcp-timeout-musl-charon-empty-tag.txt';

const EXPECTED: Record<string, RealServerLogRow> = {
  // was 12 of 19: accel-cmd's TCP connections to accel-ppp's console (`cli: tcp: new connection from 127.0.0.1`, `cli: disconnect`)
  // were unknown; they are an administrator's or a script's, no VPN client's. The session itself ends with the PC's Terminate-Request
  'pppd-accel-ppp-log-file-cli-tcp-connections-between-lcp-echoes-peer-termreq.txt': {
    records: 19,
    understood: 19,
    families: { pppd: 19 },
    causes: [],
    says: [
      [1, "accel-ppp's management console (accel-cmd or telnet): an administrator or a script, not a VPN client"],
      [2, "accel-ppp's management console"],
      [8, "accel-ppp's management console"],
    ],
  },
  // was 9 of 10: `daemon.info : 05[KNL] interface ppp2 deleted` (charon on OpenWrt, its tag empty) was not read; the LCP timeout of
  // the pptpd session (the PC's GRE never arriving) is the finding either way
  'pppd-openwrt-pptpd-lcp-timeout-musl-charon-empty-tag.txt': {
    records: 10,
    understood: 10,
    families: { pppd: 9, strongswan: 1 },
    causes: [[6, 'no-ppp-frames']],
    says: [
      [6, 'LCP timed out'],
      [8, 'strongSwan saw interface ppp2 removed'],
    ],
  },
  // was 6 of 11: a forum post's editor wrapped two pptpd lines at a word, keeping the blank at the cut (`… from PTY ` / `failed: …
  // usually caused by unexpected` / `termination of pppd, …`; `… control connection ` / `finished`): the pieces were unknown lines
  // and the GRE line read only as far as its first piece. Now each is one record (detect.ts endsAtSoftBreak, goesOnMidSentence)
  'pppd-pptpd-forum-copy-hand-wrapped-gre-pty-read-failed-control-connection-finished.txt': {
    records: 8,
    understood: 8,
    families: { pppd: 8 },
    causes: [],
    says: [
      [3, 'pptpd lost its pppd (reading the PTY failed)'],
      [8, '192.168.1.240'],
    ],
  },
  // was 12 of 15: pppd's "Received bad configure-ack:" (fsm.c, the other side's Ack does not fit the request; the packet after the
  // colon empty here) was unknown, three times in ten seconds among dnsmasq's and the firewall's lines
  'pppd-openwrt-logread-received-bad-configure-ack-repeated-dnsmasq-firewall-reload.txt': {
    records: 15,
    understood: 15,
    families: { syslog: 12, pppd: 3 },
    causes: [],
    says: [
      [12, "answered this side's PPP option request with a Configure-Ack that does not fit the request: pppd ignores it"],
      [14, 'Configure-Ack'],
    ],
  },
};

describe('real PPP server logs with lines not read before', () => {
  realServerLogTable(EXPECTED);

  it("accel-ppp's console lines: each connection, command and error is a management step, never a VPN client's", () => {
    const entry = (message: string) => parseServerLog(`[2019-05-14 10:52:13.184] ${message}`).entries[0];
    const key = (message: string) => entry(message)?.decoded[0]?.key;
    expect(key('cli: telnet: new connection from 10.0.0.5')).toBe('step.accelCliConnection');
    expect(key('cli: 127.0.0.1: show sessions')).toBe('step.accelCliConnection');
    const bind = entry('cli: tcp: failed to bind socket: Address already in use')!;
    expect(bind).toMatchObject({ outcome: 'warning', decoded: [{ key: 'step.accelCliFailed', values: { call: 'failed to bind socket', error: ': Address already in use' } }] });
    expect(bind.cause).toBeUndefined();
    expect(describeEntry(bind, nl)).toContain('beheerconsole van accel-ppp');
    // accel-ppp's own session prefix is still read as one (`ppp0:user: `), not taken for the console's `cli: `
    expect(key('ppp0:cli: send [LCP EchoRep id=25 <magic 3de2c055>]')).not.toMatch(/accelCli/);
  });

  it("pppd's bad Nak or Reject reads as the Ack's, its packet shown when pppd printed one", () => {
    const e = parseServerLog('Feb  7 11:31:38 gw pppd[1124]: Received bad configure-nak/rej: [LCP ConfRej id=0x1 <asyncmap 0x0>]').entries[0]!;
    expect(e).toMatchObject({ outcome: 'warning', decoded: [{ key: 'step.pppdBadConfAnswer', values: { what: 'Configure-Nak/Reject', packet: ' ([LCP ConfRej id=0x1 <asyncmap 0x0>])' } }] });
    expect(e.cause).toBeUndefined();
  });

  it('an OpenWrt logread line with an empty tag keeps its time and level and is read by its message', () => {
    const r = parseServerLog(readRepoText(`${DIR}/${EMPTY_TAG}`));
    const charon = r.entries.find((e) => e.line === 8)!;
    expect(charon).toMatchObject({ family: 'strongswan', time: { year: 2020, month: 4, day: 20, hour: 22, minute: 24, second: 24 } });
    // the same shape cut before the date (a paste that starts at the facility)
    expect(parseServerLog('daemon.info : 05[KNL] interface ppp2 deleted').entries[0]?.family).toBe('strongswan');
  });

  it('a line that ends in a blank takes the header-less rest under it; a daemon line that ends in a blank stays whole', () => {
    const r = parseServerLog(readRepoText(`${DIR}/pppd-pptpd-forum-copy-hand-wrapped-gre-pty-read-failed-control-connection-finished.txt`));
    expect(r.entries.map((e) => [e.line, e.endLine])).toEqual([[1, 1], [2, 2], [3, 5], [6, 6], [7, 7], [8, 9], [10, 10], [11, 11]]);
    expect(r.entries.find((e) => e.line === 8)?.peer).toBe('192.168.1.240');
    // xl2tpd's own `start_pppd: I'm running: ` and pppd's `Connect: ppp0 <--> ` end in a blank; the next line has its own header
    const own = parseServerLog(['Jun 28 16:58:21 sagan xl2tpd[2643]: start_pppd: I\'m running: ', 'Jun 28 16:58:21 sagan xl2tpd[2643]: "/usr/sbin/pppd" ', 'Apr  6 18:56:56 host pppd[6145]: Connect: ppp1 <--> ', 'Apr  6 18:56:56 host pppd[6145]: Overriding mtu 1500 to 1363'].join('\n'));
    expect(own.records).toBe(4);
    // a line a family reads is never taken as the rest, nor a capitalised line after a piece (a message of its own)
    expect(parseServerLog(['Apr  6 18:56:56 host pppd[6145]: Connect: ppp1 <--> ', 'rcvd [LCP ConfReq id=0x1 <mru 1400>]'].join('\n')).records).toBe(2);
    expect(parseServerLog(['Dec 27 16:18:51 mmweb1 pptpd[3251]: CTRL: Client 192.168.1.240 control connection ', 'finished and', 'Then I restarted it'].join('\n')).records).toBe(2);
  });
});
