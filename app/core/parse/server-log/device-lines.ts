import { filterlogLine } from './families/filterlog';
import { junosFilterLine } from './families/junos-filter';
import { netfilterLine } from './families/netfilter-log';
import { sophosPacketLine } from './families/sophos-packetfilter';
import { srxFlowLine } from './families/srx-flow';
import { srxKmdLine } from './families/srx-kmd';
import type { UnitHit } from './families/systemd-units';
import type { Prefixed } from './prefixed';

/**
 * A firewall's or a VPN device's own line by its program: a Linux firewall's packet log (families/netfilter-log.ts); pfSense's and
 * OPNsense's (families/filterlog.ts); Sophos UTM's (families/sophos-packetfilter.ts); a Juniper SRX's sessions (families/srx-flow.ts),
 * its IKE daemon's (kmd, iked: families/srx-kmd.ts) and a Junos firewall filter's, from the kernel or a card's packet engine
 * (families/junos-filter.ts).
 */
export function deviceLine(pre: Prefixed, text: string): UnitHit | undefined {
  switch (pre.program) {
    case 'kernel':
      return netfilterLine(pre) ?? junosFilterLine(pre.message);
    case 'filterlog':
      return filterlogLine(pre);
    case 'ulogd':
      return sophosPacketLine(pre);
    case 'RT_FLOW':
      return srxFlowLine(text);
    case 'kmd':
    case 'iked':
      return srxKmdLine(pre.message, text);
    case 'PFE_FW_SYSLOG_IP':
      return junosFilterLine(pre.message);
    default:
      return undefined;
  }
}
