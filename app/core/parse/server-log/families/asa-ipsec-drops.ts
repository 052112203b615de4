import { step, tagged, type Hit } from '../kit';

/**
 * The ASA's IPsec data path dropping a packet of a tunnel (Cisco Secure Firewall ASA Series Syslog Messages, 402114–402122; the
 * texts as the guide gives them): 402114 "Received an protocol packet (SPI=spi) from remote_IP to local_IP with an invalid SPI"
 * ("an SPI that does not exist in the SA database … slight differences in aging of SAs between the IPsec peers, or … the local SAs
 * have been cleared"), 402116 "… The decapsulated inner packet doesn't match the negotiated policy in the SA" (the peer sends other
 * traffic through the SA), 402117 "Received a non-IPSec packet (protocol= protocol) from remote_IP to local_IP" ("matched the crypto
 * map ACL, but it is not IPsec-encapsulated"), 402119 "… that failed anti-replay checking", 402120 "… that failed authentication";
 * the others of the range (402115 wrong IPsec protocol, 402118 illegal fragment, 402121/402122 dropped by IPsec) in the ASA's words.
 * Each is one packet of a tunnel that was negotiated (or, for 402117, of traffic that should have been in one), rate-limited to one
 * message in five seconds: a warning with the tunnel's far end as the peer, no cause — none of them says the VPN failed to come up.
 */

const KEYS: ReadonlyMap<number, string> = new Map([
  [402114, 'asaIpsecInvalidSpi'],
  [402116, 'asaIpsecPolicyMismatch'],
  [402117, 'asaIpsecNotEncrypted'],
  [402119, 'asaIpsecReplay'],
  [402120, 'asaIpsecAuthFailed'],
]);

// the far end: `from remote_IP` (402114–402121), or the cleartext source of 402122; the near end after ` to `
const ENDS = /\bfrom ([0-9A-Fa-f.:]+?)(?: \(user= ?[^)]*\))? to ([0-9A-Fa-f.:]*[0-9A-Fa-f])/;

export const isIpsecDropId = (id: number): boolean => id >= 402114 && id <= 402122;

export function ipsecDropHit(id: number, text: string): Hit | null {
  const m = text.match(ENDS);
  if (!m) return null;
  const key = KEYS.get(id);
  const body = text.replace(/^IPSEC: /i, '').trim();
  const hit = key ? step(key, { from: m[1]!, to: m[2]! }, 'warning') : step('asaIpsecDropped', { text: body }, 'warning');
  return tagged(hit, { peer: m[1] });
}
