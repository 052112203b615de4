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
  // kernel_handler.c mapping() (DBG1 KNL): the kernel saw ESP-in-UDP for a Child SA arrive from another address or port than the SA
  // holds — a NAT between the two sides gave the other side a new mapping (a home router's UDP timeout, a PC's network change) —
  // and charon moves the SA there (update_sa_job). 5.x: `NAT mappings of CHILD_SA ESP/0x<spi>/<dst> changed to <addr>[<port>],
  // queuing update job` (the real line: jawj/IKEv2-setup #114); 4.x/early 5.x: `NAT mappings of ESP CHILD_SA with SPI <spi> and reqid
  // {<n>} changed, queuing update job` (strongSwan src/libcharon/kernel/kernel_handler.c, kernel_pfkey_ipsec.c). Context only.
  context(/^NAT mappings of (?:CHILD_SA (?:ESP|AH)\/0x([0-9a-f]+)\/\S+ changed to (\S+)|(?:ESP|AH) CHILD_SA with SPI ([0-9a-f]+) and reqid \{\d+\} changed), queuing update job$/, (m) =>
    m[2] ? step('charonNatMappingChanged', { spi: m[1]!, peer: m[2] }) : step('charonNatMappingChangedNoPeer', { spi: m[3]! })),
  // The bypass-lan plugin (src/libcharon/plugins/bypass_lan/bypass_lan_listener.c update_bypass, DBG1 IKE) keeps a pass policy for each
  // subnet on this host's interfaces, so that traffic to them stays off the tunnels: `installed bypass policy for <subnet>`,
  // `uninstalling bypass policy for <subnet>`, `interface change for bypass policy for <subnet> (from <iface> to <iface>)` (the real
  // line: xelerance/xl2tpd #219, a laptop's Wi-Fi coming up while a Windows PC dialled L2TP/IPsec); the unity plugin's
  // `installed UNITY_LOCAL_LAN bypass policy for <subnet>` (unity_handler.c) is a Cisco client's split-tunnel LAN. Context only.
  context(/^(?:installed (?:\S+ )?bypass policy for (\S+)|uninstalling bypass policy for (\S+)|interface change for bypass policy for (\S+) \(from (\S+) to (\S+)\))$/, (m) =>
    m[1] ? step('charonBypassInstalled', { subnet: m[1] }) : m[2] ? step('charonBypassRemoved', { subnet: m[2] }) : step('charonBypassMoved', { subnet: m[3]!, from: m[4]!, to: m[5]! })),
  // kernel_netlink_net.c get_route / kernel_netlink_ipsec.c get_spi (DBG2 KNL): the source address or next hop to a destination, an SPI
  // allocated for a Child SA being set up — bookkeeping (the dhcp plugin's route to its DHCP server shows as `using 10.19.48.1 as
  // address to reach 10.19.48.1/32`)
  context(/^using \S+ as (?:address|nexthop) to reach \S+$|^got SPI [0-9a-f]+$/, () => step('charonHousekeeping')),
  context(/^interface (\S+) (activated|deactivated|deleted)$/, (m) => step(IFACE_STEPS[m[2]!]!, { iface: m[1]! })),
  context(/^(\S+) (appeared on|disappeared from) (\S+)$/, (m) => step(m[2] === 'appeared on' ? 'charonAddressAdded' : 'charonAddressRemoved', { address: m[1]!, iface: m[3]! })),
];
