import { PPP_PROTOCOLS, LCP_OPTIONS } from '../codes/ppp';
import { d, step, tagged, type Rule } from '../kit';

/**
 * SoftEther VPN Server's debug console (vpnserver run in the foreground with debugging on, SoftEther issues #1169 and #1253):
 * no time, no program; its server_log lines come as `LOG: <the line>` (sstp.ts reads them behind that word) and between them
 * the Debug() lines of Cedar's protocol code (Proto_PPP.c, Proto_SSTP.c, Proto_L2TP.c, Proto_IKE.c). Texts as those issues
 * show them; meanings read from the code around them (Proto_PPP.c: the EAP NAK fallback) or assumed from the text.
 */

const lcpOption = (hex: string): string => LCP_OPTIONS[parseInt(hex, 16)] ?? `option ${parseInt(hex, 16)}`;
const pppProtocol = (hex: string): string => {
  const name = PPP_PROTOCOLS[parseInt(hex, 16)];
  return name ? `0x${hex.toLowerCase()} (${name})` : `0x${hex.toLowerCase()}`;
};

export const SOFTETHER_DEBUG_RULES: Rule[] = [
  // bookkeeping: protocol detection on a new TCP connection, the SSTP-over-HTTPS start, PPP's own phases and option lists
  [/^(?:ProtoImplDetect\(\): unrecognized protocol|Downloading Signature\.\.\.|ProcessSstpHttps Start\.|PPP InitializeMsChapV2_UseDoubleMsChapV2 = 0x[0-9a-f]+|PPP Link establishment phase|PPP starting main dataloop|Got LCP packet request ID=\d+ OptionsListSize=\d+|Thread Stopped for Session \d+\/\d+ on Tunnel \d+\/\d+|\.\.\/src\/Cedar\/\w+\.c: \d+)$/, () => step('sstpHousekeeping')],
  // the IKE client table and the key material dumps of Proto_IKE.c (P1 Transform, cookies, IV, nonces, SKEYIDs) — whole, or cut
  // short by the person who pasted them (`Initial IV: 54 09 89 01 C9 50 88 ...`, `Update IKE_CLIENT: 0x72...: …`, SoftEther issue #2110):
  // IPsec's, not SSTP's
  [/^(?:(?:New|Update) IKE_CLIENT: 0x[0-9a-f]+(?:\.\.\.|…)?: \S+ -> \S+|P1 Transform: .*|New IKE SA \(Mode = \d+\): .*|(?:Initial IV|(?:Responder|Initiator)Rand|SKEYID(?:_[dae])?): [0-9A-F ]+(?:\.\.\.|…)?)$/, () => step('seIkeDebugDump')],
  // the IKE client's and its SAs' life (Proto_IKE.c: IPsecIkeClientManageL2TPServer, MarkIkeClientAsDeleted, MarkIkeSaAsDeleted,
  // MarkIPsecSaAsDeleted; the Diffie-Hellman computation of Main Mode's second exchange)
  [/^IKE_CLIENT 0x[0-9A-F]+: (L2TP|EtherIP) Server Started\.$/i, (m) => step('seDebugInnerServerStarted', { what: m[1]! })],
  [/^Deleting IKE_CLIENT: (?:0x)?[0-9a-f]+: (\S+?):\d+ -> \S+$/i, (m) => tagged(step('seDebugClientDeleted', { peer: m[1]! }), { peer: m[1] })],
  [/^(?:IKE SA \d+ - \d+|IPsec SA 0x[0-9A-F]+) has been marked as being deleted\.$/i, (m) => step(m[0].startsWith('IKE') ? 'seDebugIkeSaDeleted' : 'seDebugIpsecSaDeleted')],
  [/^DhCompute failed\.$/, () => step('seDebugDhFailed', undefined, 'warning')],
  // Main Mode's third exchange (Proto_IKE.c, IKE_SA_MM_STATE_2_KEY): the PC's identity (its ID payload), then the PC's HASH_I checked
  // against the one SoftEther computes from the pre-shared key — equal: the IKE SA is established; not equal: `Invalid Hash.`, the
  // two sides hold different pre-shared keys (SKEYID is derived from the secret, RFC 2409 section 5); SoftEther answers nothing
  [/^Client ID = (.*)$/, (m) => step('seIkeClientId', { id: m[1]!.trim() || '-' })],
  [/^IKE SA 0x[0-9A-F]+ Established\. Client ID=(.*)$/i, (m) => step('seIkeSaEstablishedDebug', { id: m[1]!.trim() || '-' }, 'success')],
  [/^IKE SA 0x[0-9A-F]+ Invalid Hash\.$/i, () => ({ decoded: [d('seIkeInvalidHash'), d('pskMismatch')], outcome: 'failure', cause: 'ike-auth-failed' })],
  // the PC asked for an LCP option SoftEther does not implement (Callback, Multilink …): it will reject it, a harmless step
  [/^Unsupported LCP option = 0x([0-9a-f]+)$/i, (m) => step('seUnsupportedLcpOption', { option: lcpOption(m[1]!) })],
  // Proto_PPP.c: the PC answered SoftEther's EAP offer with a NAK and asked for another method: SoftEther drops EAP, rejects the
  // PC's EAP packets, and offers MS-CHAPv2 instead
  [/^Got a EAP_NAK, abandoning EAP protocol$/, () => step('seEapNak')],
  [/^Request MSCHAPv2 from EAP NAK$/, () => step('seOfferMsChapV2')],
  [/^Rejecting PPP protocol = 0x([0-9a-f]+)$/i, (m) => step('seRejectPppProtocol', { proto: pppProtocol(m[1]!) })],
  // the L2TP session and tunnel coming down (Proto_L2TP.c; session and tunnel IDs as ours/theirs)
  [/^(?:Trying to Disconnect Session ID (\S+) on Tunnel (\S+)|L2TP Session (\S+) on Tunnel (\S+) Disconnected\.)$/, (m) => step('seL2tpSessionDown', { session: (m[1] ?? m[3])!, tunnel: (m[2] ?? m[4])! })],
  [/^(?:Trying to Disconnect Tunnel ID (\S+)|L2TP Tunnel (\S+) is Disconnected\.)$/, (m) => step('seL2tpTunnelDown', { tunnel: (m[1] ?? m[2])! })],
  // OpenSSL's error queue printed as is (`<thread>:error:06065064:digital envelope routines:EVP_DecryptFinal_ex:bad decrypt:<file>:<line>:`):
  // a packet that does not decrypt with the keys SoftEther holds (assumed: keys that differ between the two sides, or a damaged packet)
  [/^\d+:error:[0-9A-F]{8}:([^:]+):([^:]+):([^:]+):.*$/, (m) => ({ decoded: [d('seOpenSslError', { what: m[3]!, where: `${m[1]}, ${m[2]}` })], outcome: 'warning' })],
];
