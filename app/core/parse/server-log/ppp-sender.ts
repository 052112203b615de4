/**
 * Which PPP packets only one side of a link sends: the side that checks the other's log-in (the authenticator — the server a PC
 * dials) or the side that logs in and is given an address (the peer — the PC, a router or modem that dials). One table, read by
 * pppd's packet dump (families/pppd-role.ts packetTellsRole, pppd's printed names) and by Windows' ppp.log (families/ppp-log.ts,
 * the packet's bytes), so that both tell a log's side by the same rules.
 * - CHAP: the authenticator sends the Challenge, the Success and the Failure, the peer the Response (RFC 1994 §4);
 * - PAP: the peer sends the Authenticate-Request, the authenticator the Ack or Nak (RFC 1334 §2.2);
 * - EAP: the authenticator sends Requests, Success and Failure, the peer the Responses (RFC 3748 §4);
 * - LCP: a Configure-Ack of an Authentication-Protocol option is the side agreeing to log in with it (RFC 1661 §6.2: the option
 *   asks the peer to authenticate). The Configure-Request that asks says nothing: a client may ask the server to log in too and be
 *   refused (a NetworkManager pptp client's `sent [LCP ConfReq … <auth eap>]`, rejected: test/fixtures/real/server-logs/
 *   pppd-pptp-client-nm-auth-eap-then-chap-md5-rejected-mru-nak-loop.txt) — only the Ack is agreed;
 * - IPCP: a Configure-Request of IP-Address 0.0.0.0 asks the other side for this side's address, and a Configure-Nak of IP-Address
 *   names the address the side that asked is to use (RFC 1332 §3.3): the side given an address is the peer.
 * Any other packet either side sends.
 */

export type PacketSender = 'authenticator' | 'peer';

/** What the packet's options must hold for its row to say a side: an Authentication-Protocol option, IP-Address 0.0.0.0, any IP-Address */
export type OptionSign = 'auth' | 'no-address' | 'address';

export const LCP = 0xc021;
export const PAP = 0xc023;
export const CHAP = 0xc223;
export const EAP = 0xc227;
export const IPCP = 0x8021;

interface SenderRow {
  protocol: number;
  /** the PPP code (RFC 1661 §5: 1 Configure-Request, 2 -Ack, 3 -Nak, 4 -Reject; CHAP, PAP and EAP number their own the same way) */
  code: number;
  sender: PacketSender;
  when?: OptionSign;
}

const ROWS: readonly SenderRow[] = [
  { protocol: CHAP, code: 1, sender: 'authenticator' }, // Challenge
  { protocol: CHAP, code: 2, sender: 'peer' }, // Response
  { protocol: CHAP, code: 3, sender: 'authenticator' }, // Success
  { protocol: CHAP, code: 4, sender: 'authenticator' }, // Failure
  { protocol: PAP, code: 1, sender: 'peer' }, // Authenticate-Request
  { protocol: PAP, code: 2, sender: 'authenticator' }, // Authenticate-Ack
  { protocol: PAP, code: 3, sender: 'authenticator' }, // Authenticate-Nak
  { protocol: EAP, code: 1, sender: 'authenticator' }, // Request
  { protocol: EAP, code: 2, sender: 'peer' }, // Response
  { protocol: EAP, code: 3, sender: 'authenticator' }, // Success
  { protocol: EAP, code: 4, sender: 'authenticator' }, // Failure
  { protocol: LCP, code: 2, sender: 'peer', when: 'auth' }, // Configure-Ack of <auth …>
  { protocol: IPCP, code: 1, sender: 'peer', when: 'no-address' }, // Configure-Request of <addr 0.0.0.0>
  { protocol: IPCP, code: 3, sender: 'authenticator', when: 'address' }, // Configure-Nak of <addr …>
];

const BY_KEY: ReadonlyMap<number, SenderRow> = new Map(ROWS.map((r) => [r.protocol * 256 + r.code, r]));

/**
 * Who sends a packet of this protocol and code, `has` asked only when the row needs an option sign (each reader looks for it in
 * its own way: pppd's printed `<auth …>`, ppp.log's decoded option); undefined: either side sends it.
 */
export function senderOf(protocol: number, code: number, has: (sign: OptionSign) => boolean): PacketSender | undefined {
  const row = BY_KEY.get(protocol * 256 + code);
  if (!row) return undefined;
  return row.when === undefined || has(row.when) ? row.sender : undefined;
}
