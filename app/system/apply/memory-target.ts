import { CAPTURE_FILES, type Capture, type CaptureFile } from '../../core/capture/capture';
import { decodeCaptureBytes } from '../../core/capture/decode';
import { registryViewOf, type RegistryView } from '../../core/model/registry-view';
import type { VpnAction } from '../../core/remedy/vpn-actions';
import { encodeFileText } from '../../core/remedy/render-registry';
import { buildSnapshot } from '../../core/snapshot/build-snapshot';
import { applyRegistryAction, renderRegFile } from '../../core/sim/registry-sim';
import { RouteTable } from '../../core/sim/route-table';
import { verText, type WindowsCell } from '../../core/sim/windows-cell';
import { parseSchtasksCsv } from '../../core/parse/schtasks-csv';
import { cellOfSnapshot, UNKNOWN_TEXT, type RouteExecResult, type RouteTarget } from './route-target';
import type { ExecOutcome, OtherAction } from './other-actions';

/**
 * A simulated Windows machine held in memory, for the matrix property test: a route table that
 * speaks one cell of the Windows matrix, a registry, LMHOSTS as bytes and the VPN profiles. It
 * starts from a capture (moved into the cell: the same effective routes printed by that Windows,
 * the registry as one .reg export, profiles as JSON) and answers `collect()` with a capture of its
 * current state, so the engine sees exactly what it would read from a disk-based simulated machine.
 */
export interface MemoryMachine extends RouteTarget {
  /** the state the property test compares: route print, registry export, LMHOSTS bytes, profiles */
  fingerprint(): MachineState;
  /** make the machine's next calls (1-based, counting every action) misbehave */
  faults: { fail: Set<number>; garble: Set<number>; skew: Set<number> };
  /** how many actions ran so far */
  readonly calls: number;
  /** the route table itself, for scenarios that change the machine behind the engine's back */
  readonly table: RouteTable;
}

export interface MachineState {
  routePrint: string;
  registry: string;
  lmhosts: string | null;
  vpn: string;
  tasks: string | null;
}

const VPN_FILES = ['powershell/vpnconnection-allusers.json', 'powershell/vpnconnection-user.json'] as const;

/** buildSnapshot is pure: a seed's snapshot is made once, however many machines start from it. */
const seedSnapshots = new WeakMap<Capture, ReturnType<typeof buildSnapshot>['snapshot']>();

export function memoryMachine(seed: Capture, windows: WindowsCell): MemoryMachine {
  const snapshot = seedSnapshots.get(seed) ?? buildSnapshot(seed).snapshot;
  seedSnapshots.set(seed, snapshot);
  const table = RouteTable.fromRoutes(snapshot.interfaces, snapshot.routes, snapshot.persistentRoutes, { windows: cellOfSnapshot(snapshot) }).table.inCell(windows);
  let registry: RegistryView = registryViewOf(snapshot.registry);
  const hasRegistry = [...seed.files.keys()].some((n) => n.startsWith('registry/'));
  const codepage = seed.meta.codepage ?? 850;
  const lmhostsFile = seed.files.get(CAPTURE_FILES.lmhosts);
  let lmhosts: Uint8Array | null = lmhostsFile ? encodeFileText(lmhostsFile.text, lmhostsFile.encoding) : null;
  const vpn = new Map<string, unknown>(VPN_FILES.flatMap((name) => {
    const f = seed.files.get(name);
    return f ? [[name, JSON.parse(f.text.replace(/^\uFEFF/, ''))] as const] : [];
  }));
  let tasks: string | null = seed.files.get(CAPTURE_FILES.scheduledTasks)?.text ?? null;
  const faults = { fail: new Set<number>(), garble: new Set<number>(), skew: new Set<number>() };
  let calls = 0;

  const files = (): Map<string, CaptureFile> => {
    const out = new Map<string, CaptureFile>();
    const mine: string[] = [CAPTURE_FILES.routePrint, CAPTURE_FILES.ver, CAPTURE_FILES.lmhosts, CAPTURE_FILES.scheduledTasks, ...VPN_FILES];
    const kept = (name: string) => !mine.includes(name) && !name.startsWith('registry/');
    for (const [name, f] of seed.files) if (kept(name)) out.set(name, f);
    const put = (name: string, text: string, encoding = 'utf-8') => out.set(name, { name, text, encoding });
    put(CAPTURE_FILES.routePrint, table.print());
    put(CAPTURE_FILES.ver, verText(windows));
    if (hasRegistry) put('registry/simulated.reg', renderRegFile(registry));
    if (lmhosts) {
      const { text, encoding } = decodeCaptureBytes(lmhosts, codepage);
      put(CAPTURE_FILES.lmhosts, text, encoding);
    }
    for (const [name, json] of vpn) put(name, JSON.stringify(json, null, 2) + '\n');
    if (tasks !== null) put(CAPTURE_FILES.scheduledTasks, tasks);
    return out;
  };

  const execOther = (action: OtherAction): ExecOutcome => {
    switch (action.kind) {
      case 'registry.set':
      case 'registry.delete':
        registry = applyRegistryAction(registry, action);
        return { ok: true, output: 'The operation completed successfully.' };
      case 'file.replace': {
        const current = lmhosts ?? new Uint8Array();
        if (!Buffer.from(current).equals(Buffer.from(encodeFileText(action.previous, action.encoding)))) return { ok: false, output: '', why: { key: 'engineRun.refused.fileChanged', params: { path: 'lmhosts' } } };
        lmhosts = encodeFileText(action.content, action.encoding);
        return { ok: true, output: 'lmhosts written.' };
      }
      case 'nbtstat.reload':
        return { ok: true, output: 'Successful purge and preload of the NBT Remote Cache Name Table.' };
      case 'vpn.split.set':
      case 'vpn.route.add':
      case 'vpn.route.remove':
        return editVpn(vpn, action);
      case 'task.create':
      case 'task.delete': {
        // schtasks /Create, /Delete on the `schtasks /Query /FO CSV /NH` text; other lines stay byte for byte
        const text = tasks ?? '';
        const mine = parseSchtasksCsv(text).value.find((r) => r.name.toLowerCase() === action.name.toLowerCase());
        if (action.kind === 'task.create' && mine) return { ok: false, output: 'ERROR: Cannot create a file when that file already exists.' };
        if (action.kind === 'task.delete' && !mine) return { ok: false, output: 'ERROR: The system cannot find the file specified.' };
        const lines = text === '' ? [] : text.replace(/\r\n$/, '').split('\r\n');
        const next = action.kind === 'task.create' ? [...lines, `"${action.name}","N/A","Ready"`] : lines.filter((_, i) => i !== mine!.line - 1);
        tasks = next.map((l) => `${l}\r\n`).join('');
        return { ok: true, output: `SUCCESS: ${action.kind}` };
      }
    }
  };

  return {
    kind: 'simulated',
    faults,
    table,
    get calls() {
      return calls;
    },
    collect: async (): Promise<Capture> => ({ origin: 'demo', label: 'memory machine', meta: seed.meta, files: files(), readProblems: [] }),
    backup: async () => undefined,
    readRoutes: async (destination) => table.print(destination),
    execRoute: async (argv): Promise<RouteExecResult> => {
      const n = ++calls;
      if (faults.fail.has(n)) return { stdout: `${windowsSaysNo(windows)}\r\n`, exitCode: 0 };
      const skewed = faults.skew.has(n) ? skewMetric(argv) : argv;
      const result = table.exec(skewed);
      return faults.garble.has(n) || skewed !== argv ? { stdout: UNKNOWN_TEXT, exitCode: 0 } : result;
    },
    execOther: async (action) => {
      const n = ++calls;
      if (faults.fail.has(n)) return { ok: false, output: 'ERROR: Access is denied.' };
      const done = execOther(action);
      return faults.garble.has(n) ? { ...done, output: UNKNOWN_TEXT } : done;
    },
    fingerprint: () => ({
      routePrint: table.print(),
      registry: renderRegFile(registry),
      lmhosts: lmhosts ? Buffer.from(lmhosts).toString('hex') : null,
      vpn: JSON.stringify([...vpn]),
      tasks,
    }),
  };
}

/** A failure in the cell's words: a route.exe refusal that changed nothing. */
function windowsSaysNo(windows: WindowsCell): string {
  return new RouteTable({ interfaces: [], routes: [] }, { windows, eol: '\n' }).exec(['DELETE', '203.0.113.0', 'MASK', '255.255.255.0']).stdout.trim();
}

/** The same command with METRIC raised by 5: a change that happened, but not as planned. */
function skewMetric(argv: readonly string[]): readonly string[] {
  const i = argv.findIndex((a) => a.toUpperCase() === 'METRIC');
  if (i < 0 || argv[i + 1] === undefined) return argv;
  return [...argv.slice(0, i + 1), String(Number(argv[i + 1]) + 5), ...argv.slice(i + 2)];
}

/** What Set-VpnConnection / Add-/Remove-VpnConnectionRoute do to Get-VpnConnection's answer. */
function editVpn(vpn: Map<string, unknown>, action: VpnAction): { ok: boolean; output: string } {
  const name = `powershell/vpnconnection-${action.allUsers ? 'allusers' : 'user'}.json`;
  const parsed = vpn.get(name);
  const list = (Array.isArray(parsed) ? parsed : parsed ? [parsed] : []) as Record<string, unknown>[];
  const conn = list.find((c) => c.Name === action.connectionName);
  if (!conn) return { ok: false, output: `Get-VpnConnection : VPN connection ${action.connectionName} cannot be found.` };
  if (action.kind === 'vpn.split.set') conn.SplitTunneling = action.splitTunneling;
  else {
    const routes = ((conn.Routes as { DestinationPrefix: string }[] | undefined) ?? []).filter((r) => r.DestinationPrefix !== action.destinationPrefix);
    conn.Routes = action.kind === 'vpn.route.add' ? [...routes, { DestinationPrefix: action.destinationPrefix, RouteMetric: 1 }] : routes;
  }
  return { ok: true, output: action.kind };
}
