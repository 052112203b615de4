/**
 * Who sent a packet a firewall dropped as it came out of a VPN tunnel, for the firewall readers that tell a connected client's
 * refused traffic apart (netfilter-log.ts, filterlog.ts: cause tunnel-traffic-dropped or a warning). One place for both, so the
 * two readers keep one meaning of "a private sender" and "a broadcast".
 */

/**
 * A private IPv4 address (RFC 1918 §3: 10/8, 172.16/12, 192.168/16): what VPN servers hand their clients (pptpd's remoteip,
 * accel-ppp's ip-pool, xl2tpd's ip range in their shipped examples). A tunnel-like interface — `ppp0` — is as often the machine's
 * own DSL uplink (PPPoE): what comes in there from the Internet has a public sender, so only a private sender is taken for a client
 * in the tunnel (a VPN pool of public addresses is then missed, and a bogon from the Internet taken for a client: both assumed rare).
 */
export const isPrivateV4 = (address: string): boolean => PRIVATE_V4.test(address);
const PRIVATE_V4 = /^(?:10|192\.168|172\.(?:1[6-9]|2\d|3[01]))\./;

/** A private IPv4 sender or an IPv6 unique local one (RFC 4193 fc00::/7). */
export const isPrivateSender = (address: string): boolean => PRIVATE_V4.test(address) || UNIQUE_LOCAL_V6.test(address);
const UNIQUE_LOCAL_V6 = /^f[cd][0-9a-f]{0,2}:/i;

/**
 * A broadcast (`….255`, taken for one: assumed) or multicast (224/4, ff00::/8) target: what a client's Windows sends to announce
 * itself (DHCP INFORM, NetBIOS, mDNS) and any healthy firewall drops — no sign of a refused client.
 */
export const isBroadcastTarget = (address: string): boolean => BROADCAST.test(address);
const BROADCAST = /\.255$|^2(?:2[4-9]|3\d)\.|^ff/i;
