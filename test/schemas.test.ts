import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_IDS } from '../app/core/model/policy';
import { generateSchemas, schemaFileText, SCHEMA_DIR } from '../scripts/gen-schemas';
import { cli, freshDataDir } from './support/cli';
import { expectValidReport, policySchema, reportSchema, validatePolicyJson } from './support/report-schema';

const root = join(import.meta.dirname, '..');
const sampleDirs = readdirSync(join(root, 'samples')).filter((d) => existsSync(join(root, 'samples', d, 'capture.json')));

describe('published JSON Schemas (app/shared/schema)', () => {
  it.each(Object.entries(generateSchemas()))('%s is what `npm run gen:schemas` generates from the zod types', (name, schema) => {
    expect(readFileSync(join(SCHEMA_DIR, name), 'utf8'), `run npm run gen:schemas and commit ${name}`).toBe(schemaFileText(schema));
  });

  it('are JSON Schema 2020-12 with the finding ids of the policy', () => {
    expect(reportSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(policySchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(policySchema.properties.unattended.properties.allow.items.enum).toEqual([...FINDING_IDS]);
    expect(policySchema.additionalProperties).toBe(false);
  });
});

describe('every report the CLI produces validates against report.schema.json', () => {
  it('scan --demo --json', async () => {
    const r = await cli(['scan', '--demo', '--json']);
    expect(expectValidReport(r.stdout).source).toBe('demo');
  });

  it.each(sampleDirs)('scan --capture samples/%s --json', async (dir) => {
    const r = await cli(['scan', '--capture', join(root, 'samples', dir), '--json']);
    expect([0, 1]).toContain(r.code);
    expectValidReport(r.stdout);
  });

  it('scan --out FILE and fix --yes --json (a report with its run)', async () => {
    const dataDir = freshDataDir();
    const out = join(mkdtempSync(join(tmpdir(), 'tm-schema-')), 'report.json');
    await cli(['scan', '--demo', '--quiet', '--out', out], { dataDir });
    expectValidReport(readFileSync(out, 'utf8'));
    const fixed = await cli(['fix', '--demo', '--yes', '--json'], { dataDir });
    expect(fixed.code).toBe(0);
    const report = expectValidReport(fixed.stdout) as { run?: { verified: boolean } };
    expect(report.run?.verified).toBe(true);
    expectValidReport((await cli(['scan', '--demo', '--json'], { dataDir })).stdout);
  });

  it('a failed fix that was rolled back (exit 2)', async () => {
    const r = await cli(['fix', '--demo', '--yes', '--json', '--fail-route-call', '2']);
    expect(r.code).toBe(2);
    expect((expectValidReport(r.stdout) as { run: { rolledBack: boolean } }).run.rolledBack).toBe(true);
  });

  it('report --json, redacted', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tm-schema-')), 'r.zip');
    const r = await cli(['report', '--demo', '--out', out, '--redact', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expectValidReport(r.stdout);
  });
});

describe('policy files: the schema and the CLI reject the same mistakes, naming the field (exit 4)', () => {
  const policy = (content: unknown) => {
    const path = join(mkdtempSync(join(tmpdir(), 'tm-policy-')), 'policy.json');
    writeFileSync(path, JSON.stringify(content));
    return { path, content };
  };

  it('the demo policy and the DESIGN.md example are valid', () => {
    expect(validatePolicyJson(JSON.parse(readFileSync(join(root, 'samples', 'demo', 'policy.json'), 'utf8')))).toBe(true);
    const example = {
      schemaVersion: 1,
      corporateNetworks: ['10.13.1.0/24'],
      vpnServers: ['vpn.example.com', '161.44.20.10'],
      domain: { netbiosName: 'CORP', dnsName: 'corp.example.com', controllers: [{ name: 'DC1', address: '10.13.1.10' }] },
      unattended: { allow: ['route.vpn-default-route-wins', 'ras.keep-connections-disabled'] },
    };
    expect(validatePolicyJson(example)).toBe(true);
  });

  const bad: [string, unknown, RegExp, string][] = [
    ['an unknown finding id in unattended.allow', { schemaVersion: 1, unattended: { allow: ['route.vpn-default-route-wins', 'route.everything-ok'] } }, /unattended\.allow\.1: must be one of "route\.vpn-default-route-wins", /, '/unattended/allow/1'],
    ['a 20-character NetBIOS name', { schemaVersion: 1, domain: { netbiosName: 'CORPORATEHEADOFFICE1' } }, /domain\.netbiosName: at most 15 characters\./, '/domain/netbiosName'],
    ['a bad CIDR (host bits set)', { schemaVersion: 1, corporateNetworks: ['10.13.1.5/24'] }, /corporateNetworks\.0: 10\.13\.1\.5\/24 is not where its network starts\. Did you mean 10\.13\.1\.0\/24\?/, ''],
    ['an unknown key inside domain', { schemaVersion: 1, domain: { netbiosName: 'CORP', forest: 'x' } }, /domain: unknown field "forest"/, '/domain'],
    ['a wrong type', { schemaVersion: 1, corporateNetworks: '10.13.1.0/24' }, /corporateNetworks: expected a value of JSON type array\./, '/corporateNetworks'],
    ['a missing schemaVersion', { corporateNetworks: [] }, /schemaVersion: must be 1\./, ''],
  ];
  it.each(bad)('%s', async (name, content, message, schemaPath) => {
    const { path } = policy(content);
    const r = await cli(['scan', '--demo', '--policy', path]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const valid = validatePolicyJson(content);
    // JSON Schema cannot say "network address only" (10.13.1.5/24 has the shape); the CLI does.
    if (schemaPath || !/CIDR/.test(name)) expect(valid).toBe(false);
    if (schemaPath) expect(validatePolicyJson.errors!.map((e) => e.instancePath)).toContain(schemaPath);
  });
});
