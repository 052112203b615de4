import { parseIpv4, prefixLengthOfMask } from './ipv4';

/**
 * route.exe (Vista+) command-line parsing and its English messages, for the simulator. The
 * messages of every generation and display language are in windows-cell.ts; these English
 * constants stay for the tests and scripts that name them.
 *
 * Message provenance — "seen" means quoted in a source we have (windows-reference.md §9/§12, KB
 * 151795, chnroutes#6, route /? text); "recalled" means remembered from real Windows 10 output but
 * not confirmed against a capture in this repository:
 *   " OK!"                                                         seen (Vista+ success)
 *   "The route addition failed: The parameter is incorrect."       seen (chnroutes#6)
 *   "The route addition failed: The object already exists."        recalled (ERROR_OBJECT_ALREADY_EXISTS text)
 *   "The route deletion failed: Element not found."                recalled (ERROR_NOT_FOUND text)
 *   "The route change failed: Element not found."                  recalled, by analogy
 *   "The route addition failed: Either the interface index is wrong or the gateway does not lie
 *    on the same network as the interface. Check the IP Address Table for the machine."  recalled
 *   "The route addition failed: The specified mask parameter is invalid.
 *    (Destination & Mask) != Destination."                          recalled (Vista+; XP printed
 *                                                                   "Route: bad gateway address netmask")
 *   "Route: bad gateway address <x>" / "Route: bad argument <x>"    seen in form (§9), argument wording unsure
 *   "Route: bad mask <x>", "Route: bad destination address <x>"    UNVERIFIED wording
 *   "The requested operation requires elevation."                   seen (§12, "partly")
 */
export type RouteVerb = 'add' | 'delete' | 'change';
export type RouteCommandName = 'print' | RouteVerb;

export interface RouteArgs {
  command: RouteCommandName;
  flush: boolean;
  persistent: boolean;
  destination?: number;
  /** the netmask as typed, already validated (contiguous) */
  netmask?: number;
  gatewayText?: string;
  gateway?: number;
  metric?: number;
  interfaceIndex?: number;
  /** PRINT's destination pattern (`route print 10.13.1.0`, `route print 157*`) */
  filter?: string;
}

export type ParsedRouteArgs = { ok: true; args: RouteArgs } | { ok: false; message: string; usage?: boolean };

export const OK = ' OK!';
export const ELEVATION_REQUIRED = 'The requested operation requires elevation.';

const NOUN: Record<RouteVerb, string> = { add: 'addition', delete: 'deletion', change: 'change' };

export function apiFailure(verb: RouteVerb, reason: string): string {
  return `The route ${NOUN[verb]} failed: ${reason}`;
}

export const REASON = {
  exists: 'The object already exists.',
  notFound: 'Element not found.',
  parameter: 'The parameter is incorrect.',
  unreachable:
    'Either the interface index is wrong or the gateway does not lie on the same network as the interface. Check the IP Address Table for the machine.',
  maskMismatch: 'The specified mask parameter is invalid. (Destination & Mask) != Destination.',
} as const;

/** The first lines of `route /?`; printed (exit 1) when the command is missing or unknown. */
export const USAGE = [
  '',
  'Manipulates network routing tables.',
  '',
  'ROUTE [-f] [-p] [-4|-6] command [destination]',
  '                  [MASK netmask]  [gateway] [METRIC metric]  [IF interface]',
].join('\n');

const COMMANDS = new Set<string>(['print', 'add', 'delete', 'change']);

/** `IF` takes decimal or 0x-prefixed hex (§9). */
function parseIndex(text: string): number | null {
  if (/^0x[0-9a-f]+$/i.test(text)) return parseInt(text.slice(2), 16);
  if (/^\d+$/.test(text)) return parseInt(text, 10);
  return null;
}

export function parseRouteArgv(argv: readonly string[]): ParsedRouteArgs {
  let i = 0;
  let flush = false;
  let persistent = false;
  for (; i < argv.length; i++) {
    const flag = /^[-/]([fp46])$/i.exec(argv[i] ?? '');
    if (!flag) break;
    const letter = flag[1]!.toLowerCase();
    if (letter === 'f') flush = true;
    if (letter === 'p') persistent = true;
    // -4/-6 are accepted and ignored: only IPv4 is modelled.
  }
  const command = (argv[i++] ?? '').toLowerCase();
  if (!COMMANDS.has(command)) return { ok: false, message: USAGE, usage: true };
  const args: RouteArgs = { command: command as RouteCommandName, flush, persistent };
  if (args.command === 'print') {
    const filter = argv.slice(i).find((a) => !/^-[46]$/.test(a));
    return { ok: true, args: filter ? { ...args, filter } : args };
  }

  const destText = argv[i++];
  if (destText === undefined) return { ok: false, message: USAGE, usage: true };
  const destination = parseIpv4(destText);
  if (destination === null) return { ok: false, message: `Route: bad destination address ${destText}` };
  args.destination = destination;

  while (i < argv.length) {
    const token = argv[i++]!;
    const keyword = token.toLowerCase();
    if (keyword === 'mask' || keyword === 'metric' || keyword === 'if') {
      const value = argv[i++];
      if (value === undefined) return { ok: false, message: `Route: bad argument ${token}` };
      if (keyword === 'mask') {
        const prefix = prefixLengthOfMask(value);
        if (prefix === null) return { ok: false, message: `Route: bad mask ${value}` };
        args.netmask = parseIpv4(value)!;
      } else if (keyword === 'metric') {
        const metric = /^\d+$/.test(value) ? parseInt(value, 10) : NaN;
        if (!(metric >= 1 && metric <= 9999)) return { ok: false, message: `Route: bad argument ${value}` };
        args.metric = metric;
      } else {
        const index = parseIndex(value);
        if (index === null) return { ok: false, message: `Route: bad argument ${value}` };
        args.interfaceIndex = index;
      }
    } else if (args.gatewayText === undefined) {
      const gateway = parseIpv4(token);
      if (gateway === null) return { ok: false, message: `Route: bad gateway address ${token}` };
      args.gatewayText = token;
      args.gateway = gateway;
    } else {
      return { ok: false, message: `Route: bad argument ${token}` };
    }
  }
  return { ok: true, args };
}
