import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../../test/support/repo-files';
import { explainServerLogs } from '../../../diagnose/server-log';
import { engineT } from '../../../i18n';
import { describeEntry, SITE_WORDED } from '../describe';
import { parseServerLog } from '../index';
import type { WaitingForSide } from '../waiting-for-side';
import { bySitePolicy, policyOf, tunnelKey } from './sonicwall-site';

/** A SonicWall whose row names a VPN policy other than a GroupVPN is in a tunnel with another gateway (sonicwall-site.ts). */

const en = engineT('en');
const nl = engineT('nl');
const REAL = readRepoText('test/fixtures/real/server-logs/sonicwall-gui-log-tabs-aggressive-mode-xauth-remote-party-timeout-retransmitting.txt');
const at = (text: string, line: number, t = en) => describeEntry(parseServerLog(text, 'sw.log').entries.find((e) => e.line === line)!, t);
const findings = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'sw.log')], t).findings;

/**
 * Rows in the real GUI copy's shape (tab-separated: #, date, priority, category, message, source, destination, notes), a
 * Main Mode responder that gives up on its peer 203.0.113.9; the policy row in the middle, the give-up newest (first) as the
 * GUI's table shows it. No public copy of a SonicWall site-to-site failure was found: the notes' form is the real copy's.
 */
const row = (n: number, time: string, message: string, source: string, destination: string, notes = '') => `${n}\t11/15/2017 ${time}\tInfo\tVPN IKE\t${message}\t${source}\t${destination}\t${notes}\t `;
const tunnel = (policy: string) => [
  row(1, '10:34:40.176', 'IKE Responder: No response - remote party timeout', '98.51.100.1, 500', '203.0.113.9, 500'),
  row(2, '10:34:02.176', 'IKE Responder: Remote party timeout - Retransmitting IKE request.', '98.51.100.1, 500', '203.0.113.9, 500', `VPN Policy: ${policy};AES-256; SHA1; DH Group 14; lifetime=28800 secs`),
  row(3, '10:33:44.592', 'IKE Responder: Received Main Mode request (Phase 1)', '203.0.113.9, 500', '98.51.100.1, 500'),
].join('\n');
const oldestFirst = (policy: string) => tunnel(policy).split('\n').reverse().join('\n');
const giveUp = (text: string, t = en) => at(text, text.split('\n').findIndex((l) => l.includes('No response')) + 1, t);

describe('the VPN policy a SonicWall row names tells a gateway from a PC', () => {
  it.each([
    // a policy the administrator named: Site to Site / Tunnel Interface, another gateway
    ['Branch Office', /^The IPsec set-up stopped halfway: the SonicWall answered, but the other router's next IKE message/],
    ['s2s-hq', /the other router's next IKE message/],
    // SonicOS's client policies, named after their zone (WAN, WLAN, or a zone of the administrator's): a PC's
    ['WAN GroupVPN', /the PC's next IKE message/],
    ['WLAN GroupVPN', /the PC's next IKE message/],
    ['VPN_Users GroupVPN', /the PC's next IKE message/],
  ])('policy %s', (policy, says) => {
    expect(giveUp(tunnel(policy))).toMatch(says);
    // (the same rows oldest first, as an export keeps them: the give-up comes after the policy row)
    expect(giveUp(oldestFirst(policy))).toMatch(says);
  });

  it('a site-to-site give-up is worded for two routers in the finding (en, nl)', () => {
    const f = findings(tunnel('Branch Office'));
    expect(f.map((x) => x.id)).toEqual(['vpn.server-unreachable']);
    expect(f[0]!.title).toBe('IPsec between this router and the other router stops halfway: usually UDP 4500 (NAT-T) does not get through, sometimes the pre-shared keys differ');
    expect(findings(tunnel('Branch Office'), nl)[0]!.title).toMatch(/andere router/);
    expect(giveUp(tunnel('Branch Office'), nl)).toMatch(/het volgende IKE-bericht van de andere router/);
    // a GroupVPN keeps the PC's finding
    expect(findings(tunnel('WAN GroupVPN'))[0]!.title).not.toMatch(/other router/);
  });

  it('the sign is per tunnel: another peer in the same paste, without a policy row, keeps the PC', () => {
    const other = row(4, '10:35:40.000', 'IKE Responder: No response - remote party timeout', '98.51.100.1, 500', '198.51.100.77, 500');
    const text = `${tunnel('Branch Office')}\n${other}`;
    expect(at(text, 4)).toMatch(/the PC's next IKE message/);
    expect(giveUp(text)).toMatch(/the other router's next IKE message/);
  });

  it('the real GUI copy (WAN GroupVPN, an XAUTH user) keeps its wording: a client policy', () => {
    expect(at(REAL, 1)).toMatch(/VPN Policy: WAN GroupVPN/);
    expect(parseServerLog(REAL, 'sw.log').entries.flatMap((e) => e.decoded).every((dd) => dd.values?.role !== 'site')).toBe(true);
  });

  it('reads the policy from the notes and the tunnel from the two address columns', () => {
    expect(policyOf('VPN Policy: WAN GroupVPN;3DES; MD5; DH Group 2; lifetime=10800 secs')).toBe('WAN GroupVPN');
    expect(policyOf('VPN Policy: WAN GroupVPN')).toBe('WAN GroupVPN');
    expect(policyOf('VPN Policy NOT found for proposed ID type: KEY ID')).toBeUndefined();
    expect(policyOf(undefined)).toBeUndefined();
    // (row 3 of the real copy writes its source without the comma; the SonicWall sends some rows and receives others)
    expect(tunnelKey('192.yyy.yyy.yyy 4500 (admin)', '98.xxx.xxx.xxx, 4500')).toBe(tunnelKey('98.xxx.xxx.xxx, 4500', '192.yyy.yyy.yyy, 4500'));
  });
});

describe('the tunnels remembered', () => {
  const addr = (i: number) => `10.${i >> 8}.${i & 255}.1, 500`;
  const worded = () => ({ decoded: [{ key: [...SITE_WORDED][0]! }], outcome: 'info' as const });
  it('are bounded on a long log with many peers told: past 5 000 the oldest goes, the rest stay told', () => {
    const state: Record<string, unknown> = {};
    for (let i = 0; i < 12_000; i++) bySitePolicy(worded(), tunnelKey(addr(i), '98.51.100.1, 500'), 'VPN Policy: HQ-to-Branch;AES-256', state);
    const told = state.swSiteTold as Map<string, boolean>;
    expect(told.size).toBe(5000);
    expect(told.get(tunnelKey(addr(11_999), '98.51.100.1'))).toBe(true);
    expect(told.has(tunnelKey(addr(6_999), '98.51.100.1'))).toBe(false);
    // (before: all were forgotten at once past 5 000 — a tunnel told 4 999 tunnels ago was the PC's again)
    expect(told.get(tunnelKey(addr(7_000), '98.51.100.1'))).toBe(true);
    const later = bySitePolicy(worded(), tunnelKey(addr(7_000), '98.51.100.1'), undefined, state);
    expect(later.decoded[0]!.values?.role).toBe('site');
  });
  it('are bounded on a long log of untold tunnels: statements wait under at most 5 000 of them, 32 each', () => {
    const state: Record<string, unknown> = {};
    for (let i = 0; i < 12_000; i++) bySitePolicy(worded(), tunnelKey(addr(i), '98.51.100.1, 500'), undefined, state);
    for (let i = 0; i < 100; i++) bySitePolicy(worded(), tunnelKey(addr(11_999), '98.51.100.1, 500'), undefined, state);
    const waiting = state.swSiteWaiting as WaitingForSide<unknown>;
    expect(waiting.keyCount).toBe(5000);
    expect(waiting.settle(tunnelKey(addr(11_999), '98.51.100.1'))).toHaveLength(32);
    expect(waiting.settle(tunnelKey(addr(6_999), '98.51.100.1'))).toHaveLength(0);
  });
});
