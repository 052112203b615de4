import { describe, expect, it } from 'vitest';
import { readRepoText, repoFiles } from './support/repo-files';
import { parseServerLog } from '../app/core/parse/server-log';
import { logWrittenBy } from '../app/core/diagnose/server-log/log-side';

/**
 * xl2tpd's own words say which side it was on (xelerance/xl2tpd control.c control_finish): the tunnel and call it set up after the
 * other side answered its SCCRQ / ICRQ (the SCCRP and ICRP cases: `Connection established to … (ref=a/b).` with no `LNS session
 * is`, `Call established with … (ref=a/b)`, `sending SCCCN`, `Sending ICCN`) are a LAC's — the side that dials — and those of the
 * LNS (`LNS session is '…'`, `Call established with …, PID: n, …`) are not. Read over every real log that holds one.
 */
const FOLDER = 'test/fixtures/real/server-logs';
const LAC_KEYS = new Set(['step.l2tpTunnelUpAsLac', 'step.l2tpCallUpAsLac', 'step.l2tpSendsScccn', 'step.l2tpSendsIccn']);
const UP = /(?:Connection established to \S+, \d+\.|Call established with )/;

function realXl2tpdLogs(): [string, string][] {
  const out: [string, string][] = [];
  for (const name of repoFiles(FOLDER)) {
    if (!name.endsWith('.txt')) continue;
    const text = readRepoText(`${FOLDER}/${name}`);
    if (UP.test(text)) out.push([name, text]);
  }
  return out;
}

describe("xl2tpd's tunnel and call set up, by the side its lines' shape says (every real log that holds one)", () => {
  const logs = realXl2tpdLogs();
  it('finds the real logs', () => {
    expect(logs.length).toBeGreaterThanOrEqual(8);
  });
  it.each(logs)('%s', (_name, text) => {
    const entries = parseServerLog(text, 'x.log').entries;
    const ups = entries.flatMap((e) => e.decoded).filter((dd) => /^step\.l2tp(?:Tunnel|Call)Up/.test(dd.key));
    // (a LAC's log: xl2tpd.c lac_connect / lac_call; an LNS's: its tunnel's LNS session, its call's pppd pid)
    const lac = /Connecting to host |Calling on tunnel /.test(text);
    const lns = /LNS session is '|Call established with \S*, PID: /.test(text);
    for (const dd of ups) {
      if (lac && !lns) expect(dd.key, JSON.stringify(dd)).toMatch(/AsLac$/);
      if (lns && !lac) expect(dd.key, JSON.stringify(dd)).not.toMatch(/AsLac$/);
    }
    if (ups.some((dd) => LAC_KEYS.has(dd.key)) && !lns) expect(logWrittenBy(entries)).toBe('dialling-side');
  });
});

describe('a LAC log with no line of lac_connect or lac_call (the excerpt begins at the call set up)', () => {
  const rows: [string, string | undefined][] = [
    // an Arch journal's double tag (`xl2tpd[n]: xl2tpd[n]: …`): the call the LAC set up, pppd's arguments after it
    ['pppd-xl2tpd-lac-call-established-refs-double-tag-start-pppd-auth.txt', 'dialling-side'],
    // control.c's SCCRQ case writes `Peer requested tunnel … twice`: the other side asked this one for a tunnel — an answering
    // side's line, so the OpenWrt LAC's excerpt that holds only it does not say
    ['pppd-openwrt-xl2tpd-lac-out-of-order-tunnel-minus-1-after-server-restart.txt', undefined],
  ];
  it.each(rows)('%s → %s', (name, want) => {
    const entries = parseServerLog(readRepoText(`test/fixtures/real/server-logs/${name}`), name).entries;
    expect(entries.length).toBeGreaterThan(0);
    expect(logWrittenBy(entries)).toBe(want);
  });
  it('the double tag is read: every line of the excerpt understood', () => {
    const name = 'pppd-xl2tpd-lac-call-established-refs-double-tag-start-pppd-auth.txt';
    const r = parseServerLog(readRepoText(`test/fixtures/real/server-logs/${name}`), name);
    expect(r.unknown).toBe(0);
    expect(r.entries[0]!.decoded[0]).toMatchObject({ key: 'step.l2tpCallUpAsLac', values: { peer: '<server ip>' } });
  });
});
