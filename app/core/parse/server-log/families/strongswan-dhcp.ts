import { context, d, step, type Rule } from '../kit';

/**
 * charon's dhcp plugin: a road-warrior server (`rightsourceip=%dhcp`, swanctl `pools = dhcp`) that asks a DHCP server for each
 * client's virtual IP instead of keeping a pool of its own. Message texts from strongSwan src/libcharon/plugins/dhcp/dhcp_socket.c
 * (DBG1, DBG_CFG): enroll() sends DISCOVER, waits for an OFFER, sends REQUEST, waits for the ACK, each up to DHCP_TRIES (5) times
 * with a growing wait — "sending DHCP DISCOVER to %H" (5.9 and later: "sending DHCP DISCOVER for %#B to %H", the client MAC first),
 * "received DHCP OFFER %H from %H", "sending DHCP REQUEST for %H to %H", "received DHCP ACK for %H", and when no answer came in
 * time "DHCP DISCOVER timed out" (no OFFER) or "DHCP REQUEST timed out" (an OFFER, then no ACK); "sending DHCP … failed: %s" (the
 * socket refused to send), "ignoring DHCP OFFER %+H from %H" (an offer of 0.0.0.0), release() "sending DHCP RELEASE for %H to %H".
 * A timeout or send failure leaves the client without a virtual IP: ike_config.c then logs "no virtual IP found …" and the PC gets
 * INTERNAL_ADDRESS_FAILURE — the address source is the fault, so the cause is the pool's (address-pool). Only a server that hands
 * out addresses runs this plugin; the real lines: a Windows 10 PC's IKEv2 to a strongSwan server with dnsmasq answering on `lo`
 * (the DHCP REQUEST timed out although dnsmasq logged its DHCPACK, so the first IKE_SA got INTERNAL_ADDRESS_FAILURE and the next
 * its address). Spread into strongswan.ts's rule list.
 */
export const DHCP_RULES: readonly Rule[] = [
  context(/^sending DHCP DISCOVER (?:for \S+ )?to (\S+)$/, (m) => step('charonDhcpDiscover', { server: m[1]! })),
  context(/^received DHCP OFFER (\S+) from (\S+)$/, (m) => step('charonDhcpOffer', { ip: m[1]!, server: m[2]! })),
  context(/^sending DHCP REQUEST for (\S+) to (\S+)$/, (m) => step('charonDhcpRequest', { ip: m[1]!, server: m[2]! })),
  context(/^received DHCP ACK for (\S+)$/, (m) => step('charonDhcpAck', { ip: m[1]! }, 'success')),
  context(/^sending DHCP RELEASE for (\S+) to (\S+)$/, (m) => step('charonDhcpRelease', { ip: m[1]!, server: m[2]! })),
  context(/^ignoring DHCP OFFER (\S+) from (\S+)$/, (m) => step('charonDhcpOfferIgnored', { ip: m[1]!, server: m[2]! }, 'warning')),
  [/^DHCP (DISCOVER|REQUEST) timed out$/, (m) => ({ decoded: [d(m[1] === 'DISCOVER' ? 'charonDhcpNoOffer' : 'charonDhcpNoAck')], outcome: 'failure', cause: 'address-pool' })],
  [/^(?:sending DHCP (?:DISCOVER|REQUEST) failed: (.+)|DHCP DISCOVER failed, no transaction ID)$/, (m) => ({ decoded: [d('charonDhcpSendFailed', { error: m[1] ?? '' })], outcome: 'failure', cause: 'address-pool' })],
];
