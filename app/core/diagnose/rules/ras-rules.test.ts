import { describe, expect, it } from 'vitest';
import { diagnose } from '..';
import type { RasEvent } from '../../model/ras-event';
import type { Snapshot } from '../../model/snapshot';
import type { VpnProfile } from '../../model/vpn-profile';

const base = (over: Partial<Snapshot> = {}): Snapshot => ({
  os: { family: 'nt6+', name: 'Microsoft Windows [Version 10.0.22631.4460]', version: '10.0', build: '22631.4460' },
  interfaces: [],
  routes: [],
  persistentRoutes: [],
  vpnProfiles: [],
  registry: {},
  lmhosts: {},
  events: [],
  files: { collected: [], notCollected: [] },
  problems: [],
  ...over,
});
const fail = (code: number, entryName = 'Corp', id = 20227): RasEvent => ({ type: 'rasclient', id, kind: 'failed', errorCode: code, codeFrom: 'eventdata', entryName, file: 'rasclient-events.txt', line: 1, text: `… ${code}.` });
const profile = (over: Partial<VpnProfile> = {}): VpnProfile => ({ source: 'pbk', file: 'pbk/rasphone.pbk', line: 1, name: 'Corp', server: 'vpn.example.com', entryType: 'vpn', tunnel: 'pptp', encryption: 'require', auth: ['mschapv2'], routes: [], uncertain: [], ...over });
const ids = (s: Snapshot, policy?: NonNullable<Parameters<typeof diagnose>[1]>['policy']) => diagnose(s, { policy }).map((f) => f.id).sort();

describe('VPN failure rules combine events and profiles', () => {
  it('734 with an MS-CHAP v2 profile is not an auth mismatch we can explain: it goes to events.ras-error', () => {
    expect(ids(base({ events: [fail(734)], vpnProfiles: [profile()] }))).toEqual(['events.ras-error']);
    expect(ids(base({ events: [fail(734)], vpnProfiles: [profile({ auth: ['chap'] })] }))).toEqual(['vpn.auth-mismatch']);
    // no profile collected: still the likely reading, said with less certainty
    const [f] = diagnose(base({ events: [fail(734)] }));
    expect(f).toMatchObject({ id: 'vpn.auth-mismatch', severity: 'warning', summary: expect.stringContaining('was not collected') });
  });
  it('742 with CHAP only and encryption required: the profile cannot make MPPE keys', () => {
    const [f] = diagnose(base({ events: [fail(742), fail(741)], vpnProfiles: [profile({ auth: ['chap', 'pap'] })] }));
    expect(f).toMatchObject({ id: 'vpn.encryption-mismatch', title: expect.stringContaining('741/742'), summary: expect.stringContaining('cannot make encryption keys') });
  });
  it('619 is GRE only when the connection is PPTP; 806 always', () => {
    expect(ids(base({ events: [fail(619)], vpnProfiles: [profile()] }))).toEqual(['vpn.gre-blocked']);
    expect(ids(base({ events: [fail(619)], vpnProfiles: [profile({ tunnel: 'l2tp' })] }))).toEqual(['events.ras-error']);
    expect(ids(base({ events: [fail(806)] }))).toEqual(['vpn.gre-blocked']);
    // one failure reads "once", not "1 time(s)"
    expect(diagnose(base({ events: [fail(806)] }))[0]!.summary).toContain('failed once with error 806');
  });
  it('800/809/868 of one connection make one finding; a server outside the policy is named', () => {
    const f = diagnose(base({ events: [fail(809), fail(868), fail(809)], vpnProfiles: [profile({ server: 'vpn.evil.example' })] }), { policy: { schemaVersion: 1, vpnServers: ['vpn.example.com'] } });
    expect(f.map((x) => x.id)).toEqual(['vpn.server-unreachable']);
    expect(f[0]!.summary).toMatch(/failed 3 times.*809\/868[\s\S]*Error 809[\s\S]*Error 868[\s\S]*not one of the VPN servers/);
  });
  it('unknown and uncatalogued codes are explained by events.ras-error', () => {
    const f = diagnose(base({ events: [fail(87, 'Home-IKEv2')] }));
    expect(f).toEqual([expect.objectContaining({ id: 'events.ras-error', severity: 'warning', title: expect.stringContaining('general Windows error'), summary: expect.stringContaining('Home-IKEv2') })]);
    expect(diagnose(base({ events: [fail(830)] }))[0]!.severity).toBe('info');
  });
  it('events and profiles of other shapes are ignored, not trusted', () => {
    expect(diagnose(base({ events: [{ weird: true }, 'x', null], vpnProfiles: [{ name: 1 }] }))).toEqual([]);
  });
});

describe('vpn.credential-guard-mschapv2', () => {
  it('691 of an MS-CHAP v2 profile on Windows 11', () => {
    expect(ids(base({ events: [fail(691)], vpnProfiles: [profile()] }))).toEqual(['vpn.credential-guard-mschapv2']);
  });
  it('691 on Windows 10 is a plain authentication failure', () => {
    expect(ids(base({ os: { family: 'nt6+', name: 'Windows 10', build: '19045' }, events: [fail(691)], vpnProfiles: [profile()] }))).toEqual(['events.ras-error']);
  });
  it('LsaCfgFlags from the registry section, whatever its exact shape', () => {
    const registry = { keys: [{ path: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\LSA', values: [{ name: 'LsaCfgFlags', type: 'REG_DWORD', data: '0x1' }] }] };
    const f = diagnose(base({ registry, vpnProfiles: [profile()] }));
    expect(f.map((x) => x.id)).toEqual(['vpn.credential-guard-mschapv2']);
    expect(f[0]!.evidence[0]!.text).toContain('LsaCfgFlags = 1');
    expect(diagnose(base({ registry: { keys: { a: { LsaCfgFlags: 0 } } }, vpnProfiles: [profile()] }))).toEqual([]);
    expect(diagnose(base({ registry, vpnProfiles: [profile({ auth: ['eap'], eapType: 13 })] }))).toEqual([]);
  });
});

describe('legacy Windows', () => {
  const nt4 = (servicePack?: string, fileVersions: Snapshot['fileVersions'] = []) => base({ os: { family: 'nt4', name: 'Windows NT Version 4.0', version: '4.0', ...(servicePack !== undefined ? { servicePack } : {}) }, fileVersions });
  it('NT4 below SP3, SP5 (40-bit, 128-bit, unknown), SP6, unknown', () => {
    expect(diagnose(nt4('Service Pack 2')).map((f) => [f.id, f.severity])).toEqual([['os.nt4-service-pack', 'warning']]);
    expect(diagnose(nt4('')).map((f) => f.summary)).toEqual([expect.stringContaining('no service pack')]);
    expect(diagnose(nt4('Service Pack 5', [{ path: 'C:\\WINNT\\system32\\drivers\\ndiswan.sys', version: '4.0.1381.181', description: 'MS WAN Wrapper Network Driver (Export Version)', line: 1 }]))).toEqual([]);
    expect(diagnose(nt4('Service Pack 5')).map((f) => [f.severity, f.summary.includes('not collected')])).toEqual([['warning', true]]);
    expect(diagnose(nt4('Service Pack 6'))).toEqual([]);
    expect(diagnose(nt4()).map((f) => f.severity)).toEqual(['info']);
  });
  it('DUN: Windows 98 without the 1.3 update is too old, 98 SE and DUN 1.3 are fine, unknown is info', () => {
    const w9x = (version?: string) => base({ os: { family: 'win9x', name: 'Windows 98', version: '4.10', build: '1998' }, fileVersions: version ? [{ path: 'C:\\WINDOWS\\SYSTEM\\RASAPI32.DLL', version, line: 1 }] : [] });
    expect(ids(w9x('4.10.1998'))).toEqual(['ras.dun-too-old']);
    expect(ids(w9x('4.10.1903'))).toEqual([]);
    expect(ids(w9x('4.10.2222'))).toEqual([]);
    expect(diagnose(w9x()).map((f) => [f.id, f.severity])).toEqual([['ras.dun-too-old', 'info']]);
    expect(ids(base())).toEqual([]);
  });
});
