import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLmhosts } from '../parse/lmhosts';
import { ActionSchema, inverseOf, rollbackActions, routeArgv, type Action } from './actions';
import { cmdLine, cmdRegArg } from './escape-reg';
import { BLOCK_BEGIN, BLOCK_END, domainLines, hasDomainEntries, withDomainBlock } from './lmhosts-edit';
import { renderCmd } from './render-cmd';
import { renderPs1 } from './render-ps1';
import { regAddLine, scriptCompanions } from './render-registry';
import type { RegistrySet } from './registry-actions';
import { decodeCaptureBytes } from '../capture/decode';
import { lookupValue } from '../model/registry-view';
import { parseRegFile } from '../parse/reg-file';

const KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon';
const text = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 });
const state = fc.oneof(
  text.map((data) => ({ type: 'REG_SZ' as const, data })),
  text.map((data) => ({ type: 'REG_EXPAND_SZ' as const, data })),
  fc.array(text.filter((s) => s !== ''), { maxLength: 4 }).map((data) => ({ type: 'REG_MULTI_SZ' as const, data })),
  fc.integer({ min: 0, max: 0xffffffff }).map((data) => ({ type: 'REG_DWORD' as const, data })),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((n) => ({ type: 'REG_QWORD' as const, data: `0x${n.toString(16)}` })),
  fc.uint8Array({ maxLength: 8 }).map((b) => ({ type: 'REG_BINARY' as const, data: Buffer.from(b).toString('hex') })),
);
const registryAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ s: state, prev: fc.option(state, { nil: undefined }), keyExisted: fc.boolean(), name: text }).map(({ s, prev, keyExisted, name }) => ({
    kind: 'registry.set' as const,
    key: KEY,
    name,
    ...s,
    view: 64 as const,
    previous: prev && keyExisted ? prev : { absent: true as const },
    keyExisted,
    ...(!keyExisted && name.length % 2 ? { createdFrom: 'HKLM\\SOFTWARE\\Microsoft' } : {}),
  })),
  fc.record({ s: state, removeKey: fc.boolean(), name: text }).map(({ s, removeKey, name }) => ({ kind: 'registry.delete' as const, key: KEY, name, view: 64 as const, previous: s, removeKey })),
  fc.record({ a: fc.string(), b: fc.string() }).map(({ a, b }) => ({ kind: 'file.replace' as const, path: { kind: 'lmhosts' as const }, content: a, previous: b, encoding: 'utf-8', lineEnding: 'crlf' as const })),
  fc.constant({ kind: 'nbtstat.reload' as const }),
);

describe('registry and file actions', () => {
  it('every action is valid, its inverse is valid, and the inverse of the inverse is the action', () => {
    fc.assert(
      fc.property(registryAction, (a) => {
        expect(ActionSchema.safeParse(a).success).toBe(true);
        const inv = inverseOf(a);
        expect(ActionSchema.safeParse(inv).success).toBe(true);
        expect(inverseOf(inv)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('a set of a value that did not exist is undone by deleting it (and the key it created)', () => {
    const set: Action = { kind: 'registry.set', key: KEY, name: 'KeepRasConnections', type: 'REG_SZ', data: '1', view: 64, previous: { absent: true }, keyExisted: false };
    expect(inverseOf(set)).toEqual({ kind: 'registry.delete', key: KEY, name: 'KeepRasConnections', view: 64, previous: { type: 'REG_SZ', data: '1' }, removeKey: true });
    const retype: Action = { ...set, keyExisted: true, previous: { type: 'REG_DWORD', data: 0 } };
    expect(inverseOf(retype)).toMatchObject({ kind: 'registry.set', type: 'REG_DWORD', data: 0, previous: { type: 'REG_SZ', data: '1' } });
  });

  it('the schema refuses what reg.exe cannot write exactly', () => {
    const base = { kind: 'registry.set', key: KEY, name: 'x', view: 64, previous: { absent: true }, keyExisted: true };
    expect(ActionSchema.safeParse({ ...base, type: 'REG_SZ', data: 'a\r\nb' }).success).toBe(false);
    expect(ActionSchema.safeParse({ ...base, type: 'REG_DWORD', data: 'x' }).success).toBe(false);
    expect(ActionSchema.safeParse({ ...base, type: 'REG_NONE', data: '' }).success).toBe(false);
    expect(ActionSchema.safeParse({ ...base, key: 'HKLM\\X\\', type: 'REG_SZ', data: '' }).success).toBe(false);
    expect(ActionSchema.safeParse({ ...base, keyExisted: false, previous: { type: 'REG_SZ', data: '' }, type: 'REG_SZ', data: '' }).success).toBe(false);
  });

  it('routeArgv still renders route actions and refuses the others', () => {
    expect(routeArgv({ kind: 'route.add', destination: '10.0.0.0', netmask: '255.0.0.0', gateway: '10.1.1.1', metric: 1 })).toEqual(['ADD', '10.0.0.0', 'MASK', '255.0.0.0', '10.1.1.1', 'METRIC', '1']);
    expect(() => routeArgv({ kind: 'nbtstat.reload' })).toThrow(/not a route action/);
  });
});

/** CommandLineToArgvW's rules (what reg.exe's C runtime does) for a whole command line. */
function crtSplit(line: string): string[] {
  const args: string[] = [];
  let out = '';
  let inQuotes = false;
  let started = false;
  for (let i = 0; i < line.length; ) {
    let bs = 0;
    while (line[i] === '\\') {
      bs++;
      i++;
    }
    if (line[i] === '"') {
      out += '\\'.repeat(Math.floor(bs / 2));
      if (bs % 2) out += '"';
      else inQuotes = !inQuotes;
      started = true;
      i++;
    } else if (bs === 0 && line[i] === ' ' && !inQuotes) {
      if (started) args.push(out);
      out = '';
      started = false;
      i++;
    } else {
      out += '\\'.repeat(bs);
      if (i < line.length) out += line[i++];
      started = true;
    }
  }
  if (started) args.push(out);
  expect(inQuotes).toBe(false);
  return args;
}

/** cmd.exe's reading of a batch line: %% → %, ^x → x outside quotes. Metacharacters must not be live. */
function cmdRead(line: string): string {
  let out = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '%') {
      expect(line[i + 1]).toBe('%');
      out += '%';
      i++;
    } else if (c === '"') {
      inQuotes = !inQuotes;
      out += c;
    } else if (!inQuotes && c === '^') out += line[++i];
    else {
      if (!inQuotes) expect('&|<>').not.toContain(c);
      out += c;
    }
  }
  return out;
}

describe('escaping for reg.exe in a .cmd file', () => {
  it('cmd passes a whole line through; the C runtime gives back every argument (fast-check)', () => {
    const unit = fc.oneof(fc.constantFrom(...'%^&|<>"!()\\ '.split('')), fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)));
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 30 }), { minLength: 1, maxLength: 4 }), (values) => {
        const line = cmdLine(['reg', 'add', ...values.flatMap((v) => ['/d', cmdRegArg(v)])]);
        expect(crtSplit(cmdRead(line))).toEqual(['reg', 'add', ...values.flatMap((v) => ['/d', v])]);
      }),
      { numRuns: 3000 },
    );
  });

  it('a quote followed by & cannot start a second command', () => {
    const line = regAddLine({ key: 'HKLM\\SOFTWARE\\X', name: 'n', type: 'REG_SZ', data: 'a"&calc&"b' });
    expect(line).toBe('"%TM_REG%" add "HKLM\\SOFTWARE\\X" /v "n" /t REG_SZ /d "a\\"^&calc^&\\"b" /f %TM_REGVIEW%');
  });

  it('REG_MULTI_SZ picks a separator no item contains', () => {
    expect(regAddLine({ key: 'HKLM\\X', name: '', type: 'REG_MULTI_SZ', data: ['a#b', 'c'] })).toBe('"%TM_REG%" add "HKLM\\X" /ve /t REG_MULTI_SZ /s "~" /d "a#b~c" /f %TM_REGVIEW%');
  });
});

describe('scripts for registry and LMHOSTS steps', () => {
  const set: Action = { kind: 'registry.set', key: KEY, name: 'KeepRasConnections', type: 'REG_SZ', data: '1', view: 64, previous: { type: 'REG_DWORD', data: 0 }, keyExisted: true };
  const replace: Action = { kind: 'file.replace', path: { kind: 'lmhosts' }, content: 'new\r\n', previous: 'old\r\n', encoding: 'cp850', lineEnding: 'crlf' };
  const steps = [set, { kind: 'nbtstat.reload' }, replace].map((action, i) => ({ action: action as Action, label: `step ${i + 1}` }));

  it('.cmd: /reg:64 on 64-bit Windows only, each call judged by errorlevel, the file via companions', () => {
    const cmd = renderCmd({ title: 'TunnelMedic test', steps });
    expect(cmd).toContain('if defined PROCESSOR_ARCHITEW6432 set "TM_REGVIEW=/reg:64"');
    expect(cmd).toContain(`"%TM_REG%" add "${KEY}" /v "KeepRasConnections" /t REG_SZ /d "1" /f %TM_REGVIEW%\r\nif errorlevel 1 goto :failed`);
    expect(cmd).toContain('"%TM_NBTSTAT%" -R\r\nif errorlevel 1 goto :failed');
    expect(cmd).toContain('set "TM_REG=%TM_SYS%\\reg.exe"');
    const [a, b] = scriptCompanions(steps.map((s) => s.action));
    expect(cmd).toContain(`set "TM_NEW=%~dp0${a!.name}"`);
    expect(cmd).toContain(`set "TM_PREV=%~dp0${b!.name}"`);
    expect(cmd).toContain(':replacefile');
    expect(Buffer.from(a!.bytes).toString('latin1')).toBe('new\r\n');
    // the rollback uses the same two companions, swapped
    const undo = renderCmd({ title: 'undo', steps: rollbackActions(steps.map((s) => s.action)).map((action) => ({ action, label: 'u' })) });
    expect(undo).toContain(`set "TM_NEW=%~dp0${b!.name}"`);
    expect(undo).toContain('/t REG_DWORD /d 0 /f');
  });

  it('.ps1: .NET registry in the 64-bit view, LMHOSTS bytes embedded', () => {
    const ps1 = renderPs1({ title: 'TunnelMedic test', steps });
    expect(ps1).toContain("[Microsoft.Win32.RegistryView]::Registry64");
    expect(ps1).toContain("$k.SetValue('KeepRasConnections', '1', [Microsoft.Win32.RegistryValueKind]::String)");
    expect(ps1).toContain(Buffer.from('new\r\n').toString('base64'));
    const dword = renderPs1({ title: 't', steps: [{ action: { ...set, type: 'REG_DWORD', data: 0xffffffff } as Action, label: 'x' }] });
    expect(dword).toContain('([int](-1))');
  });
});

describe('the LMHOSTS block of Q180094', () => {
  const spec = { netbiosName: 'corp', controllers: [{ name: 'dc1', address: '10.13.1.10' }] };
  it('writes the DC line and the padded 1B line', () => {
    expect(domainLines(spec)).toEqual(['10.13.1.10  DC1  #PRE  #DOM:CORP', '10.13.1.10  "CORP           \\0x1B"  #PRE']);
    const parsed = parseLmhosts(domainLines(spec).join('\n'));
    expect(parsed.value.issues).toEqual([]);
    expect(hasDomainEntries(parsed.value, spec)).toEqual({ dcLines: true, domainLine: true });
  });
  it('appends with the file line ending, keeps every other byte, and replaces its own block in place', () => {
    const lf = '# header\n10.0.0.1 printer';
    const once = withDomainBlock(lf, domainLines(spec), 'lf');
    expect(once).toBe(`# header\n10.0.0.1 printer\n${BLOCK_BEGIN}\n${domainLines(spec).join('\n')}\n${BLOCK_END}\n`);
    const crlf = `a\r\n${BLOCK_BEGIN}\r\nold\r\n${BLOCK_END}\r\nz\r\n`;
    expect(withDomainBlock(crlf, ['x'], 'crlf')).toBe(`a\r\n${BLOCK_BEGIN}\r\nx\r\n${BLOCK_END}\r\nz\r\n`);
    expect(withDomainBlock(once, domainLines(spec), 'lf')).toBe(once);
  });
});

describe('long and non-ASCII values never reach a .cmd line (issue 12.1, 12.8)', () => {
  const unit = fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.constantFrom(...'%^&|<>"!()\\'.split('')),
    fc.constantFrom(...'ЖщİıŞğ中文한'.split('')),
  );
  const text = fc.tuple(fc.string({ unit, minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 33_000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));
  const action = fc
    .tuple(fc.constantFrom('REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ' as const), text, fc.string({ unit, minLength: 1, maxLength: 300 }), text)
    .map(([type, data, name, previous]): Action => ({
      kind: 'registry.set',
      key: 'HKLM\\SOFTWARE\\TunnelMedicTest',
      name,
      type,
      data: type === 'REG_MULTI_SZ' ? data.match(/[\s\S]{1,4000}/g) ?? ['x'] : data,
      view: 64,
      previous: { type: 'REG_SZ', data: previous },
      keyExisted: true,
    }));

  it('every script line is printable ASCII and short; the companion .reg holds the exact value (fast-check)', () => {
    fc.assert(
      fc.property(action, (a) => {
        expect(ActionSchema.safeParse(a).success).toBe(true);
        for (const actions of [[a], rollbackActions([a])]) {
          const cmd = renderCmd({ title: 'TunnelMedic ÄÖÜ 中文 test', steps: actions.map((x) => ({ action: x, label: 'Wert ändern: Привет' })) });
          for (const line of cmd.split('\r\n')) {
            expect(line.length).toBeLessThan(2100);
            expect(line).toMatch(/^[\x20-\x7e]*$/);
          }
          for (const c of scriptCompanions(actions)) {
            const set = actions[0] as RegistrySet;
            const parsed = parseRegFile(decodeCaptureBytes(Buffer.from(c.bytes)).text, c.name);
            expect(parsed.problems).toEqual([]);
            const v = lookupValue(parsed.value, set.key, set.name);
            expect(v).toMatchObject({ state: 'present', value: { type: set.type, data: set.data } });
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('every value type is written exactly by its .reg companion (fast-check)', () => {
    fc.assert(
      fc.property(state, (st) => {
        // a non-ASCII name sends the step to the companion file
        const set = { kind: 'registry.set', key: KEY, name: 'Wert ü', ...st, view: 64, previous: { absent: true }, keyExisted: true } as RegistrySet;
        const [c] = scriptCompanions([set]);
        const parsed = parseRegFile(decodeCaptureBytes(Buffer.from(c!.bytes)).text, c!.name);
        expect(lookupValue(parsed.value, KEY, 'Wert ü')).toMatchObject({ state: 'present', value: st });
      }),
      { numRuns: 300 },
    );
  });
});
