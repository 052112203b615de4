import { describe, expect, it } from 'vitest';
import { parseRegFile } from '../parse/reg-file';
import { lookupValue } from '../model/registry-view';
import { inverseOf } from '../remedy/actions';
import type { RegistryAction } from '../remedy/registry-actions';
import { applyRegistryAction, emptyView, renderRegFile } from './registry-sim';

const RASMAN = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters';

describe('registry simulator', () => {
  it('set on an absent key creates it; the inverse removes exactly that; the .reg round-trips through the real parser', () => {
    const start = parseRegFile(['Windows Registry Editor Version 5.00', '', `[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\RasMan]`, '"Start"=dword:00000003', ''].join('\r\n'), 'x.reg').value;
    const set: RegistryAction = { kind: 'registry.set', key: RASMAN, name: 'KeepRasConnections', type: 'REG_DWORD', data: 1, view: 64, previous: { absent: true }, keyExisted: false };
    const after = applyRegistryAction(start, set);
    expect(lookupValue(after, RASMAN, 'KeepRasConnections')).toMatchObject({ state: 'present', value: { type: 'REG_DWORD', data: 1 } });
    const reparsed = parseRegFile(renderRegFile(after), 'sim.reg');
    expect(reparsed.problems).toEqual([]);
    expect(lookupValue(reparsed.value, RASMAN, 'KeepRasConnections')).toMatchObject({ state: 'present', value: { data: 1 } });

    const undone = applyRegistryAction(after, inverseOf(set) as RegistryAction);
    expect(lookupValue(undone, RASMAN, 'KeepRasConnections')).toMatchObject({ state: 'absent', keyExists: false });
    expect(lookupValue(undone, 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan', 'Start')).toMatchObject({ state: 'present', value: { data: 3 } });
  });

  it('renders every writable type so the parser reads back the same data', () => {
    let view = emptyView();
    const values: [string, RegistryAction['kind'] extends string ? 'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_MULTI_SZ' | 'REG_DWORD' | 'REG_QWORD' | 'REG_BINARY' : never, string | number | string[]][] = [
      ['s', 'REG_SZ', 'a "quoted" C:\\path'],
      ['e', 'REG_EXPAND_SZ', '%SystemRoot%\\x'],
      ['m', 'REG_MULTI_SZ', ['one', 'two']],
      ['d', 'REG_DWORD', 4294967295],
      ['q', 'REG_QWORD', '0x1122334455667788'],
      ['b', 'REG_BINARY', '00ff10'],
    ];
    for (const [name, type, data] of values) view = applyRegistryAction(view, { kind: 'registry.set', key: 'HKCU\\Software\\TM', name, type, data, view: 64, previous: { absent: true }, keyExisted: true });
    const reparsed = parseRegFile(renderRegFile(view), 'sim.reg').value;
    for (const [name, type, data] of values) expect(lookupValue(reparsed, 'HKCU\\Software\\TM', name)).toMatchObject({ state: 'present', value: { type, data } });
  });
});
