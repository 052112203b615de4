import { describe, expect, it } from 'vitest';
import type { Capture } from '../app/core/capture/capture';
import { analyseCapture } from '../app/core/analyse';
import { buildSnapshot } from '../app/core/snapshot/build-snapshot';

/**
 * Issue 12 item 14: deep or huge input must not crash the scan (stack overflow from recursion,
 * RangeError from spreading an unbounded array into arguments). Sizes are above the point where
 * the old code broke (≈ 120 000 spread arguments on this Node) but small enough for ≈ 10 s.
 * The reader's bounded concurrency (EMFILE) is in capture-safety.test.ts.
 */

const capture = (files: Record<string, string>): Capture => ({
  origin: 'capture',
  label: 't',
  meta: { schemaVersion: 1 },
  files: new Map(Object.entries(files).map(([name, text]) => [name, { name, text, encoding: 'utf-8' }])),
  readProblems: [],
});

describe('deep or huge input (item 14)', () => {
  it('100 000-deep nesting in Get-VpnConnection JSON', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const json = `[{"Name":"Corp","ServerAddress":"vpn.example.com","TunnelType":${deep(100_000)},"AuthenticationMethod":${deep(100_000)},"EncryptionLevel":{"a":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}]`;
    const { report } = analyseCapture(capture({ 'powershell/vpnconnection.json': json }), { toolVersion: 't' });
    expect(report.snapshot.vpnProfiles).toHaveLength(1);
    expect(report.snapshot.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('TunnelType a list is not a value we know'));
    expect(() => JSON.stringify(report)).not.toThrow();
  });

  it('200 000 VPN objects', () => {
    const items = Array.from({ length: 200_000 }, (_, i) => ({ Name: `v${i}`, ServerAddress: `s${i}.example.com`, TunnelType: 'Bogus' }));
    const { snapshot } = buildSnapshot(capture({ 'powershell/vpnconnection.json': JSON.stringify(items) }));
    expect(snapshot.vpnProfiles).toHaveLength(200_000);
    // one problem per object (an unknown tunnel type): 200 000 problems, appended without a spread
    expect(snapshot.problems.length).toBeGreaterThanOrEqual(200_000);
  }, 30_000);

  it('200 000 phonebook entries', () => {
    let pbk = '';
    for (let i = 0; i < 200_000; i++) pbk += `[E${i}]\r\nPhoneNumber=vpn${i}.example.com\r\nType=2\r\n\r\n`;
    const { snapshot } = buildSnapshot(capture({ 'pbk/rasphone.pbk': pbk }));
    expect(snapshot.vpnProfiles).toHaveLength(200_000);
  }, 30_000);

  it('200 000 unparsable registry lines', () => {
    const text = `HKEY_LOCAL_MACHINE\\SOFTWARE\\X\r\n${'    garbage\r\n'.repeat(200_000)}`;
    const { snapshot } = buildSnapshot(capture({ 'registry/x.txt': text }));
    expect(snapshot.problems.length).toBeGreaterThanOrEqual(200_000);
  }, 30_000);
});

describe('long lines stay linear', () => {
  it('an ipconfig line of 100 000 non-letters (the fuzzer met one that took 6 minutes)', () => {
    const text = `\r\nWindows IP Configu${'{'.repeat(100_000)}ration\r\n\r\n   Host Name . . . . . . . . . . . . : PC1\r\n`;
    // a quadratic scan of this line takes minutes; linear takes milliseconds (the test timeout is the judge)
    const { snapshot } = buildSnapshot(capture({ 'ipconfig-all.txt': text }));
    expect(snapshot.problems.length).toBeGreaterThan(0);
  }, 20_000);
});

describe('long lines stay linear (ver)', () => {
  it('a ver.txt line of "[Version …" and 100 000 line separators (the fuzzer met one with CRs that took 6 minutes)', () => {
    const { snapshot } = buildSnapshot(capture({ 'ver.txt': `\r\nWindows 95. [Version 4.00.950${'\u2028'.repeat(100_000)}]\r\n` }));
    expect(snapshot.os.family).toBe('win9x');
  }, 20_000);
});
