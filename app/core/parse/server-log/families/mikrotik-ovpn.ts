import { d, step, tagged, type Hit, type Rule } from '../kit';

/**
 * RouterOS's OpenVPN (topic `ovpn`, server and the router's own `ovpn-out` client): a session's cipher, its end and reason, the
 * server's listening state, the OpenVPN packets of `ovpn,debug,packet`, and the packets it drops. Split from mikrotik.ts, which
 * takes these rules with its session-name pattern.
 */

/**
 * `<addr>: disconnected <reason>`: an OpenVPN session's end, the reason in angle brackets (RouterOS's own words). "peer
 * disconnected": the other side closed the connection — the PC on a server session, the server on the router's own client
 * (`ovpn-out1`); "bad packet received": the router got a packet it could not read (a RouterOS script's pairing of it with
 * `unknown opcode received`, search index file 35072022793; meaning assumed). Any other reason is given as printed.
 */
function ovpnDisconnected(m: RegExpMatchArray): Hit {
  const reason = m[3]!;
  const client = m[1] === undefined;
  const peer = !client && /^\d/.test(m[1]!) ? m[1] : undefined;
  if (reason === 'peer disconnected') return tagged(step(client ? 'mtOvpnServerClosed' : 'mtOvpnPeerClosed', client ? { iface: m[2]! } : undefined), { peer });
  if (reason === 'bad packet received') return tagged(step('mtOvpnBadPacket', undefined, 'warning'), { peer });
  return tagged(step('mtOvpnDisconnected', { reason }), { peer });
}

/**
 * OpenVPN's packet opcodes (OpenVPN src/openvpn/ssl_pkt.h, P_CONTROL_HARD_RESET_CLIENT_V1 … P_CONTROL_WKC_V1; protocol described
 * in OpenVPN's doc/doxygen "OpenVPN's network protocol"): the ones a session start shows are explained, the others named.
 */
const OVPN_OPCODES: Record<string, string> = {
  P_CONTROL_HARD_RESET_CLIENT_V2: 'mtOvpnClientReset',
  P_CONTROL_HARD_RESET_CLIENT_V3: 'mtOvpnClientReset',
  P_CONTROL_HARD_RESET_SERVER_V2: 'mtOvpnServerReset',
  P_CONTROL_SOFT_RESET_V1: 'mtOvpnSoftReset',
  P_CONTROL_V1: 'mtOvpnControl',
  P_ACK_V1: 'mtOvpnAck',
  P_DATA_V1: 'mtOvpnData',
  P_DATA_V2: 'mtOvpnData',
};
function ovpnPacket(dir: string, opcode: string): Hit {
  const hit = step(dir === 'sent' ? 'mtOvpnPacketSent' : 'mtOvpnPacketReceived', { opcode });
  const meaning = OVPN_OPCODES[opcode];
  if (meaning) hit.decoded.push(d(meaning));
  return hit;
}

/** The OpenVPN rules; `sessionName` is mikrotik.ts's pattern of a session (`<addr>`, `<user>` or the router's `ovpn-out1`). */
export function ovpnRules(sessionName: string): Rule[] {
  return [
    // RouterOS's OpenVPN server (topic ovpn): the cipher and HMAC of a session, its end with the reason in angle brackets, its
    // listening state, and with ovpn,debug,packet the OpenVPN packets it sends and receives (forum.mikrotik.com thread 213051,
    // RouterOS 6.49.2: `ovpn,info : using encoding - AES-256-CBC/SHA1`, `ovpn,debug <addr>: disconnected <peer disconnected>`,
    // `ovpn,debug no more listening for incoming connections: too busy`, `ovpn,debug listening again for incoming connections`,
    // `ovpn,debug,packet sent P_CONTROL_HARD_RESET_SERVER_V2 kid=0 sid=… pid=0 DATA len=0`; the session name before `: using` is
    // empty there, as in a RouterOS OpenVPN guide's note `ovpn,info : using encoding - ……`, github.com search index file 18042386821)
    [/^(?:<[^>]*>)?\s?: using encoding - ([\w-]+)\/([\w-]+)$/, (m) => step('mtOvpnEncoding', { cipher: m[1]!, auth: m[2]! }, 'success')],
    [new RegExp(`^${sessionName}: disconnected <([^>]+)>$`), (m) => ovpnDisconnected(m)],
    // assumed from the order in the thread's log: right after a connection comes in the server stops listening ("too busy"), and
    // it listens again when that connection ends — one new connection is set up at a time
    [/^no more listening for incoming connections: too busy$/, () => step('mtOvpnBusy')],
    [/^listening again for incoming connections$/, () => step('mtOvpnListening')],
    [/^(sent|rcvd) (P_[A-Z0-9_]+)\b.*$/, (m) => ovpnPacket(m[1]!, m[2]!)],
    // RouterOS's OpenVPN dropped a packet whose packet id it had already seen (OpenVPN's replay check: a control packet is
    // numbered, a repeat is discarded; RouterOS's own wording). Logged over and over when RouterOS and the other end's OpenVPN
    // do not agree on those numbers: RouterOS as a client of SoftEther's OpenVPN server (SoftEtherVPN issue #333, RouterOS 6,
    // fixed on SoftEther's side in #812/#828), and the only line a RouterOS 6.49.7 server logged for a Windows OpenVPN 2.6.0
    // client that 2.5.9 connected (OpenVPN issue #253; #372 the same with 2.6.0-2.6.5). Not a cause of its own: the other end's
    // OpenVPN version is the thing to check, which the text says
    [/^duplicate packet, dropping$/, () => step('mtOvpnDuplicatePacket', undefined, 'warning')],
  ];
}
