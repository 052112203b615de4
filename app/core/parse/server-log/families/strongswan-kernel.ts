import { context, step, type Rule } from '../kit';

/**
 * charon's kernel interface's notes on the host's network interfaces and addresses (strongSwan
 * src/libcharon/plugins/kernel_netlink/kernel_netlink_net.c, DBG_KNL: "interface %s activated|deactivated|deleted", "%H appeared on
 * %s", "%H disappeared from %s"), and its refusals to install a Child SA's policies or SAs: a PPP interface of an L2TP or PPTP session coming and going (an OpenWrt router running both, its
 * charon logging under the tag `syslog`: openwrt/packages #1334), a DHCP address changing. Context, never a cause by itself.
 * Spread into strongswan.ts's rule list.
 */
const IFACE_STEPS: Readonly<Record<string, string>> = { activated: 'charonIfaceUp', deactivated: 'charonIfaceDown', deleted: 'charonIfaceDeleted' };

export const KERNEL_RULES: readonly Rule[] = [
  // kernel_netlink_ipsec.c add_policy: the kernel holds a policy for the same subnets already, another Child SA's (`unable to install
  // policy 10.12.112.0/21 === 10.0.0.0/8 in for reqid 16, the same policy for reqid 1 exists`, strongswan #1150: a rekey against a Cisco
  // ASA); child_create.c then gives up the Child SA (`unable to install IPsec policies (SPD) in kernel`, `… IPsec SA (SAD) in kernel`):
  // this side's own host refused, nothing the other side sent — the `failed to establish CHILD_SA` after it is this
  context(/^unable to install policy (.+?) (in|out|fwd) for reqid (\d+), the same policy for reqid (\d+) exists$/, (m) => step('charonPolicyTaken', { ts: m[1]!, dir: m[2]!, reqid: m[3]!, other: m[4]! }, 'warning')),
  context(/^unable to install (?:IPsec policies \(SPD\)|inbound and outbound IPsec SA \(SAD\)|inbound IPsec SA \(SAD\)|outbound IPsec SA \(SAD\)) in kernel$/, () => step('charonKernelInstallFailed', undefined, 'warning')),
  context(/^interface (\S+) (activated|deactivated|deleted)$/, (m) => step(IFACE_STEPS[m[2]!]!, { iface: m[1]! })),
  context(/^(\S+) (appeared on|disappeared from) (\S+)$/, (m) => step(m[2] === 'appeared on' ? 'charonAddressAdded' : 'charonAddressRemoved', { address: m[1]!, iface: m[3]! })),
];
