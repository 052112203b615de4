import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../app/core/analyse';
import type { Capture } from '../app/core/capture/capture';
import { lookupValue, registryViewOf } from '../app/core/model/registry-view';
import type { Report } from '../app/core/model/report';
import { parseRegFile } from '../app/core/parse/reg-file';
import { parseRegQuery } from '../app/core/parse/reg-query';
import { regAddArgv } from '../app/core/remedy/reg-argv';
import { RegStateSchema, whyNotRestorable, type RegistrySet } from '../app/core/remedy/registry-actions';
import { regAddLine } from '../app/core/remedy/render-registry';

/**
 * Issue 12 items 6, 7 and the empty REG_MULTI_SZ item: a value the reader cannot parse is unknown
 * (never "absent", which would make the rollback delete it), and an old value no script can write
 * back withholds the fix with its reason, while the scan completes.
 */

const POLICIES = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System';
const VER = 'Microsoft Windows [Version 10.0.22631.4460]\r\n';

function capture(registry: Record<string, string>): Capture {
  const files = new Map(Object.entries({ 'ver.txt': VER, ...Object.fromEntries(Object.entries(registry).map(([k, v]) => [`registry/${k}`, v])) }).map(([name, text]) => [name, { name, text, encoding: 'utf-8' }]));
  return { origin: 'capture', label: 't', meta: { schemaVersion: 1 }, files, readProblems: [] };
}

const query = (valueLines: string) => `reg query "${POLICIES}"\r\n\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\r\n    EnableLUA    REG_DWORD    0x1\r\n${valueLines}\r\n`;
const regFile = (valueLines: string) => `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System]\r\n"EnableLUA"=dword:00000001\r\n${valueLines}\r\n`;

const scan = (registry: Record<string, string>): Report => analyseCapture(capture(registry), { toolVersion: 't' }).report;
const cachedLogon = (r: Report) => r.findings.find((f) => f.id === 'logon.cached-credentials-silent');
/** every registry action of every fix and its rollback that touches ReportControllerMissing */
const touching = (r: Report) => r.findings.flatMap((f) => f.fixes.flatMap((x) => [...x.actions, ...x.rollbackActions])).filter((a) => a.kind.startsWith('registry.') && (a as RegistrySet).name === 'ReportControllerMissing');

describe('unparsable is not absent (item 6)', () => {
  it.each([
    ['reg query: REG_DWORD 0x100000000', { 'p.txt': query('    ReportControllerMissing    REG_DWORD    0x100000000') }],
    ['reg query: an unknown type', { 'p.txt': query('    ReportControllerMissing    REG_WEIRD    01') }],
    ['reg query: a line inside the listing nobody understands', { 'p.txt': query('    ReportControllerMissing') }],
    ['.reg: dword with 9 digits', { 'p.reg': regFile('"ReportControllerMissing"=dword:100000000') }],
    ['.reg: bad hex bytes', { 'p.reg': regFile('"ReportControllerMissing"=hex(4):zz,00') }],
    ['.reg: a line that is no value line', { 'p.reg': regFile('ReportControllerMissing=1') }],
  ])('%s: the value is unknown, so no fix plans a set (whose undo would delete it)', (_name, files) => {
    const r = scan(files);
    expect(lookupValue(registryViewOf(r.snapshot.registry), POLICIES, 'ReportControllerMissing').state).toBe('unknown');
    expect(touching(r)).toEqual([]);
    expect(r.snapshot.problems.length).toBeGreaterThan(0);
    // the value that was understood is still known
    expect(lookupValue(registryViewOf(r.snapshot.registry), POLICIES, 'EnableLUA').state).toBe('present');
  });

  it('a parse failure names the value and says no fix changes it', () => {
    const r = scan({ 'p.txt': query('    ReportControllerMissing    REG_DWORD    0x100000000') });
    expect(r.snapshot.problems).toContainEqual({
      source: 'registry/p.txt',
      line: 5,
      message: expect.stringMatching(/ReportControllerMissing.*unknown, so no fix changes it/),
      code: 'regQuery.valueUnknown',
      params: { reason: { code: 'regValue.notDword', params: { type: 'REG_DWORD', name: 'ReportControllerMissing', text: '0x100000000' } } },
    });
  });

  it('U+2028, U+2029 and a no-break space are data, in reg query text and in .reg strings', () => {
    const odd = 'a\u2028b\u2029c\u00a0';
    const q = parseRegQuery(query(`    ReportControllerMissing    REG_SZ    ${odd}`), 'q');
    expect(lookupValue(q.value, POLICIES, 'ReportControllerMissing')).toMatchObject({ state: 'present', value: { data: odd } });
    const f = parseRegFile(regFile(`"ReportControllerMissing"="${odd}"\r\n"Name\u2028two"="x"`), 'f');
    expect(f.problems).toEqual([]);
    expect(lookupValue(f.value, POLICIES, 'ReportControllerMissing')).toMatchObject({ state: 'present', value: { data: odd } });
    expect(lookupValue(f.value, POLICIES, 'Name\u2028two').state).toBe('present');
  });

  it('a REG_SZ that ends in blanks keeps them (reg.exe prints them)', () => {
    const q = parseRegQuery(query('    ReportControllerMissing    REG_SZ    1  '), 'q');
    expect(lookupValue(q.value, POLICIES, 'ReportControllerMissing')).toMatchObject({ state: 'present', value: { data: '1  ' } });
  });

  it('an empty REG_MULTI_SZ item inside a .reg hex(7) list is kept, not dropped', () => {
    // "a", "", "b" + terminator, UTF-16LE
    const hex = ['61', '00', '00', '00', '00', '00', '62', '00', '00', '00', '00', '00'].join(',');
    const f = parseRegFile(regFile(`"Multi"=hex(7):${hex}`), 'f');
    expect(lookupValue(f.value, POLICIES, 'Multi')).toMatchObject({ state: 'present', value: { data: ['a', '', 'b'] } });
  });
});

describe('one odd value never aborts the scan; its fix is withheld with the reason (item 7, Low)', () => {
  it.each([
    ['a TAB in a REG_SZ', { 'p.txt': query('    ReportControllerMissing    REG_SZ    a\tb') }, /control character \(U\+0009\)/],
    ['a REG_MULTI_SZ that holds every separator', { 'p.txt': query(`    ReportControllerMissing    REG_MULTI_SZ    ${"#~`@$*+?:;,=-_.abcdefghijklmnopqrstuvwxyz".split('').join('x')}`) }, /every character reg\.exe could separate/],
    ['a REG_MULTI_SZ with an empty item', { 'p.txt': query('    ReportControllerMissing    REG_MULTI_SZ    a\\0\\0b') }, /empty item \(item 2\)/],
    ['a REG_NONE', { 'p.txt': query('    ReportControllerMissing    REG_NONE    00') }, /type \(REG_NONE\)/],
    ['a REG_SZ longer than reg.exe writes', { 'p.txt': query(`    ReportControllerMissing    REG_SZ    ${'A'.repeat(16_384)}`) }, /16384 characters/],
  ])('%s', (_name, files, reason) => {
    const r = scan(files);
    const finding = cachedLogon(r);
    expect(finding, 'the finding is still reported').toBeDefined();
    expect(finding!.fixes).toEqual([]);
    expect(finding!.evidence.map((e) => e.text)).toContainEqual(expect.stringMatching(reason));
    expect(touching(r)).toEqual([]);
  });

  it('the reason is in Dutch too', () => {
    const r = analyseCapture(capture({ 'p.txt': query('    ReportControllerMissing    REG_SZ    a\tb') }), { toolVersion: 't', language: 'nl' }).report;
    expect(cachedLogon(r)!.evidence.map((e) => e.text)).toContainEqual(expect.stringMatching(/Geen oplossing wijzigt .*stuurteken \(U\+0009\)/));
  });

  it('a previous value that can be written back still gets its fix', () => {
    const r = scan({ 'p.txt': query('    ReportControllerMissing    REG_SZ    no') });
    expect(touching(r)).toContainEqual(expect.objectContaining({ kind: 'registry.set', previous: { type: 'REG_SZ', data: 'no' } }));
  });

  it('property: whatever whyNotRestorable lets through, the schema accepts and both renderers write', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 12 });
    const state = fc.oneof(
      anyText.map((data) => ({ type: 'REG_SZ', data })),
      fc.array(anyText, { maxLength: 5 }).map((data) => ({ type: 'REG_MULTI_SZ', data })),
      fc.array(fc.constantFrom(...'#~`@$*+?:;,=-_.abcdefghijklmnopqrstuvwxyzABCXYZ'), { maxLength: 50 }).map((chars) => ({ type: 'REG_MULTI_SZ', data: chars.length ? [chars.join('')] : [] })),
      fc.constantFrom('REG_NONE', 'REG_LINK', 'REG_RESOURCE_LIST').map((type) => ({ type, data: '00' })),
    );
    fc.assert(
      fc.property(state, (s) => {
        if (whyNotRestorable(s)) return;
        expect(RegStateSchema.safeParse(s).success).toBe(true);
        const set = { kind: 'registry.set', key: POLICIES, name: 'X', type: s.type, data: s.data, view: 64, previous: { absent: true }, keyExisted: true } as RegistrySet;
        expect(() => regAddLine(set)).not.toThrow();
        expect(() => regAddArgv(set, true)).not.toThrow();
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});
