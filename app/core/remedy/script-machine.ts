import type { Snapshot } from '../model/snapshot';
import { routeRowsOf } from '../parse/lazy-routes';

/**
 * What a generated script needs to know about the machine it was made for: the Windows generation
 * (which script dialect and how `route print` counts metrics) and each interface's IPv4 address
 * (route print names interfaces by address, route.exe by index). Nothing else of the capture goes
 * into a script; the script reads the live route table for everything it judges.
 */
export interface ScriptMachine {
  generation: Snapshot['os']['family'];
  /** `ver`'s version (e.g. "6.1", "10.0") when the capture has it: which fix.ps1 and VPN cmdlets run (script-dialect.ts) */
  osVersion?: string;
  interfaces: { index: number; address: string }[];
}

/** A script made without a capture (tests, previews): Vista+, no interface addresses known. */
export const UNKNOWN_MACHINE: ScriptMachine = { generation: 'unknown', interfaces: [] };

export function scriptMachineOf(snapshot: Pick<Snapshot, 'os' | 'interfaces' | 'routes'>): ScriptMachine {
  const interfaces = new Map<number, string>();
  for (const i of snapshot.interfaces) {
    const address = i.ipv4[0]?.address;
    if (i.index !== null && address) interfaces.set(i.index, address);
  }
  // route print's own rows pair an interface index (when the parser knew it) with its address
  // only rows stored as objects can carry an index (route-rows.ts): the common rows are not visited
  routeRowsOf(snapshot).forEachObject((r) => {
    if (r.family === 4 && r.interfaceIndex !== undefined && r.interfaceAddress && !interfaces.has(r.interfaceIndex)) interfaces.set(r.interfaceIndex, r.interfaceAddress);
  });
  return {
    generation: snapshot.os.family,
    ...(snapshot.os.version ? { osVersion: snapshot.os.version } : {}),
    interfaces: [...interfaces].map(([index, address]) => ({ index, address })),
  };
}

export function interfaceAddressOf(machine: ScriptMachine, index: number | undefined): string | undefined {
  return index === undefined ? undefined : machine.interfaces.find((i) => i.index === index)?.address;
}

/**
 * Vista and later print route metric + interface metric (windows-reference.md §9); NT4–XP print
 * the metric as given. An unknown generation is treated as Vista+ (as route-metric.ts does).
 */
export const printsInterfaceMetric = (machine: ScriptMachine) => machine.generation === 'nt6+' || machine.generation === 'unknown';
