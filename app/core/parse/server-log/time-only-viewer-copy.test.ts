import { describe, expect, it } from 'vitest';
import { REAL_SERVER_LOGS } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';
import { splitPrefix } from './prefix';

/**
 * A time-only syslog header whose columns a log viewer set apart (` 12:03:36  pppd[5632]: …`: a leading blank, two blanks before
 * the tag — a real Ubuntu Forums copy of an rp-pppoe ADSL log, test/fixtures/real/SOURCES.md), read by its structure; what its
 * lines say (rp-pppoe's own `pppoe` program telling the log is a PPPoE client's, its socket errors) and pppd's kept default route.
 */

const en = engineT('en');
const nl = engineT('nl');
const VIEWER_COPY = 'pppd-pppoe-client-rp-pppoe-time-only-viewer-copy-pads-timeout-lcp-timeout-pap-ok.txt';

describe('time-only headers with a column gap', () => {
  // [line, program, pid, message]: the tag after one or more blanks, a leading blank or none; no tag where the word is no program's
  const rows: [string, string | undefined, string | undefined, string][] = [
    [' 12:03:36  pppd[5632]: Modem hangup', 'pppd', '5632', 'Modem hangup'],
    ['12:03:36  pppd[5632]: Modem hangup', 'pppd', '5632', 'Modem hangup'],
    ['12:03:36   avahi-daemon[4437]: Interface eth0.IPv4 no longer relevant for mDNS.', 'avahi-daemon', '4437', 'Interface eth0.IPv4 no longer relevant for mDNS.'],
    [' 12:00:00  dhclient: DHCPACK from 192.168.1.1', 'dhclient', undefined, 'DHCPACK from 192.168.1.1'],
    ['12:03:36 pppd[5632]: Modem hangup', 'pppd', '5632', 'Modem hangup'],
    // Juniper SRX `show log`: its event names after the same gap stay the message (real-srx.test.ts reads them)
    ['19:13:59  IKE_GATEWAY_DPD_PEER_DEAD: IKE: Gateway N:waw-1 Failed', undefined, undefined, ' IKE_GATEWAY_DPD_PEER_DEAD: IKE: Gateway N:waw-1 Failed'],
    // RouterOS `/log print` topics: no colon after the word, no tag
    ['00:02:30  l2tp,info x', undefined, undefined, ' l2tp,info x'],
  ];
  for (const [line, program, pid, message] of rows) {
    it(JSON.stringify(line), () => {
      const p = splitPrefix(line);
      expect(p.shape).toBe('time-only');
      expect([p.program, p.pid, p.message]).toEqual([program, pid, message]);
      expect(p.time).toMatchObject({ hour: +line.trim().slice(0, 2) });
    });
  }
});

describe('the rp-pppoe ADSL log copied from a log viewer', () => {
  const text = readRepoText(`${REAL_SERVER_LOGS}/${VIEWER_COPY}`);
  const r = parseServerLog(text, VIEWER_COPY);
  const at = (line: number) => r.entries.find((e) => e.line === line)!;

  it('every line is read under its header', () => {
    expect([r.records, r.understood]).toEqual([163, 163]);
    expect(r.families.pppd).toBe(64);
  });

  it("pppd's LCP time-outs are this side's: rp-pppoe's own `pppoe` program's discovery tells the log is a PPPoE client's", () => {
    // (line 86: pppd[8797]'s time-out, before any line of its own tells; pppoe[8800]'s `Timeout waiting for PADS packets` at 96)
    for (const line of [86, 100, 109, 120, 134]) {
      expect(at(line).decoded[0]).toMatchObject({ key: 'lcpTimeoutPppoe', values: { role: 'initiator' } });
      expect(describeEntry(at(line), en)).toContain('the access concentrator never answered');
    }
  });

  it("the `pppoe` program's failed socket calls are read, the system's error passed on", () => {
    expect(at(62)).toMatchObject({ outcome: 'warning', decoded: [{ key: 'step.pppoeSocketFailed', values: { call: 'recv', error: 'Network is down' } }] });
    expect(describeEntry(at(63), nl)).toContain('De Ethernet-socket van het PPPoE-programma faalde (send: Network is down)');
  });

  it('the same under a classic header: the `pppoe` line settles the pppd that timed out before it', () => {
    const client = parseServerLog(['Jan  1 10:00:00 gw pppd[10]: LCP: timeout sending Config-Requests', 'Jan  1 10:00:05 gw pppoe[11]: Timeout waiting for PADS packets', 'Jan  1 10:00:06 gw pppd[12]: LCP: timeout sending Config-Requests'].join('\n'));
    expect([client.entries[0]!.decoded[0]!.values?.role, client.entries[2]!.decoded[0]!.values?.role]).toEqual(['initiator', 'initiator']);
  });

  it("a server's log keeps its side: a `pppoe` line without discovery, or discovery from another program, tells no dialling", () => {
    const server = parseServerLog(['Jan  1 10:00:00 ac pppoe[7]: read (asyncReadFromPPP): Input/output error', 'Jan  1 10:00:01 ac pppoe-server[6]: Timeout waiting for PADS packets', 'Jan  1 10:00:02 ac pppd[8]: LCP: timeout sending Config-Requests'].join('\n'));
    expect(server.entries.at(-1)!.decoded[0]!.values?.role).toBeUndefined();
  });
});

describe("pppd's `not replacing existing default route`", () => {
  // pppd sys-linux.c sifdefaultroute's shapes across versions (real: `via 172.17.0.1 with metric -1`, `via 192.168.1.1`, `through ppp0`)
  const shapes: [string, string][] = [
    ['not replacing existing default route via 192.168.1.1', '192.168.1.1'],
    ['not replacing existing default route via 172.17.0.1 with metric -1', '172.17.0.1'],
    ['not replacing existing default route through ppp0', 'ppp0'],
    ['not replacing existing default route through eth0 with metric 100', 'eth0'],
    ['ppp not replacing existing default route to eth0[192.168.1.1]', 'eth0'],
  ];
  for (const [message, route] of shapes) {
    it(message, () => {
      const e = parseServerLog(`Oct 21 13:10:28 gw pppd[28779]: ${message}`).entries[0]!;
      expect(e).toMatchObject({ outcome: 'warning', decoded: [{ key: 'step.defaultRouteKept', values: { route } }] });
    });
  }

  it("worded for the dialling side on a client's log (the real Docker PPPoE client), with its fix", () => {
    const file = 'pppd-pppoe-client-rp-pppoe-plugin-docker-padi-pado-padr-pads-ipcp-nak-padt.txt';
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file);
    const e = r.entries.find((x) => x.decoded[0]!.key === 'step.defaultRouteKept')!;
    expect(r.understood).toBe(r.records);
    expect(describeEntry(e, en)).toContain('did not make the link to the server its default route: it already had one (172.17.0.1)');
    expect(describeEntry(e, nl)).toContain('replacedefaultroute');
    // (side unknown: pppd's own words)
    const plain = parseServerLog('pppd[9]: not replacing existing default route via 10.0.0.1').entries[0]!;
    expect(describeEntry(plain, en)).toContain('pppd did not make this PPP link the default route');
  });
});
