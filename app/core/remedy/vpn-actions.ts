import * as z from '../model/zod';
import { psQuote } from './escape';

/**
 * VPN profile changes that survive reconnects (windows-reference.md §6, §9): split tunneling on the
 * connection and routes stored in the profile, through the VpnClient cmdlets (Windows 8+). Windows
 * plumbs profile routes at every connect, unlike `route add`, which a reconnect undoes.
 */
const Name = z.string().min(1).max(256).regex(/^[^\u0000-\u001f]+$/, 'a connection name without control characters');
const Prefix = z.string().regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, 'an IPv4 prefix like 10.13.1.0/24');

export const VpnSplitSetSchema = z.object({
  kind: z.literal('vpn.split.set'),
  connectionName: Name,
  allUsers: z.boolean(),
  splitTunneling: z.boolean(),
  /** the setting before, so the inverse writes it back */
  previous: z.boolean(),
});

export const VpnRouteSchema = z.object({
  kind: z.enum(['vpn.route.add', 'vpn.route.remove']),
  connectionName: Name,
  allUsers: z.boolean(),
  destinationPrefix: Prefix,
});

export type VpnSplitSet = z.infer<typeof VpnSplitSetSchema>;
export type VpnRoute = z.infer<typeof VpnRouteSchema>;
export type VpnAction = VpnSplitSet | VpnRoute;

export function inverseOfVpnAction(a: VpnAction): VpnAction {
  if (a.kind === 'vpn.split.set') return { ...a, splitTunneling: a.previous, previous: a.splitTunneling };
  return { ...a, kind: a.kind === 'vpn.route.add' ? 'vpn.route.remove' : 'vpn.route.add' };
}

/** The PowerShell statement of one action; every value single-quoted, errors stop the script. */
export function vpnActionPs(a: VpnAction): string {
  const target = `-ConnectionName ${psQuote(a.connectionName)}${a.allUsers ? ' -AllUserConnection' : ''}`;
  switch (a.kind) {
    case 'vpn.split.set':
      return `Set-VpnConnection -Name ${psQuote(a.connectionName)}${a.allUsers ? ' -AllUserConnection' : ''} -SplitTunneling $${a.splitTunneling} -Force -ErrorAction Stop`;
    case 'vpn.route.add':
      return `Add-VpnConnectionRoute ${target} -DestinationPrefix ${psQuote(a.destinationPrefix)} -ErrorAction Stop`;
    case 'vpn.route.remove':
      return `Remove-VpnConnectionRoute ${target} -DestinationPrefix ${psQuote(a.destinationPrefix)} -ErrorAction Stop`;
  }
}

/**
 * The same statement for a .cmd file: as -EncodedCommand (Base64 of UTF-16LE), because a connection
 * name may hold characters that cmd.exe and PowerShell would each read differently; the encoded
 * form needs no escaping at all. The script echoes what it runs in words beforehand. %TM_PS% is
 * powershell.exe's full path (render-cmd.ts TOOL_PATHS_PROLOGUE).
 */
export function vpnActionCmdLine(a: VpnAction): string {
  const encoded = Buffer.from(`$ErrorActionPreference = 'Stop'; ${vpnActionPs(a)}`, 'utf16le').toString('base64');
  return `"%TM_PS%" -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ${encoded}`;
}

export function vpnActionArgv(a: VpnAction): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', `$ErrorActionPreference = 'Stop'; ${vpnActionPs(a)}`];
}
