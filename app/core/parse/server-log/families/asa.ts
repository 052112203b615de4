import { d, step, tagged, type FamilyParser, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import { asaOwnTime } from './asa-time';
import { isSslVpnId, sslVpnHit } from './asa-svc';
import { IKEV2_DEBUG, IKEV2_POLICY, ikev2DebugHit, ikev2Hit, isIkev2Id } from './asa-ikev2';
import { isVpdnId, vpdnHit } from './asa-vpdn';
import { denyHit, isDenyId } from './asa-deny';
import { isTrafficId, trafficHit } from './asa-traffic';
import { isPkiId, pkiHit } from './asa-pki';
import { ipsecDropHit, isIpsecDropId } from './asa-ipsec-drops';
import { isakmpPayloadName } from '../codes/isakmp-payloads';
import { asL2lPeer } from './asa-l2l';
import { isShowIkev1SaLine, showIkev1SaHit } from './asa-show-ikev1-sa';


/**
 * 713259's teardown: the reason `crypto map policy not found` is the ASA's own for a Quick Mode whose proxies (the networks asked for)
 * fit no crypto map entry — what 713061 says when it is logged, and the only sign when it is not (a console debug with just the QM FSM
 * error and the teardown: Cisco ASA Series Syslog Messages 713061/713259; the reason string is the ASA's, not translated)
 */
function sessionDown(reason: string): Hit {
  if (/^crypto map policy not found$/i.test(reason)) return { decoded: [d('step.asaSessionDown', { reason })], outcome: 'failure', cause: 'traffic-selector-mismatch' };
  return step('asaSessionDown', { reason }, 'warning');
}
/**
 * Cisco ASA / PIX / FTD syslog `%ASA-6-113005: …` (Cisco "Secure Firewall ASA Series Syslog Messages",
 * https://www.cisco.com/c/en/us/td/docs/security/asa/syslog/b_syslog.html): the AAA (1130xx) and IKEv1/IPsec (713xxx) messages
 * here; AnyConnect/WebVPN (722xxx, 716xxx) in asa-svc.ts, IKEv2 (750xxx, 751xxx) and `debug crypto ikev2` in asa-ikev2.ts,
 * PPTP/L2TP (4031xx, 6031xx) in asa-vpdn.ts, the firewall dropping VPN packets (106xxx, 710003) in asa-deny.ts, the ASA's own
 * time behind a relay's header in asa-time.ts. Messages outside these are counted as recognised-but-not-decoded.
 */

/**
 * `%ASA-6-113005: ` (Cisco "ASA Series Syslog Messages", "Syslog Message Format": `%ASA-Level-Message_number: Message_text`);
 * PIX, FWSM (the Catalyst Firewall Services Module) and FTD write the same ids. A class name may come between facility and
 * level — `%ASA-auth-6-113004`, `%PIX-sys-6-605005`, `%FWSM-vpnc-6-611101` — in real ASA, PIX and FWSM lines relayed with
 * `<166>:Jan 13 15:51:28 MSK: ` before them (a SIEM normaliser's test samples, CiscoAsaParserSpec.scala in the
 * ru.gkis.soc.siem normalizer: `<166>:Jan 13 2012 15:51:28 MSK: %ASA-auth-6-113004: AAA user authentication Successful : …`,
 * `<165>:Jan 14 18:10:27 MSK :%ASA-5-111008: …`). That form — the priority, an empty sequence-number field and its colon,
 * the time with its zone — is assumed to be the ASA's EMBLEM format (`logging emblem`); the id after it reads the same.
 */
// (the IDS messages, 4000nn, have no colon after the id: `%ASA-4-400013 IPS:2003 ICMP redirect from …` — a real line, asa-pdf-slide-…;
// the guide writes them `%ASA-4-4000nn: IPS:number …`, assumed a copy of its common form; a SIEM vendor's raw samples lose the colon of
// others too, `%FTD-4-750003 Local:2.2.2.2:500 Remote:…`, `%ASA-5-111010 User 'admin', …` — a capital after the blank, as the guide's
// texts all start, is read as the text)
const ID = /^%(ASA|PIX|FTD|FWSM)-(?:[a-z]{2,12}-)?(\d)-(\d{6})(?:: ?| (?=I[PD]S:\d|[A-Z]))(.*)$/;
/**
 * The same id after a header the prefix reader does not split: a relay's `<165>` priority, the ASA's
 * own `logging timestamp` with the year (`Dec 04 2014 12:37:51`), `logging device-id` and the ` : `
 * the ASA puts before the id when it sends a host name, RFC 5424 (`<165>1 2014-12-04T… asa01 - - - %ASA…`).
 * The id must start the text or follow a space, `:` or `>`.
 */
const ID_INSIDE = /(?:^|[\s:>])%(ASA|PIX|FTD|FWSM)-(?:[a-z]{2,12}-)?(\d)-(\d{6})(?:: ?| (?=I[PD]S:\d|[A-Z]))(.*)$/;

/**
 * Pasted from a blog or forum as HTML: `IKE_DECODE <span style="color: #0000ff;">RECEIVED</span> Message …` — the tags are not the
 * ASA's. A tag's name ends at `>`, or at a blank before attributes (`name=value`, HTML's tag syntax), so the ASA's own
 * `User <b.smith>`, `Group <i-sales>`, `User <b smith>` stay.
 */
// (attributes run to the `>`, their own blanks and `/` included; without them only blanks and a `/` may stand before it: one way to
// read a tag — `(?:\s+[\w-]+\s*=[^>]*)?\s*\/?>` backtracked n² over a run of blanks after `<span a=` with no `>`, a ReDoS check)
export const HTML_TAG = /<\/?(?:span|font|b|i|em|strong|code|pre)(?:\s+[\w-]+\s*=[^>]*|\s*\/?)>/gi;

/**
 * What an IKE text says, wherever the ASA put it (713902/713903 syslog, the `[IKEv1]:` console debug, which carries no id): the
 * texts the ids below decode are read by their words here too, so a console copy says what the syslog line of the same message
 * says (Cisco ASA Series Syslog Messages: 713061 no matching crypto map entry, 713259 torn down, 713119/713120 phases completed)
 */
/**
 * An IKEv1 notify the peer sent (RFC 2408 §3.14.1 Notify Message Types): 14 NO-PROPOSAL-CHOSEN, 24 AUTHENTICATION-FAILED are the
 * failures they name; any other (18 INVALID-ID-INFORMATION, 9 INVALID-SPI …) a warning with its name as the ASA wrote it
 */
function notifyHit(name: string, code: number): Hit {
  // (a notify the ASA received answers what the ASA sent: here it started the exchange, and the other side, the responder, refused)
  if (code === 14) return { decoded: [d('ikeNoProposal', { role: 'initiator' })], outcome: 'failure', cause: 'ike-no-proposal' };
  if (code === 24) return { decoded: [d('ikeAuthFailed', { id: '' })], outcome: 'failure', cause: 'ike-auth-failed' };
  return step('asaNotify', { name, code }, 'warning');
}

function ikeText(text: string, outcome: 'info' | 'warning'): Hit {
  // 713022 "No Group found matching peer_ID or IP_address for Pre-shared key peer IP_address" (Cisco ASA Series Syslog Messages: "no
  // group exists in the group database with the same name as the value (key ID or IP address) specified by the peer"): the same
  // missing tunnel group, found while looking for the pre-shared key (read before the key mismatch: its text names a "Pre-shared key peer")
  const noGroup = text.match(/No Group found matching (\S+) for Pre-shared key peer/i);
  if (noGroup) return { decoded: [d('asaNoTunnelGroup', { group: noGroup[1]! })], outcome: 'failure', cause: 'ike-no-tunnel-group' };
  if (/pre-shared key|decrypting packet/i.test(text)) return { decoded: [d('pskMismatch')], outcome: 'failure', cause: 'ike-auth-failed' };
  if (/no (?:matching|acceptable) proposal|all (?:IPSec )?SA proposals found unacceptable|Phase 1 failure|Mismatched attribute/i.test(text)) return { decoded: [d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' };
  // 713905 "Login authentication failed due to max simultaneous-login restriction." (a real ASA line; group policy
  // `vpn-simultaneous-logins`): the user already has as many sessions as allowed — the password was right
  if (/simultaneous-login restriction/i.test(text)) return { decoded: [d('asaMaxLogins')], outcome: 'failure' };
  if (/no matching crypto map entry/i.test(text)) return { decoded: [d('asaNoCryptoMap', { iface: text.match(/on interface (\S+)/)?.[1] ?? '?' })], outcome: 'failure', cause: 'traffic-selector-mismatch' };
  // "IP = ip, No crypto map bound to interface... dropping pkt" (debug crypto isakmp): IKE arrived on an interface without `crypto
  // map … interface`; the ASA drops it, so the PC gets no answer. The server's setting: a failure, no PC-side cause
  if (/No crypto map bound to interface/i.test(text)) return { decoded: [d('asaNoCryptoMapBound')], outcome: 'failure' };
  // 713132 "Cannot obtain an IP address for remote peer": no address left in the pool (or none configured) for the client
  if (/Cannot obtain an IP address for remote peer/i.test(text)) return { decoded: [d('asaNoClientAddress')], outcome: 'failure', cause: 'address-pool' };
  // 713167 "Remote peer has failed user authentication - check configured username and password", 713198 "User Authorization
  // failed: user User authorization failed.": the user's XAUTH name or password (or the account's rights) refused — IKEv1 remote
  // access after phase 1, i.e. a Cisco VPN Client or a phone's "Cisco IPsec" profile, never Windows' built-in client (an L2TP/IPsec
  // user is checked in PPP, 113005 and the like): no Windows code (libreswan-xauth.ts says why; 713198 for XAUTH assumed from its place)
  if (/Remote peer has failed user authentication|User Authorization failed/i.test(text)) return { decoded: [d('asaUserRejected')], outcome: 'failure', cause: 'xauth-rejected' };
  // "Can't find a valid tunnel group, aborting...!" (debug crypto isakmp; the syslog's 713900-range text): no tunnel group (connection
  // profile) matches the name the ASA looked up — the peer's address for a LAN-to-LAN peer or a main-mode remote-access PC, the group
  // name a Cisco VPN Client sends in aggressive mode (Cisco ASA VPN configuration guide, "Connection Profiles": a LAN-to-LAN tunnel
  // group is named by the peer's IP address). Nothing of the PC's key or password was checked: the server's setting or the group name
  if (/Can't find a valid tunnel group/i.test(text)) return { decoded: [d('asaNoTunnelGroup', { group: text.match(/Group = ([^,]+),/)?.[1] ?? '?' })], outcome: 'failure', cause: 'ike-no-tunnel-group' };
  // 713165 "Client IKE Auth mode differs from the group's configured Auth mode" (the guide's 713165): the PC proves itself with a
  // pre-shared key where the tunnel group wants a certificate, or the other way round — for Windows' L2TP/IPsec, the connection's
  // "Use preshared key for authentication" setting against the group's `ikev1 pre-shared-key` / `trust-point`
  if (/Client IKE Auth mode differs from the group's configured Auth mode/i.test(text)) return { decoded: [d('asaIkeAuthModeDiffers')], outcome: 'failure', cause: 'auth-protocol-mismatch' };
  // 713185 "Error: Username too long - connection aborted" (the guide: "the client returned an invalid length username, and the tunnel
  // was torn down"): the name the PC sent, not the password
  if (/Username too long - connection aborted/i.test(text)) return { decoded: [d('asaUsernameTooLong')], outcome: 'failure' };
  // 713903 "IKE Receiver: Runt ISAKMP packet discarded on Port port from ip:port" (a real line, Feb 2021): a UDP packet on the IKE port
  // too short to hold an ISAKMP header (28 bytes, RFC 2408 §3.1), dropped. On 4500 a NAT keepalive is one byte (RFC 3948 §2.3) — such
  // a stray or keepalive packet is assumed: on its own it breaks nothing
  const runt = text.match(/Runt ISAKMP packet discarded on Port (\d+) from ([0-9A-Fa-f.:]+?):(\d+)/i);
  if (runt) return tagged(step('asaRuntIsakmp', { port: runt[1]!, from: `${runt[2]}:${runt[3]}` }), { peer: runt[2] });
  // "Removing peer from peer table failed, no match!", "Error: Unable to remove PeerTblEntry", "Removing peer from correlator table
  // failed, no match!" (713902): the ASA tidying up a negotiation that failed before it was entered in those tables — printed after
  // the failure the lines before it name, no fault of its own (assumed from the real logs: each follows a failed negotiation)
  if (/Removing peer from (?:peer|correlator) table failed, no match|Unable to remove PeerTblEntry/i.test(text)) return step('asaPeerTableCleanup');
  // "Header invalid, missing SA payload! (next payload = 4)": a message that opens a negotiation must start with an SA payload
  // (RFC 2409 §5: Main Mode's and Aggressive Mode's first messages carry the SA); one that starts with another payload is a later
  // message of a negotiation the ASA no longer has (a peer retransmitting after the ASA dropped it)
  const header = text.match(/Header invalid, missing SA payload! \(next payload = (\d+)\)/);
  if (header) return step('asaMissingSaPayload', { payload: isakmpPayloadName(Number(header[1])) }, 'warning');
  // 713068 "Received non-routine Notify message: notify_type (notify_value)": the peer's IKEv1 notify, by its RFC 2408 §3.14.1 number
  const notify = text.match(/Received non-routine Notify message: (.*?) \((\d+)\)/);
  if (notify) return notifyHit(notify[1]!, Number(notify[2]));
  // 713228 "Assigned private IP address ip to remote user": the client's tunnel address
  const assigned = text.match(/Assigned private IP address ([0-9A-Fa-f.:]+) to remote user/);
  if (assigned) return step('asaSslAddress', { ip: assigned[1]!, user: text.match(/Username = ([^,]+)/)?.[1] ?? '?' }, 'success');
  // 713259 "Session is being torn down. Reason: reason", 713050 "Connection terminated for peer ip. Reason: reason Remote Proxy …",
  // 713194 "Sending IKE|IPsec Delete With Reason message: reason"
  const down = text.match(/Session is being torn down\. Reason: (.*?)\s*$|Connection terminated for peer \S+\s+Reason: (.*?)\s+Remote Proxy|Delete With Reason message: (.*?)\.?\s*$/);
  if (down) return sessionDown((down[1] ?? down[2] ?? down[3])!);
  const phase = text.match(/\bPHASE ([12]) COMPLETED\b/);
  if (phase) return step('asaPhaseDone', { phase: Number(phase[1]) }, 'success');
  return step('asaIke', { text }, outcome);
}

function decode(id: number, text: string, severity = 6): Hit | null {
  // AnyConnect and WebVPN (722xxx, 716xxx, 113039): their own head (`Group <g> User <u> IP <ip>`), read in asa-svc.ts
  if (isSslVpnId(id)) return sslVpnHit(id, text, severity);
  // IKEv2 (750xxx, 751xxx: `Local:… Remote:… Username:…`), in asa-ikev2.ts; PPTP/L2TP (4031xx, 6031xx) in asa-vpdn.ts
  if (isIkev2Id(id)) return ikev2Hit(id, text, severity);
  if (isVpdnId(id)) return vpdnHit(id, text, severity);
  // the firewall dropping a VPN's packets (106023, 106006, 106001, 710003) in asa-deny.ts; any other drop: not understood
  if (isDenyId(id)) return denyHit(id, text);
  // the firewall's connection table, IDS signatures and a user's ACL refusing a flow (302xxx, 609xxx, 4000xx, 109025) in asa-traffic.ts
  if (isTrafficId(id)) return trafficHit(id, text);
  // the client's certificate, the username taken from it, the TLS handshake (717xxx, 725xxx, 113026-113028) in asa-pki.ts
  if (isPkiId(id)) return pkiHit(id, text, severity);
  // a tunnel's packet dropped by the IPsec data path (402114-402122) in asa-ipsec-drops.ts
  if (isIpsecDropId(id)) return ipsecDropHit(id, text);
  // "user = NAME :" (1130xx) or "Username = NAME," (113019, 7139xx): the ` : `, the comma or the line's end is the field's end, not a
  // blank in the name (an AAA server's user, `john smith`, as the ASA guide's 113005 writes `user = user`, its fields ` : ` apart)
  const named = text.match(/user = ([^:,]+?)\s*(?::|,|$)/i)?.[1] ?? text.match(/Username = ([^,]+)/)?.[1];
  // `user = *****`: the ASA hides the name unless `no logging hide username` is set (ASA guide, 113005/113015): no user
  const user = named && !/^\*+$/.test(named) ? named : undefined;
  const server = text.match(/server = +([^:\s]+)/i)?.[1] ?? '';
  const reason = text.match(/reason = ([^:]+?)\s*(?::|$)/i)?.[1] ?? '';
  // "user IP = ip" (113005, 113015, 113016): the client's public address
  const peer = text.match(/user IP = ([0-9A-Fa-f.:]+)/)?.[1];
  switch (id) {
    case 113005:
      if (/server|timeout|not respond|unreach/i.test(reason)) return tagged({ decoded: [d('aaaNoReply', { reason })], outcome: 'failure', cause: 'radius-unreachable' }, { user, peer });
      // "AAA user authorization Rejected" (the guide's 113005 names authentication|authorization): the account's rights were looked
      // up and refused, not its password. `user = <Unknown>`: the ASA had no name to look up — for a certificate log-in, the
      // connection profile's username-from-certificate rule gave none (asa-pki.ts 113026/113028 before it in the real log): a server
      // setting, nothing the PC's user can type differently, so no PC-side cause
      if (/authorization Rejected/i.test(text)) {
        // (a name the ASA hid, `user = *****`, is a name all the same: refused as the account's)
        if (!named || /^<?unknown>?$/i.test(named)) return tagged({ decoded: [d('aaaAuthzNoUser', { reason, server })], outcome: 'failure' }, { peer });
        return tagged({ decoded: [d('aaaAuthzRejected', { reason, server, user: user ?? '?' })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user, peer });
      }
      return tagged({ decoded: [d('aaaRejected', { reason, server, user: user ?? '?' })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user, peer });
    // 113015 "AAA user authentication Rejected : reason = reason : local database : user = user : user IP = ip": the ASA's own user
    // list refused; 113016 "AAA credentials rejected : reason = reason : server = ip : user = user : user IP = ip"
    case 113015:
    case 113016:
      return tagged({ decoded: [d('aaaRejected', { reason, server: id === 113015 ? 'local database' : server, user: user ?? '?' })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user, peer });
    // 113004 "AAA user authentication|authorization Successful : server = ip : user = user", 113012 "… Successful : local database :
    // user = user", 113008 "AAA transaction status ACCEPT : user = user" (the whole AAA transaction for the user ended accepted)
    case 113004:
    case 113008:
    case 113012:
      return tagged(step(user ? 'authOk' : 'authOkNoUser', { method: 'AAA', user: user ?? '' }, 'success'), { user });
    // 113009 "AAA retrieved default group policy (policy) for user = user", 113011 "… user specific group policy (policy) …"
    case 113009:
    case 113011:
      return tagged(step('asaGroupPolicy', { policy: text.match(/group policy \(([^)]*)\)/)?.[1] ?? '?', user: user ?? '?' }), { user });
    // 113014 "AAA authentication server not accessible : server = ip : user = user": no answer from the RADIUS/AAA server
    case 113014:
      return tagged({ decoded: [d('aaaServerUnreachable', { server })], outcome: 'failure', cause: 'radius-unreachable' }, { user });
    case 113022:
      return { decoded: [d('aaaServerFailed', { server: text.match(/server (\S+)/)?.[1] ?? '' })], outcome: 'failure', cause: 'radius-unreachable' };
    case 113023:
      return step('aaaServerBack');
    // 113019 "Group = g, Username = u, IP = ip, Session disconnected. Session Type: type, Duration: time, Bytes xmt: n, Bytes rcv: n,
    // Reason: reason" (FTD writes no blank after the commas). "User Requested" is the user's own disconnect (the guide's reason
    // list): no warning; any other reason (Idle Timeout, Lost Service, Peer Reclaimed …) is
    case 113019: {
      const ended = text.match(/Session Type: ([^,]+),\s*Duration: ([^,]+),.*Reason: (.*?)["']?\s*$/);
      if (!ended) return tagged(step('asaSessionDown', { reason: text.match(/Reason: (.*?)["']?\s*$/)?.[1] ?? '' }, 'warning'), { user });
      return tagged(step('asaSessionEnded', { type: ended[1]!.trim(), duration: ended[2]!.trim(), reason: ended[3]! }, /^User Requested$/i.test(ended[3]!) ? 'info' : 'warning'), { user });
    }
    case 713257:
    case 713048:
      return /Mismatched attribute|proposal|no matching/i.test(text) ? { decoded: [d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' } : step('asaIke', { text });
    case 713902:
    case 713903:
      return ikeText(text, 'warning');
    // 713900-713906: "descriptive event string" (the guide), each a text of its own at its own severity — read by their words
    case 713900:
    case 713901:
    case 713904:
    case 713905:
    case 713906:
      return ikeText(text, severity <= 3 ? 'warning' : 'info');
    // Cisco ASA Series Syslog Messages: 713119 "Group = g, IP = ip, PHASE 1 COMPLETED", 713120 "PHASE 2 COMPLETED (msgid=…)"
    case 713119:
      return step('asaPhaseDone', { phase: 1 }, 'success');
    case 713120:
      return step('asaPhaseDone', { phase: 2 }, 'success');
    // 713061 "Rejecting IPSec tunnel: no matching crypto map entry for remote proxy … local proxy … on interface …": Quick Mode
    // found no crypto map (for an L2TP/IPsec PC: no dynamic map with a transport-mode transform set on that interface). The server's
    // policy, not the PC's: a failure, but no PC-side cause
    case 713061:
      return /no matching crypto map/i.test(text) ? { decoded: [d('asaNoCryptoMap', { iface: text.match(/on interface (\S+)/)?.[1] ?? '?' })], outcome: 'failure', cause: 'traffic-selector-mismatch' } : step('asaIke', { text }, 'warning');
    // 713259 "Session is being torn down. Reason: reason"
    case 713259:
      return sessionDown(text.match(/Reason: (.*?)\s*$/)?.[1] ?? '');
    // 713049 "Security negotiation complete for tunnel_type type (group_name) Initiator|Responder, Inbound SPI = …": IPsec is up
    // (the guide; real lines: `for User (jdoe) Responder`, `for LAN-to-LAN Group (203.0.113.9) Responder`)
    case 713049:
      return step('asaIpsecUp', { who: text.match(/complete for (.*?\))/)?.[1] ?? '' }, 'success');
    default:
      // any other message of the IKE classes (713xxx, 715xxx: "ike" in the guide's class table) or IPsec (602xxx): a plain
      // IKE event, a warning at severity 3 or worse; debug-level 7 lines (IKE_DECODE, "constructing … payload") included
      // (713xxx read by their words, as ikeText reads them in the console debug; 715xxx are debug-level 7 lines, quoted)
      if (Math.floor(id / 1000) === 713) return ikeText(text, severity <= 3 ? 'warning' : 'info');
      if (Math.floor(id / 1000) === 715 || Math.floor(id / 1000) === 602) return step('asaIke', { text }, severity <= 3 ? 'warning' : 'info');
      return null;
  }
}

/**
 * The ASA's console `debug crypto isakmp` (and `logging console`) form, `Jun 10 17:36:13 [IKEv1]: IP = …` or
 * `[IKEv1 DEBUG]: …` / `[IKEv2]: …`: the syslog reader takes the bracket for a host (and `[IKEv1` / `DEBUG]:` when
 * split at the space). The text after it, or undefined.
 */
const CONSOLE_HOST = /^\[IKEv[12](?:\]:|$)/;
/**
 * The same head with no colon and no blank after the bracket, the IKE text's first word glued to it: `Nov 08 07:10:05
 * [IKEv1]Group = 172.16.0.2, IP = …` (a real ASA 5505 console copied into lab notes, search index file 28725717322; the
 * glued form is assumed to be the ASA's own console output, not a copy's loss: every line of that copy has it). The syslog
 * reader takes `[IKEv1]Group` (or `[IKEv1]IP`, `[IKEv1]Username`) for the host and the text goes on at `= …`; with DEBUG
 * the host is `[IKEv1` and the text starts `DEBUG]Group = …`.
 */
const CONSOLE_GLUED_HOST = /^\[IKEv[12]\](Group|Username|IP)$/;
const CONSOLE_GLUED_DEBUG = /^DEBUG\](?::\s*)?((?:Group|Username|IP) = .*)$/;
/** the console head at the start of a line copied without its time: `[IKEv1 DEBUG]: Group = …` (or glued, `[IKEv1]Group = …`) */
const CONSOLE_HEAD = /^\[IKEv[12](?: DEBUG)?\](?:: |(?=(?:Group|Username|IP) = ))(.*)$/;
/**
 * An IKE message's own head, the objects the ASA prepends to "most of the ISAKMP syslog messages … to help identify the tunnel"
 * (Cisco ASA configuration guide, "Configuring Logging": `Group = groupname, Username = user, IP = IP_address, `), in that order —
 * a line that starts with it is an ASA IKE text whose `[IKEv1]:` or `%ASA-…:` head was cut off (a person's notes)
 */
const TUNNEL_HEAD = /^(?:Group = [^,]+, )?(?:Username = [^,]+, )?IP = [0-9A-Fa-f.:]+, /;
/** TUNNEL_HEAD's user and address, wherever the head starts the text */
const TUNNEL_FIELDS = /^(?:Group = [^,]+,\s*)?(?:Username = ([^,]+),\s*)?IP = ([0-9A-Fa-f.:]+)(?:,|\s|$)/;
function consoleText(pre: Prefixed): string | undefined {
  if (!pre.host) {
    // no header read: only the two heads above, tested only when the line starts with their first character (`[`, `G`, `U`, `I`)
    const c = pre.message.charCodeAt(0);
    if (c === 91) return pre.message.match(CONSOLE_HEAD)?.[1];
    return (c === 71 || c === 73 || c === 85) && TUNNEL_HEAD.test(pre.message) ? pre.message : undefined;
  }
  const glued = pre.host.match(CONSOLE_GLUED_HOST);
  if (glued) return pre.message.startsWith('= ') ? `${glued[1]} ${pre.message}` : undefined;
  if (!CONSOLE_HOST.test(pre.host)) return undefined;
  if (pre.host.endsWith(']:')) return pre.message;
  const m = pre.message.match(/^DEBUG\]: (.*)$/) ?? pre.message.match(CONSOLE_GLUED_DEBUG);
  return m ? m[1] : undefined;
}

/**
 * An IKEv1 message's own head (`Group = g, Username = u, IP = ip, `: TUNNEL_HEAD) names the peer and the user: the entry's, in a
 * syslog line and in the console's copy of the same text alike (a masked user name, `*****`, names no one)
 */
function withTunnelHead(hit: Hit | null, text: string): Hit | null {
  if (!hit || hit.peer !== undefined) return hit;
  const head = text.match(TUNNEL_FIELDS);
  if (head) tagged(hit, { peer: head[2], user: hit.user ?? (head[1] && !/^\*+$/.test(head[1]) ? head[1] : undefined) });
  return hit;
}

/** `debug crypto ikev2` output (asa-ikev2.ts): a line with no header read that starts `IKEv2-PROTO-`/`KEv2-…` or `Proposal n: ` */
const ikev2Debug = (pre: Prefixed): boolean => {
  if (pre.host || pre.program) return false;
  const c = pre.message.charCodeAt(0);
  return ((c === 73 || c === 75) && IKEV2_DEBUG.test(pre.message)) || (c === 80 && IKEV2_POLICY.test(pre.message));
};

/**
 * The IKEv1/IPsec messages (713xxx, 715xxx, 602xxx) and 113019's session end, the ones whose head or words tell a LAN-to-LAN tunnel
 * (asa-l2l.ts): their statements worded for a site-to-site peer where it is one
 */
function tunnelTyped(id: number, hit: Hit | null, text: string, state: Record<string, unknown>): Hit | null {
  const kind = Math.floor(id / 1000);
  return kind === 713 || kind === 715 || kind === 602 || id === 113019 ? asL2lPeer(hit, text, state) : hit;
}

/** an ASA/PIX/FTD message id as the program tag (claims: a module constant, not a RegExp object per record) */
const ID_TAG = /^%(ASA|PIX|FTD|FWSM)-(?:[a-z]{2,12}-)?\d-\d{6}$/;

export const asaFamily: FamilyParser = {
  family: 'asa',
  // a program tag that starts with `<` is an ASA's priority and rfc5424 time cut at its first colon after a relay's header
  // (`Mar  3 10:11:13 relay <166>2026-03-03T10:11:12Z asa01 : %ASA-…`): no program is named so
  // a program tag before a message that starts with the id is the ASA's host name with a colon (`May  5 17:51:17 dev01: %ASA-…`)
  claims: (pre: Prefixed) =>
    pre.program
      ? (pre.program.charCodeAt(0) === 37 /* % */ && ID_TAG.test(pre.program)) || (pre.program.charCodeAt(0) === 60 && ID_INSIDE.test(pre.message)) || (pre.message.charCodeAt(0) === 37 && ID.test(pre.message))
      : ID_INSIDE.test(pre.message) || consoleText(pre) !== undefined || ikev2Debug(pre) || (!pre.host && isShowIkev1SaLine(pre.message)),
  parse(pre, state) {
    if (ikev2Debug(pre)) return ikev2DebugHit(pre.message, state);
    // (`show crypto ikev1 sa` typed into the paste: its rows, asa-show-ikev1-sa.ts)
    if (!pre.program && !pre.host && isShowIkev1SaLine(pre.message)) return showIkev1SaHit(pre.message);
    const console = consoleText(pre);
    if (console !== undefined) {
      const text = console.replace(HTML_TAG, '');
      return asL2lPeer(withTunnelHead(ikeText(text, 'info'), text), text, state);
    }
    const whole = pre.program && /^%/.test(pre.program) ? `${pre.program}: ${pre.message}` : pre.program?.charCodeAt(0) === 60 ? `${pre.program}:${pre.message}` : pre.message;
    const own = whole.match(ID);
    const m = own ?? whole.match(ID_INSIDE);
    if (!m) return null;
    const text = m[4]!.replace(HTML_TAG, '');
    const id = Number(m[3]);
    const hit = tunnelTyped(id, withTunnelHead(decode(id, text, Number(m[2])), text), text, state);
    // text before the id (only when the prefix reader did not take it all): the ASA's own time may be there, after a relay's header
    const time = own || !hit ? undefined : asaOwnTime(whole.slice(0, m.index));
    if (time) hit!.time = time;
    return hit;
  },
};
