import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../test/support/repo-files';
import { parseIpconfig } from '../parse/ipconfig';
import { parseNetshInterfaces } from '../parse/netsh-interfaces';
import { RouteRows } from '../parse/route-rows';
import { mergeInterfaces } from './build-snapshot';

/** netsh's table of the same PC (the layout of the corpus's netsh files), one row per adapter of the zh-TW paste */
const NETSH = [
  'Idx     Met         MTU          State                Name',
  '---  ----------  ----------  ------------  ---------------------------',
  '  7           5        1500  disconnected  乙太網路 4',
  ' 45          15        1500  connected     vEthernet (WSL (Hyper-V firewall))',
  ' 21          25        1500  connected     乙太網路',
  '  6          25        1500  connected     乙太網路 5',
  ' 10          50        1500  connected     Wi-Fi',
].join('\n');

describe('an ipconfig header in no table takes its connection name from netsh', () => {
  it('names each adapter by the longest netsh name its header ends with, and takes that interface metric', () => {
    // the real zh-TW paste with its header phrases replaced by ones no table knows
    const text = readRepoText(join('test/fixtures/real/ipconfig', 'win11-zh-tw-powershell-indent-lost-plain.txt')).replaceAll('乙太網路卡 ', 'Qx-kort ').replaceAll('無線區域網路介面卡 ', 'Qy-kort ');
    const adapters = parseIpconfig(text).value.adapters;
    const merged = mergeInterfaces([], adapters, parseNetshInterfaces(NETSH).value.interfaces, RouteRows.of([]));
    expect(merged.map((i) => [i.name, i.index, i.interfaceMetric])).toEqual([
      ['乙太網路 4', 7, 5],
      ['vEthernet (WSL (Hyper-V firewall))', 45, 15],
      ['乙太網路', 21, 25],
      ['乙太網路 5', 6, 25],
      // not in the netsh table: the header stays the name, no index
      ['Qy-kort 區域連線* 2', null, undefined],
      ['Qx-kort 乙太網路 3', null, undefined],
      ['Wi-Fi', 10, 50],
      ['Qx-kort 藍牙網路連線', null, undefined],
    ]);
  });
});
