import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { parseVpnConnection } from './vpnconnection';

/** One row per powershell/ corpus file: null = not VPN profiles; else [name, server, tunnel, encryption, auth, split, allUsers]. */
const EXPECTED: Record<string, [string, string, string, string, string[], boolean, boolean][] | null> = {
  'get-dnsclientglobalsetting-list.txt': null,
  'get-netroute-anyconnect-overlapping-wsl-route-headerless.txt': null,
  'get-netroute-anyconnect-three-defaults-headerless.txt': null,
  'get-netroute-wsl2-routes-table-header.txt': null,
  'get-vpnconnection-alluser-l2tp-split-msdocs.txt': [
    ['Test5', '10.1.1.1', 'l2tp', 'require', ['eap'], true, true],
    ['Test3', '10.1.1.1', 'l2tp', 'optional', ['pap'], false, true],
    ['Test4', '10.1.1.1', 'l2tp', 'require', ['eap'], true, true],
  ],
  'get-vpnconnection-list-user-msdocs.txt': [
    ['Test1', '10.1.1.2', 'automatic', 'require', ['mschapv2'], false, false],
    ['Test6', '10.1.1.1', 'ikev2', 'require', ['machineCertificate'], false, false],
    ['Test7', 'Washington', 'automatic', 'require', ['mschapv2'], false, false],
  ],
};

describe.skipIf(!corpusAvailable)('powershell corpus through the Get-VpnConnection reader', () => {
  it('has a row for every corpus file', () => expect(corpusFiles('powershell')).toEqual(Object.keys(EXPECTED).sort()));
  for (const [file, rows] of Object.entries(EXPECTED)) {
    it(`${file}: ${rows ? `${rows.length} profiles` : 'not VPN profiles'}`, () => {
      const r = parseVpnConnection(readCorpus('powershell', file), `powershell/${file}`);
      expect(r.problems).toEqual([]);
      expect(r.value.recognised).toBe(rows !== null);
      expect(r.value.profiles.map((p) => [p.name, p.server, p.tunnel, p.encryption, p.auth, p.splitTunnel, p.allUsers])).toEqual(rows ?? []);
    });
  }
  it('the list view gives the same model as ConvertTo-Json of the same profiles', () => {
    const list = parseVpnConnection(readCorpus('powershell', 'get-vpnconnection-alluser-l2tp-split-msdocs.txt')).value.profiles;
    const json = JSON.stringify(
      list.map((p) => ({ Name: p.name, ServerAddress: p.server, AllUserConnection: p.allUsers, TunnelType: p.strategy!.name, AuthenticationMethod: p.auth.map((a) => a[0]!.toUpperCase() + a.slice(1)), EncryptionLevel: { require: 'Required', optional: 'Optional' }[p.encryption as 'require'], L2tpIPsecAuth: p.ipsecAuth, RememberCredential: p.rememberCredential, SplitTunneling: p.splitTunnel, Routes: [] })),
    );
    const fromJson = parseVpnConnection(json, 'x.json').value.profiles;
    expect(fromJson.map(({ file: _f, line: _l, ...rest }) => rest)).toEqual(list.map(({ file: _f, line: _l, ...rest }) => rest));
  });
});

describe('Get-VpnConnection JSON shapes', () => {
  it('a single object, routes, and numeric enums marked uncertain', () => {
    const r = parseVpnConnection(JSON.stringify({ Name: 'Corp', ServerAddress: 'vpn.example.com', TunnelType: 2, AuthenticationMethod: [3], EncryptionLevel: 'Maximum', SplitTunneling: true, Routes: [{ DestinationPrefix: '10.13.1.0/24', RouteMetric: 1 }] }));
    const [p] = r.value.profiles;
    expect(p).toMatchObject({ tunnel: 'unknown', encryption: 'requireMax', auth: ['unknown'], routes: ['10.13.1.0/24'], splitTunnel: true });
    expect(p!.uncertain.join('\n')).toMatch(/TunnelType=2.*uncertain/);
  });
  it('bad JSON and unknown values are problems', () => {
    expect(parseVpnConnection('[{"Name":').problems[0]!.message).toMatch(/not valid JSON/);
    expect(parseVpnConnection('Name : A\nServerAddress : b\nTunnelType : Wormhole\n').problems[0]!.message).toMatch(/TunnelType "Wormhole"/);
  });
  it('never throws', () => fc.assert(fc.property(fc.string(), (s) => void parseVpnConnection(s))));
});
