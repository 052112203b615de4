import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../analyse';
import { sampleCapture } from '../../../test/support/repo-files';
import { rollbackActions } from './actions';

/** Issue 15.2: after the split fix the VPN's DNS servers must still go through the tunnel. */
const capture = () => sampleCapture('win7-guard');
const splitNow = (corporateNetworks: string[]) =>
  analyseCapture(capture(), { corporateNetworks, toolVersion: 't' }).report.findings.flatMap((f) => f.fixes).find((f) => f.id === 'route.vpn-default-route-wins:split-now')!;

describe('DNS servers of the VPN in the split fix', () => {
  it('adds a host route through the tunnel for a DNS server no corporate network covers, and its undo deletes it', () => {
    const fix = splitNow([]);
    const dns = fix.actions.find((a) => a.kind === 'route.add' && a.destination === '10.13.1.10');
    expect(dns).toMatchObject({ netmask: '255.255.255.255', gateway: '192.168.1.1', interfaceIndex: 23 });
    expect(rollbackActions(fix.actions)[0]).toMatchObject({ kind: 'route.delete', destination: '10.13.1.10', netmask: '255.255.255.255' });
  });

  it('adds none when a corporate network already carries the DNS server', () => {
    expect(splitNow(['10.13.0.0/16']).actions.some((a) => a.kind === 'route.add' && a.netmask === '255.255.255.255')).toBe(false);
  });
});
