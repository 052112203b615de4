import { describe, expect, it } from 'vitest';
import { createFakeEngine } from '../e2e/support/fake-engine';
import ipaddr from 'ipaddr.js';
import engineEn from '../app/core/i18n/en.json';
import { corporateNetworkIssue } from '../app/core/model/corporate-network';
import { corporateNetworkProblem, PolicySchema } from '../app/core/model/policy';
import { unattendedRefusal } from '../app/core/model/unattended';
import { isAllowedExternalUrl } from '../app/main/external-links';
import { silentFixArgs } from '../app/main/headless';
import { createIpcDispatcher } from '../app/main/ipc-handlers';
import { RunStore } from '../app/system/apply/journal';
import { cli, freshDataDir } from './support/cli';

/** Issue 12, Low items and item 12: each reproduced first, then refused with a reason. */

describe('corporate networks: real networks only, and never the whole Internet', () => {
  it.each([
    ['999.1.1.1/99', /CIDR/],
    ['10.13.1.1/24', /10\.13\.1\.1\/24 is not one; did you mean 10\.13\.1\.0\/24/],
    ['010.13.1.0/24', /written plainly/],
    ['0.0.0.0/0', /whole Internet: routed through the VPN it would put the VPN's default route back/],
    ['0.0.0.0/1', /covers 1\/2 of all addresses/],
    ['128.0.0.0/7', /covers 1\/128/],
  ])('%s is refused', (cidr, why) => {
    expect(corporateNetworkProblem(cidr)).toMatch(why);
    expect(PolicySchema.safeParse({ schemaVersion: 1, corporateNetworks: [cidr] }).success).toBe(false);
  });

  it.each(['10.0.0.0/8', '10.13.1.0/24', '172.16.0.0/12', '192.168.1.10/32'])('%s is a corporate network', (cidr) => {
    expect(corporateNetworkProblem(cidr)).toBeNull();
  });

  it('the IPC refuses 999.1.1.1/99 and 0.0.0.0/0 before the engine sees them', async () => {
    const d = createIpcDispatcher(createFakeEngine(), () => undefined);
    for (const net of ['999.1.1.1/99', '0.0.0.0/0']) {
      const r = await d('scan', { corporateNetworks: [net] });
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    }
    const bad = await d('scan', { corporateNetworks: ['0.0.0.0/0'] });
    expect(bad.ok ? '' : bad.error.detail).toContain('whole Internet');
    expect(await d('scan', { corporateNetworks: ['10.13.1.0/24'] })).toMatchObject({ ok: true });
  });

  it('the CLI stops --corp-net 0.0.0.0/0 with exit 4 and says why', async () => {
    const r = await cli(['fix', '--demo', '--corp-net', '0.0.0.0/0', '--dry-run'], { dataDir: freshDataDir() });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('--corp-net 0.0.0.0/0 is the whole Internet');
  });

  it.each([
    ['10.13.1.5/24', 'en', '--corp-net 10.13.1.5/24 is not where its network starts. Did you mean 10.13.1.0/24?'],
    ['10.13.1.5/24', 'nl', '--corp-net 10.13.1.5/24 begint niet waar het netwerk begint. Bedoelt u 10.13.1.0/24?'],
    ['128.0.0.0/1', 'nl', '--corp-net 128.0.0.0/1 is 1/2 van alle adressen'],
    ['999.1.1.1/99', 'nl', '--corp-net 999.1.1.1/99 is geen netwerk.'],
  ])('the CLI words --corp-net %s in --lang %s', async (cidr, lang, said) => {
    const r = await cli(['scan', '--demo', '--corp-net', cidr, '--lang', lang], { dataDir: freshDataDir() });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(said);
  });
});

describe('corporateNetworkIssue: the one rule the CLI, the IPC contract and the app check with', () => {
  it.each([
    ['10.13.1.0/24', null],
    ['10.0.0.0/8', null],
    ['192.168.1.10/32', null],
    ['10.13.1/24', { reason: 'notCidr' }],
    ['10.13.1.0', { reason: 'notCidr' }],
    ['0xa.0.0.0/8', { reason: 'notCidr' }],
    ['256.1.1.0/24', { reason: 'notCidr' }],
    ['10.13.1.0/33', { reason: 'notCidr' }],
    [' 10.13.1.0/24', { reason: 'notCidr' }],
    ['010.13.1.0/24', { reason: 'notPlain' }],
    ['10.13.1.0/024', { reason: 'notPlain' }],
    ['10.13.1.5/24', { reason: 'notNetworkAddress', suggestion: '10.13.1.0/24' }],
    ['255.255.255.255/24', { reason: 'notNetworkAddress', suggestion: '255.255.255.0/24' }],
    ['10.0.0.0/0', { reason: 'wholeInternet' }],
    ['10.1.0.0/7', { reason: 'tooWide', share: 128, minPrefix: 8 }],
    ['0.0.0.0/0', { reason: 'wholeInternet' }],
    ['128.0.0.0/7', { reason: 'tooWide', share: 128, minPrefix: 8 }],
  ])('%s → %j', (cidr, issue) => {
    expect(corporateNetworkIssue(cidr)).toEqual(issue);
  });

  it('each reason has its words in the engine catalogue (the CLI) and the app (en; nl: i18n-complete)', () => {
    for (const cidr of ['x', '010.0.0.0/8', '10.0.0.1/8', '0.0.0.0/0', '4.0.0.0/6']) {
      const reason = corporateNetworkIssue(cidr)!.reason;
      expect(typeof (engineEn.engineError.corporateNetwork as Record<string, unknown>)[reason], reason).toBe('string');
    }
  });

  it('agrees with ipaddr.js on the network address of every address/prefix (width decided first)', () => {
    for (let i = 0; i < 2000; i++) {
      const parts = Array.from({ length: 4 }, () => Math.floor(Math.random() * 256));
      const bits = Math.floor(Math.random() * 33);
      const cidr = `${parts.join('.')}/${bits}`;
      const network = ipaddr.IPv4.networkAddressFromCIDR(cidr).toString();
      const issue = corporateNetworkIssue(cidr);
      if (bits === 0) expect(issue).toEqual({ reason: 'wholeInternet' });
      else if (bits < 8) expect(issue?.reason).toBe('tooWide');
      else if (network !== parts.join('.')) expect(issue).toEqual({ reason: 'notNetworkAddress', suggestion: `${network}/${bits}` });
      else expect(issue).toBeNull();
    }
  });
});

describe('run ids name a folder under runs/: never . or ..', () => {
  it.each(['.', '..', '...', '../x', 'a/b', '20261125T161154Z-86aa78/..'])('%j is refused by the run store', (id) => {
    expect(() => new RunStore('/tmp/runs').dir(id)).toThrow(/Not a run id/);
  });

  it('the IPC refuses . and .. as run ids', async () => {
    const d = createIpcDispatcher(createFakeEngine(), () => undefined);
    for (const runId of ['.', '..']) expect(await d('rollback', { runId })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
  });

  it('rollback .. on the CLI is an unknown run, nothing is read outside runs/', async () => {
    const r = await cli(['rollback', '..', '--demo'], { dataDir: freshDataDir() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("Not a run id: ..\n");
  });
});

describe('openExternal: only the documentation hosts', () => {
  it.each(['https://learn.microsoft.com/en-us/troubleshoot/windows-client/x', 'https://support.microsoft.com/kb/180094'])('%s opens', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });
  it.each([
    'https://evil.example/',
    'http://learn.microsoft.com/',
    'https://learn.microsoft.com.evil.example/',
    'https://user:pw@learn.microsoft.com/',
    'https://learn.microsoft.com:8443/',
    'file:///C:/Windows/System32/calc.exe',
    'ms-settings:network',
    'search-ms:query=x',
    'not a url',
  ])('%s is dropped', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('unattended runs apply only what the policy allows, up to its maxRisk', () => {
  const split = (risk: 'low' | 'medium' | 'high', withNetwork: boolean) => ({
    id: 'route.vpn-default-route-wins:split-now',
    risk,
    actions: [
      { kind: 'route.delete', destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.1', interfaceIndex: 23, previousMetric: 1 },
      ...(withNetwork ? [{ kind: 'route.add', destination: '10.13.1.0', netmask: '255.255.255.0', gateway: '192.168.1.1', metric: 1, interfaceIndex: 23 }] : []),
    ],
  }) as never;
  const allow = (maxRisk?: 'low' | 'medium' | 'high') => ({ unattended: { allow: ['route.vpn-default-route-wins' as const], ...(maxRisk ? { maxRisk } : {}) } });

  it('default maxRisk is low: a medium fix is not applied unattended', () => {
    expect(unattendedRefusal(split('medium', true), 'route.vpn-default-route-wins', allow())).toMatch(/risk medium is above the policy's unattended.maxRisk \(low\)/);
    expect(unattendedRefusal(split('medium', true), 'route.vpn-default-route-wins', allow('medium'))).toBeNull();
  });

  it('a high-risk fix is refused even when maxRisk is medium, and a split without corporate networks always', () => {
    expect(unattendedRefusal(split('high', false), 'route.vpn-default-route-wins', allow('medium'))).toMatch(/risk high/);
    expect(unattendedRefusal(split('high', false), 'route.vpn-default-route-wins', allow('high'))).toMatch(/routes no corporate network through the VPN/);
  });

  it('a host route for the VPN\'s DNS server is no corporate network: still refused', () => {
    const fix = split('low', false) as unknown as { actions: object[] };
    const withDns = { ...fix, actions: [...fix.actions, { kind: 'route.add', destination: '10.13.1.10', netmask: '255.255.255.255', gateway: '192.168.1.1', metric: 1, interfaceIndex: 23 }] } as never;
    expect(unattendedRefusal(withDns, 'route.vpn-default-route-wins', allow('high'))).toMatch(/routes no corporate network through the VPN/);
    expect(unattendedRefusal(split('low', true), 'route.vpn-default-route-wins', allow('high'), [])).toMatch(/routes no corporate network/);
    expect(unattendedRefusal(split('low', true), 'route.vpn-default-route-wins', allow('high'), ['10.13.1.0/24'])).toBeNull();
  });

  it('--silent skips such a fix and says why', () => {
    const report = { findings: [{ id: 'route.vpn-default-route-wins', fixes: [split('high', false)] }] } as never;
    const skipped: string[] = [];
    expect(silentFixArgs({ demo: true }, report, allow('high'), (id, why) => skipped.push(`${id}: ${why}`))).toBeNull();
    expect(skipped).toEqual(["route.vpn-default-route-wins:split-now: removes the VPN's default route but routes no corporate network through the VPN; give corporateNetworks in the policy"]);
  });

  it('the demo split fix (high without corporate networks) is not applied by fix --yes, even when allowed', async () => {
    const dataDir = freshDataDir();
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const policy = join(mkdtempSync(join(tmpdir(), 'tm-pol-')), 'p.json');
    writeFileSync(policy, JSON.stringify({ schemaVersion: 1, unattended: { allow: ['route.vpn-default-route-wins'], maxRisk: 'high' } }));
    const r = await cli(['fix', '--demo', '--policy', policy, '--yes', '--only', 'route.vpn-default-route-wins'], { dataDir });
    expect(r.stderr).toMatch(/Skipped \((risk high|removes the VPN's default route)[^)]*\): route\.vpn-default-route-wins:split-now/);
    expect(r.code).toBe(1);
  });
});
