import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActionSchema, inverseOf } from './actions';
import { vpnActionArgv, vpnActionCmdLine, vpnActionPs, type VpnAction } from './vpn-actions';

describe('VPN profile actions', () => {
  it('render the VpnClient cmdlets with every value single-quoted', () => {
    expect(vpnActionPs({ kind: 'vpn.split.set', connectionName: "Bob's VPN", allUsers: true, splitTunneling: true, previous: false })).toBe(
      "Set-VpnConnection -Name 'Bob''s VPN' -AllUserConnection -SplitTunneling $true -Force -ErrorAction Stop",
    );
    expect(vpnActionPs({ kind: 'vpn.route.add', connectionName: 'Corp VPN', allUsers: false, destinationPrefix: '10.13.1.0/24' })).toBe(
      "Add-VpnConnectionRoute -ConnectionName 'Corp VPN' -DestinationPrefix '10.13.1.0/24' -ErrorAction Stop",
    );
  });

  it('inverses restore the previous setting and remove what was added', () => {
    const set: VpnAction = { kind: 'vpn.split.set', connectionName: 'Corp VPN', allUsers: false, splitTunneling: true, previous: false };
    expect(inverseOf(set)).toEqual({ ...set, splitTunneling: false, previous: true });
    const add: VpnAction = { kind: 'vpn.route.add', connectionName: 'Corp VPN', allUsers: false, destinationPrefix: '10.13.1.0/24' };
    expect(inverseOf(add)).toEqual({ ...add, kind: 'vpn.route.remove' });
    expect(inverseOf(inverseOf(add))).toEqual(add);
  });

  it('in a .cmd any connection name travels as -EncodedCommand, so cmd.exe metacharacters cannot break out', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }).filter((s) => !/[\u0000-\u001f]/.test(s)), (name) => {
        const action: VpnAction = { kind: 'vpn.route.remove', connectionName: name, allUsers: false, destinationPrefix: '10.0.0.0/8' };
        expect(ActionSchema.safeParse(action).success).toBe(true);
        const line = vpnActionCmdLine(action);
        expect(line).toMatch(/^"%TM_PS%" -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand [A-Za-z0-9+/=]+$/);
        const decoded = Buffer.from(line.split(' ').at(-1)!, 'base64').toString('utf16le');
        expect(decoded).toBe(`$ErrorActionPreference = 'Stop'; ${vpnActionPs(action)}`);
        expect(vpnActionArgv(action).at(-1)).toBe(decoded);
      }),
    );
  });
});
