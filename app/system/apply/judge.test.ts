import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../../core/analyse';
import type { Capture } from '../../core/capture/capture';
import { parseRoutePrint } from '../../core/parse/route-print';
import type { RouteAdd, RouteDelete } from '../../core/remedy/actions';
import { RouteTable, type SimInterface } from '../../core/sim/route-table';
import { verText, type WindowsCell } from '../../core/sim/windows-cell';
import type { CommandRunner } from '../run';
import { changePresent, judgeRouteStep } from './judge';
import { liveTarget } from './route-target';

const WIFI: SimInterface = { index: 12, description: 'Intel(R) Wi-Fi 6 AX201 160MHz', addresses: [{ address: '192.168.1.23', prefixLength: 24 }], interfaceMetric: 25 };
const VPN: SimInterface = { index: 23, description: 'Corp VPN', addresses: [{ address: '10.13.1.200', prefixLength: 32 }], interfaceMetric: 1 };
const ADD: RouteAdd = { kind: 'route.add', destination: '10.13.1.0', netmask: '255.255.255.0', gateway: '10.13.1.200', metric: 1, interfaceIndex: 23 };
const DELETE_VPN_DEFAULT: RouteDelete = { kind: 'route.delete', destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.13.1.200', interfaceIndex: 23, previousMetric: 1 };

function machine(windows: WindowsCell) {
  const table = RouteTable.withConnectedRoutes([WIFI, VPN], [
    { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.1', interfaceIndex: 12, routeMetric: 0 },
    { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.13.1.200', interfaceIndex: 23, routeMetric: 1 },
  ], { windows });
  const capture = (): Capture => ({
    origin: 'capture',
    label: 'judge',
    meta: { schemaVersion: 1 },
    readProblems: [],
    files: new Map([
      ['route-print.txt', { name: 'route-print.txt', text: table.print(), encoding: 'utf-8' }],
      ['ver.txt', { name: 'ver.txt', text: verText(windows), encoding: 'utf-8' }],
    ]),
  });
  const baseline = analyseCapture(capture(), { toolVersion: 't' }).report.snapshot;
  const rows = (dest: string) => parseRoutePrint(table.print(dest)).value.routes.filter((r) => r.family === 4);
  return { table, baseline, rows };
}

describe('judgeRouteStep: the table decides, in every generation', () => {
  it('Vista+ (zh-CN): the added route must show route metric + interface metric (1 + 1 = 2)', () => {
    const m = machine({ generation: '10', language: 'zh-CN' });
    expect(judgeRouteStep(m.baseline, m.rows('10.13.1.0'), ADD)).toMatchObject({ ok: false, present: false });
    m.table.exec(['ADD', '10.13.1.0', 'MASK', '255.255.255.0', '10.13.1.200', 'METRIC', '6', 'IF', '23']);
    expect(judgeRouteStep(m.baseline, m.rows('10.13.1.0'), ADD)).toEqual({ ok: false, present: true, why: expect.stringContaining('shows metric 7, planned 2') });
  });

  it('XP (ru): the metric as given, with route.exe printing nothing at all', () => {
    const m = machine({ generation: 'xp', language: 'ru' });
    expect(m.table.exec(['ADD', '10.13.1.0', 'MASK', '255.255.255.0', '10.13.1.200', 'METRIC', '1', 'IF', '23']).stdout).toBe('');
    expect(judgeRouteStep(m.baseline, m.rows('10.13.1.0'), ADD)).toEqual({ ok: true, present: true });
  });

  it('a delete is done when the route is gone, whatever was printed', () => {
    const m = machine({ generation: '7', language: 'de' });
    expect(judgeRouteStep(m.baseline, m.rows('0.0.0.0'), DELETE_VPN_DEFAULT)).toMatchObject({ ok: false, present: false });
    m.table.exec(['DELETE', '0.0.0.0', 'MASK', '0.0.0.0', '10.13.1.200', 'IF', '23']);
    expect(judgeRouteStep(m.baseline, m.rows('0.0.0.0'), DELETE_VPN_DEFAULT)).toEqual({ ok: true, present: true });
  });

  it('after a reconnect on a new interface, the old interface took its routes with it: nothing to undo', () => {
    const m = machine({ generation: '10', language: 'en' });
    const reconnected = { ...m.baseline, interfaces: m.baseline.interfaces.map((i) => (i.index === 23 ? { ...i, index: 31 } : i)) };
    expect(changePresent(reconnected, DELETE_VPN_DEFAULT)).toBe(false);
    expect(changePresent(reconnected, ADD)).toBe(false);
  });
});

describe('live target', () => {
  it('reads a route step back with route.exe PRINT <dest>, by full path, without -4 (XP lacks it)', async () => {
    const calls: { file: string; args: readonly string[] }[] = [];
    const runner: CommandRunner = {
      spawned: 0,
      run: async (file, args) => {
        calls.push({ file, args });
        return { stdout: 'table', stderr: '', exitCode: 0, ok: true };
      },
    };
    expect(await liveTarget(runner).readRoutes('10.13.1.0')).toBe('table');
    expect(calls).toEqual([{ file: expect.stringMatching(/\\System32\\route\.exe$/), args: ['PRINT', '10.13.1.0'] }]);
  });
});
