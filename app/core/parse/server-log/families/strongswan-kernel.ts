import { context, step, type Rule } from '../kit';

/**
 * charon's kernel interface's notes on the host's network interfaces and addresses (strongSwan
 * src/libcharon/plugins/kernel_netlink/kernel_netlink_net.c, DBG_KNL: "interface %s activated|deactivated|deleted", "%H appeared on
 * %s", "%H disappeared from %s"): a PPP interface of an L2TP or PPTP session coming and going (an OpenWrt router running both, its
 * charon logging under the tag `syslog`: openwrt/packages #1334), a DHCP address changing. Context, never a cause by itself.
 * Spread into strongswan.ts's rule list.
 */
const IFACE_STEPS: Readonly<Record<string, string>> = { activated: 'charonIfaceUp', deactivated: 'charonIfaceDown', deleted: 'charonIfaceDeleted' };

export const KERNEL_RULES: readonly Rule[] = [
  context(/^interface (\S+) (activated|deactivated|deleted)$/, (m) => step(IFACE_STEPS[m[2]!]!, { iface: m[1]! })),
  context(/^(\S+) (appeared on|disappeared from) (\S+)$/, (m) => step(m[2] === 'appeared on' ? 'charonAddressAdded' : 'charonAddressRemoved', { address: m[1]!, iface: m[3]! })),
];
