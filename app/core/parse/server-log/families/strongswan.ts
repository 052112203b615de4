import { relayed } from './relayed';
import { notifyByName, windowsVendorId } from '../codes/ike';
import { applyRules, context, d, fallback, isCounted, messageAt, step, tagged, trimmed, type FamilyParser, type Hit, type Rule } from '../kit';
import { hasLineBreak, type Prefixed } from '../prefix';
import type { ServerLogEntry } from '../types';
import { finishFirstExchange, mayTrack, trackFirstExchange } from './strongswan-first-exchange';
import { KERNEL_RULES } from './strongswan-kernel';
import { DHCP_RULES } from './strongswan-dhcp';
import { afterThread, afterThreadIkeName, afterThreadTookIdlessName } from './strongswan-head';
import { asInitiator, awaitRole, readRole, setRole } from './strongswan-role';
import { asSiteResponder, mirrorOf, readSite } from './strongswan-site';
import { CERTIFICATE_RULES } from './strongswan-certificates';
import { EAP_RULES } from './strongswan-eap';
import { PROPOSAL_RULES } from './strongswan-proposal';
import { DECRYPT_RULES } from './strongswan-decrypt';
import { isListSasLine, LIST_SAS_RULES } from './swanctl-list-sas';
import { STATUS_CLAIM, statusLine } from './strongswan-statusall';
import { CHARON_STARTUP_RULES, mayBeStarter, STARTER_LINE, starterLine, UPDOWN_LINE, UPDOWN_PROGRAM, updownLine } from './strongswan-starter';
import { afterSwanctlGroup, nmCharonLine, startsSwanctlResult, STROKE_LINE, SWANCTL_RESULT, swanctlResult } from './strongswan-output';
import { isDigit } from '../char-codes';

/**
 * strongSwan charon: `NN[GRP] message` (NN = worker thread, GRP = subsystem). Message texts from
 * strongSwan src/libcharon (ike_init.c, ike_auth.c, ike_cert_pre.c, message.c, vendor_id_payload.c).
 * The state kept per input: whether IKE_AUTH (or anything on UDP 4500) arrived after an
 * IKE_SA_INIT response, so the rules can tell "the PC's IKE_AUTH never came" (809).
 */

const EXCHANGES: Record<string, string> = {
  IKE_SA_INIT: 'IKEv2 IKE_SA_INIT',
  IKE_AUTH: 'IKEv2 IKE_AUTH',
  CREATE_CHILD_SA: 'IKEv2 CREATE_CHILD_SA',
  INFORMATIONAL: 'IKEv2 INFORMATIONAL',
  ID_PROT: 'IKEv1 Main Mode',
  AGGRESSIVE: 'IKEv1 Aggressive Mode',
  QUICK_MODE: 'IKEv1 Quick Mode',
  INFORMATIONAL_V1: 'IKEv1 Informational',
  TRANSACTION: 'IKEv1 Mode Config / XAUTH',
};

/**
 * The exchanges whose requests only the initiator sends and whose responses only the responder sends: IKEv2 IKE_SA_INIT and
 * IKE_AUTH (RFC 7296 §1.2), IKEv1 Main and Aggressive Mode (charon logs the responder's messages as responses: strongSwan
 * src/libcharon/sa/ikev1/task_manager_v1.c build_response sets `set_request(message, FALSE)`). INFORMATIONAL, CREATE_CHILD_SA,
 * Quick Mode and Mode Config may come from either side, so they say nothing about the role.
 */
const ROLE_EXCHANGES: ReadonlySet<string> = new Set(['IKE_SA_INIT', 'IKE_AUTH', 'ID_PROT', 'AGGRESSIVE']);

/**
 * `parsed IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) … ]` → exchange, direction, notifies decoded. The direction is worded by
 * this side's role: as responder (a server's log) the other side is the PC; as initiator (this side sent the request of a
 * ROLE_EXCHANGES exchange, or parsed its response) it is the peer that answers, the responder — `role: 'initiator'`. A message
 * of the other exchanges takes the role its IKE_SA's (or else its process's) last one showed (strongswan-role.ts; without ike_name or a pid
 * a line does not say which IKE_SA it belongs to — assumed close enough: an IKE_SA's later messages follow its first exchange).
 */

/**
 * Per IKE_SA — its `<name|id>`, else its charon's pid, else the log (strongswan-role.ts readRole's keys): an IKEv1 responder's
 * config lookups (`looking for … peer configs matching …`) until their `no peer config found`, first in first out, and its own
 * refusals (no peer config, Aggressive Mode PSK refused) until the AUTHENTICATION_FAILED it sends for each. Two PCs' IKE_SAs
 * interleave in a busy server's log: one IKE_SA's refusal must not take another's lookup or swallow another's AUTHENTICATION_FAILED.
 * A line that names no IKE_SA takes the latest pending refusal of any (its IKE_SA cannot be told). Bounded (MAX_PENDING_SAS keys,
 * MAX_PENDING_EACH each).
 */
type ConfigLookup = { method: string; other: string; id: string };
const MAX_PENDING_SAS = 256;
const MAX_PENDING_EACH = 8;
const saKey = (state: Record<string, unknown>): string => (state.roleKeys as readonly string[] | undefined)?.[0] ?? '';
const lookups = (state: Record<string, unknown>): Map<string, ConfigLookup[]> => (state.v1ConfigLookups ??= new Map<string, ConfigLookup[]>()) as Map<string, ConfigLookup[]>;
const refusals = (state: Record<string, unknown>): Map<string, number> => (state.ownAuthRefusals ??= new Map<string, number>()) as Map<string, number>;

function noteLookup(state: Record<string, unknown>, lookup: ConfigLookup): void {
  const map = lookups(state);
  const key = saKey(state);
  const list = map.get(key) ?? [];
  if (!map.has(key)) {
    if (map.size >= MAX_PENDING_SAS) map.delete(map.keys().next().value!);
    map.set(key, list);
  }
  if (list.length < MAX_PENDING_EACH) list.push(lookup);
}
function takeLookup(state: Record<string, unknown>): ConfigLookup | undefined {
  const map = lookups(state);
  const key = saKey(state);
  const list = map.get(key);
  const first = list?.shift();
  if (list && list.length === 0) map.delete(key);
  return first;
}
function noteRefusal(state: Record<string, unknown>): void {
  const map = refusals(state);
  const key = saKey(state);
  if (!map.has(key) && map.size >= MAX_PENDING_SAS) map.delete(map.keys().next().value!);
  map.set(key, Math.min(MAX_PENDING_EACH, (map.get(key) ?? 0) + 1));
}
/** whether this AUTHENTICATION_FAILED sent is a refusal's, taken once */
function takeRefusal(state: Record<string, unknown>): boolean {
  const map = refusals(state);
  let key: string | undefined = saKey(state);
  if (!map.has(key)) {
    if (key.startsWith('ike ')) return false;
    key = undefined;
    for (const k of map.keys()) key = k;
    if (key === undefined) return false;
  }
  const n = map.get(key)! - 1;
  if (n > 0) map.set(key, n);
  else map.delete(key);
  return true;
}

function summary(m: RegExpMatchArray, state: Record<string, unknown>): Hit {
  const dir = m[1] === 'parsed' ? 'in' : 'out';
  const exchange = m[2]!;
  const payloads = m[4] ?? '';
  const notifies = [...payloads.matchAll(/N\(([A-Z0-9_]+)\)/g)].map((n) => n[1]!);
  const named = notifies.map((n) => {
    const t = notifyByName(n);
    return t ? `${t.name} (${t.code})` : n;
  });
  // (the other side's first request, its SA payload offered, begins a new IKE_SA this side answers: strongswan-site.ts)
  if (ROLE_EXCHANGES.has(exchange)) setRole(state, (dir === 'out') === (m[3] === 'request'), dir === 'in' && m[3] === 'request' && exchange !== 'IKE_AUTH' && / SA /.test(` ${payloads} `));
  const values: Record<string, string> = { dir, exchange: EXCHANGES[exchange] ?? exchange, kind: m[3]!, notifies: named.join(', '), deletes: / D( |$)/.test(payloads) ? 'yes' : '' };
  if (state.initiator) values.role = 'initiator';
  const hit: Hit = { decoded: [d('ikeMessage', values)], outcome: 'info' };
  if (exchange === 'IKE_AUTH' && dir === 'in') state.authSeen = true;
  if (exchange === 'IKE_SA_INIT' && dir === 'out' && / KE /.test(` ${payloads} `)) state.initAnswered = true;
  for (const n of notifies) {
    if (n === 'NO_PROP') Object.assign(hit, { outcome: 'failure', cause: 'ike-no-proposal' });
    // (this side's AUTHENTICATION_FAILED right after its own reason — no peer config for the ID, Aggressive Mode PSK refused — is that
    // refusal sent, not a key that did not match: the reason's line carries the cause)
    else if (n === 'AUTH_FAILED' && dir === 'out' && takeRefusal(state)) continue;
    else if (n === 'AUTH_FAILED') Object.assign(hit, { outcome: 'failure', cause: 'ike-auth-failed' });
    else if (n === 'INVAL_KE') hit.decoded.push(d('invalidKe'));
    else if (n === 'INT_ADDR_FAIL' || n === 'FAIL_CP_REQ') Object.assign(hit, { outcome: 'failure', cause: 'address-pool' });
    // (TS_UNACCEPTABLE sent or received: a CHILD_SA refused over its networks, RFC 7296 §3.10.1 — whichever side refused)
    else if (n === 'TS_UNACCEPT') Object.assign(hit, { outcome: 'failure', cause: 'traffic-selector-mismatch' });
  }
  return hit;
}

/**
 * The other side's reason for building no CHILD_SA, by notify type (RFC 7296 §3.10.1): NO_PROPOSAL_CHOSEN — no ESP proposal in
 * common (a different check from the IKE proposal, which succeeded); TS_UNACCEPTABLE, INVALID_SELECTORS, SINGLE_PAIR_REQUIRED — the
 * networks to join do not match; INTERNAL_ADDRESS_FAILURE, FAILED_CP_REQUIRED — no virtual IP for this side (the summary() reading).
 */
function childSaRefused(name: string): Hit {
  const t = notifyByName(name);
  const hit: Hit = { decoded: [d('childSaRefused', { name: t ? `${t.name} (${t.code})` : name })], outcome: 'warning' };
  if (name === 'NO_PROPOSAL_CHOSEN') Object.assign(hit, { outcome: 'failure', cause: 'ike-no-proposal' });
  else if (name === 'TS_UNACCEPTABLE' || name === 'INVALID_SELECTORS' || name === 'SINGLE_PAIR_REQUIRED') {
    // (only the side that asked for the CHILD_SA gets these: the responder refused the networks this side asked for)
    hit.decoded[0] = d('childSaRefused', { name: t ? `${t.name} (${t.code})` : name, role: 'initiator' });
    hit.decoded.push(d('tsMismatch'));
    Object.assign(hit, { outcome: 'failure', cause: 'traffic-selector-mismatch' });
  }
  else if (name === 'INTERNAL_ADDRESS_FAILURE' || name === 'FAILED_CP_REQUIRED') {
    // only the side that asked for an address gets these (the initiator: RFC 7296 §2.19, §3.10.1): the other side refused this
    // side a virtual IP — worded so by findings.ts (serverLog.causeAsInitiator.address-pool) whatever the lines before showed
    hit.decoded[0] = d('childSaRefused', { name: t ? `${t.name} (${t.code})` : name, role: 'initiator' });
    Object.assign(hit, { outcome: 'failure', cause: 'address-pool' });
  }
  return hit;
}

const PACKET = /^(?:received|sending) packet: from (\S+)\[(\d+)\] to (\S+)\[(\d+)\](?: \((\d+) bytes\))?$/;

const RULES: Rule[] = [
  [/^(parsed|generating) ([A-Z_0-9]+) (request|response) \d+ \[ ?(.*?) ?\]$/, (m, _p, s) => summary(m, s)],
  context(
    PACKET,
    (m, _p, s) => {
      if (m[0].startsWith('received') && (m[2] === '4500' || m[4] === '4500')) s.authSeen = true;
      return step('ikePacket', { from: m[1]!, to: m[3]! });
    },
    // the same state write when only counted: a port 4500 shows as `[4500]`, so most lines need no match
    (message, s) => {
      if (!message.startsWith('received') || !message.includes('[4500]')) return;
      const m = message.match(PACKET)!;
      if (m[2] === '4500' || m[4] === '4500') s.authSeen = true;
    },
  ),
  context(/^(\S+) is initiating an? (Main Mode |Aggressive Mode )?IKE_SA$/, (m) => tagged(step('ikeInitiating', { peer: m[1]!, mode: m[2] ? m[2].trim() : 'IKEv2' }), { peer: m[1] })),
  // ike_init.c / ike_sa.c: this side starts the IKE_SA (swanctl --initiate, ipsec up, or a site-to-site peer that initiates)
  // (ike_sa.c initiate / ikev1 main_mode.c, aggressive_mode.c build_i: only the initiator logs it, so the line tells this side's role —
  // an IKEv1 initiator whose first message is answered by a refusal alone, `received AUTHENTICATION_FAILED error notify`, shows no
  // other line that tells it: pfsense/docs ipsec-troubleshooting.rst "Phase 1 Main / Aggressive Mismatch", Initiator)
  context(
    /^initiating (IKE_SA|Main Mode IKE_SA|Aggressive Mode IKE_SA) (\S+) to (\S+)$/,
    (m, _p, s) => {
      setRole(s, true);
      return tagged(step('ikeInitiatingTo', { name: m[2]!, peer: m[3]! }), { peer: m[3] });
    },
    (_message, s) => setRole(s, true),
  ),
  // ike_auth.c build_id: no local identity configured, the IP address is used instead
  context(/^no IDi configured, fall back on IP address$/, () => step('charonHousekeeping')),
  // task_manager_v1.c/v2.c: an exchange restarted (a reauthentication's Main Mode), each queued task named on its own line after it
  // (`reinitiating already active tasks`, `  ISAKMP_VENDOR task`, `  MAIN_MODE task`: strongswan #390)
  context(/^reinitiating already active tasks$|^\s*[A-Z][A-Z0-9_]+ task$/, () => step('charonHousekeeping')),
  // task_manager_v1.c / task_manager_v2.c (DBG2): a task queued, then the queued tasks started for the next exchange, each on its own
  // line — `queueing INFORMATIONAL task`, `activating new tasks`, `  activating INFORMATIONAL task` (pfsense/docs
  // ipsec-troubleshooting.rst, a responder's Quick Mode refusal); bookkeeping, the refusal is the line before
  context(/^(?:queueing [A-Z][A-Z0-9_]* task|activating new tasks|\s*activating [A-Z][A-Z0-9_]* task)$/, () => step('charonHousekeeping')),
  // ike_init.c process_i: the responder's INVALID_KE_PAYLOAD names the group it wants; only the initiator logs this and starts again
  context(
    /^peer didn't accept DH group (\S+), it requested (\S+)$/,
    (m, _p, s) => {
      setRole(s, true);
      return step('invalidKeRetry', { offered: m[1]!, wanted: m[2]! });
    },
    (_message, s) => setRole(s, true),
  ),
  // charon's start (src/charon*/charon*.c: "Starting IKE charon daemon (strongSwan %s, %s %s, %s)", the Android app's
  // libandroidbridge the same) and its plugin, thread and credential loading (daemon.c, processor.c, the stroke/vici/android credential sets)
  context(/^Starting IKE charon daemon \(strongSwan ([^,)]+)(?:,.*)?\)$/, (m) => step('charonStart', { version: m[1]! })),
  // the vici plugin loading a pool of virtual IPs (src/libcharon/plugins/vici/vici_attribute.c load_pool: "added vici pool %s: %H, %u entries"):
  // where the clients' addresses come from, and how many there are
  context(/^added vici pool (\S+): (\S+), (\d+) entries$/, (m) => step('charonPoolLoaded', { name: m[1]!, base: m[2]!, size: m[3]! })),
  context(/^loaded plugins: .*$|^spawning \d+ worker threads$|^loaded (?:user|CA|peer|end entity) certificate '[^']*'(?: and private key)?$/, () => step('charonHousekeeping')),
  ...CHARON_STARTUP_RULES,
  context(/^DH group (\S+) inacceptable, requesting (\S+)$/, (m) => ({ decoded: [d('dhInacceptable', { offered: m[1]!, wanted: m[2]! })], outcome: 'info' })),
  ...PROPOSAL_RULES,
  [/^peer requested EAP, config (?:inacceptable|unacceptable)$/, () => ({ decoded: [d('eapNotConfigured')], outcome: 'failure', cause: 'auth-protocol-mismatch' })],
  // strongSwan src/libcharon/sa/ikev1/tasks/main_mode.c process_i (aggressive_mode.c the same, assumed): the responder's ID in MR3 is not
  // the one configured for it (rightid) — `IDir '172.16.1.254' does not match to 'vpn.mydomain.com'` (hwdsl2/setup-ipsec-vpn #526: a
  // server behind NAT sends its private address); only the initiator checks it, so the cause is worded for that side
  // (the line tells this side's role for its neighbours too — `remote host is behind NAT` before it is the responder's NAT, not the
  // PC's: pfsense/docs ipsec-troubleshooting.rst "Mismatched Identifier with NAT", whose block also holds pfSense's own responder lines)
  [/^IDi?r '([^']*)' does not match to '([^']*)'$/, (m, _p, s) => {
    setRole(s, true);
    return { decoded: [d('peerIdMismatch', { got: m[1]!, want: m[2]!, role: 'initiator' })], outcome: 'failure', cause: 'ike-auth-failed' };
  }],
  // strongSwan src/libcharon/sa/ikev1/phase1.c select_config: `looking for %N peer configs matching %H...%H[%Y]` (the auth method by
  // authenticator.c's auth_method_names: `pre-shared key`, `RSA signature`, `XAuthInitPSK`, …; this side's address, the other side's,
  // the ID it sent) — called only from main_mode.c and aggressive_mode.c process_r, so the line tells this side is the responder;
  // `no peer config found` after it: no connection takes that ID with that method from that address, and the responder answers
  // AUTHENTICATION_FAILED although no key was compared (pfsense/docs ipsec-troubleshooting.rst "Phase 1 Identifier Mismatch")
  [/^looking for ([A-Za-z][\w-]*(?: [\w-]+)?) peer configs matching (\S+?)\.\.\.(\S+?)\[([^\]]*)\]$/, (m, _p, s) => {
    setRole(s, false);
    noteLookup(s, { method: m[1]!, other: m[3]!, id: m[4]! });
    return step('configLookup');
  }],
  [/^no peer config found$/, (_m, _p, s) => {
    const looked = takeLookup(s);
    noteRefusal(s);
    const decoded = looked ? d('noPeerConfigV1', looked) : d('noPeerConfig');
    return { decoded: [decoded], outcome: 'failure', cause: 'ike-no-connection', ...(looked ? { peer: looked.other } : {}) };
  }],
  // strongSwan src/libcharon/sa/ikev1/tasks/aggressive_mode.c process_r: the responder refuses IKEv1 Aggressive Mode with a pre-shared
  // key unless charon.i_dont_care_about_security_and_use_aggressive_mode_psk = yes (strongswan.conf; Aggressive Mode sends the PSK's
  // hash unencrypted) and answers AUTHENTICATION_FAILED: no key was compared. Windows' built-in client uses Main Mode only (assumed from
  // its IKEv1 policy: no Aggressive Mode setting exists); Android's "IPSec Xauth PSK", an iPhone's "Cisco IPsec" and routers set to
  // Aggressive Mode use it (pfsense/docs ipsec-troubleshooting.rst "Phase 1 Main / Aggressive Mismatch", Responder)
  [/^Aggressive Mode PSK disabled for security reasons$/, (_m, _p, s) => {
    setRole(s, false);
    noteRefusal(s);
    return { decoded: [d('aggressivePskRefused')], outcome: 'failure', cause: 'ike-no-connection' };
  }],
  ...CERTIFICATE_RULES,
  ...KERNEL_RULES,
  ...DHCP_RULES,
  [/^no alternative config found$/, () => ({ decoded: [d('noAlternativeConfig')], outcome: 'failure', cause: 'auth-protocol-mismatch' })],
  [/^no matching peer config found$/, () => ({ decoded: [d('noPeerConfig')], outcome: 'failure', cause: 'auth-protocol-mismatch' })],
  // src/libcharon/sa/ikev2/tasks/ike_init.c (ikev1/tasks/main_mode.c the same): `no IKE config found for %H...%H, sending %N` — no loaded
  // connection takes this pair of addresses (the server's, the PC's), so the first exchange is refused with NO_PROPOSAL_CHOSEN before any
  // proposal is compared (pfSense's IPsec log shows it for a client connecting to an address no phase 1 is bound to: docs.netgate.com
  // "Troubleshooting IPsec Logs")
  [/^no IKE config found for (\S+?)\.\.\.(\S+?), sending NO_PROPOSAL_CHOSEN$/, (m) => ({ decoded: [d('noIkeConfig', { me: m[1]!, other: m[2]! })], outcome: 'failure', cause: 'ike-no-connection', peer: m[2] })],
  [/^(?:authentication of '([^']*)' with (?:pre-shared key|RSA signature|ECDSA.*|EAP) failed|tried \d+ shared keys? for .* but MAC mismatched|verification of AUTH payload .* failed|no shared key found for .*|constraint check failed: .*)/, (m) => ({ decoded: [d('ikeAuthFailed', { id: m[1] ?? '' })], outcome: 'failure', cause: 'ike-auth-failed' })],
  // strongSwan src/libcharon/plugins/eap_mschapv2/eap_mschapv2.c: a wrong password (the PC may retry), the last retry, an unknown user
  [/^EAP-MS-CHAPv2 verification failed, retry \((\d+)\)$/, (m) => ({ decoded: [d('eapPasswordRetry', { n: m[1]! })], outcome: 'warning' })],
  [/^EAP-MS-CHAPv2 verification failed: maximum number of retries reached$/, () => ({ decoded: [d('eapRetriesExhausted')], outcome: 'failure', cause: 'credentials-rejected', code: 691 })],
  [/^no EAP key found for hosts? '([^']*)' - '([^']*)'$/, (m) => ({ decoded: [d('eapNoUser', { user: m[2]! })], outcome: 'failure', cause: 'credentials-rejected', code: 691, user: m[2] })],
  // XAUTH, IKEv1's user log-in after Main Mode (an iPhone's or Mac's "Cisco IPsec", Android's "IPSec Xauth PSK"; never Windows' own
  // client): src/libcharon/sa/ikev1/tasks/xauth.c process_i — this side is the XAUTH server — logs the backend's answer for any backend
  // (xauth-generic, xauth-pam, xauth-eap, xauth-noauth): "XAuth authentication of '%Y' failed" / "… successful". The failure alone says
  // xauth-rejected (libreswan-xauth.ts says why no Windows code); the backend's line next to it says why — xauth-generic's
  // process_server "no XAuth secret found for '%Y' - '%Y'" (no XAUTH secret for that user in ipsec.secrets: opnsense/core#4438, fixed by
  // adding one) and "none of %d found XAuth secrets for '%Y' - '%Y' matched" (a wrong password). process_r (this side the XAUTH client,
  // a strongSwan road warrior): "XAuth authentication of '%Y' (myself) failed" — the other side refused this side's log-in
  [/^XAuth authentication of '([^']*)' failed$/, (m) => ({ decoded: [d('xauthFailed'), d('step.plutoXauthUser', { user: m[1]! })], outcome: 'failure', cause: 'xauth-rejected', user: m[1] })],
  [/^XAuth authentication of '([^']*)' \(myself\) failed$/, (m) => step('charonXauthOwnRefused', { user: m[1]! }, 'failure')],
  context(/^XAuth authentication of '([^']*)'(?: \(myself\))? successful$/, (m) => step('plutoXauthOk', { user: m[1]! }, 'success')),
  context(/^no XAuth secret found for '([^']*)' - '([^']*)'$/, (m) => step('charonXauthNoSecret', { user: m[2]! }, 'failure')),
  context(/^none of \d+ found XAuth secrets for '([^']*)' - '([^']*)' matched$/, (m) => step('charonXauthWrongPassword', { user: m[2]! }, 'failure')),
  ...EAP_RULES,
  // eap_authenticator.c server_process_eap: "EAP method %N failed for peer %Y". EAP-TLS logs in with certificates, no password: its
  // failure is a certificate the other side did not accept (the PC's user or machine certificate, or the server's that Windows checks),
  // worded so and given the certificate cause (ike-auth-failed), not 691 (RFC 5216: the TLS handshake is the whole log-in)
  [/^EAP method EAP_TLS failed for peer (.+)$/, (m) => ({ decoded: [d('eapTlsFailed', { user: m[1]! })], outcome: 'failure', cause: 'ike-auth-failed', user: m[1] })],
  // (`fallback`: it also takes the EAP_TLS line the rule before reads — the rule cache must not answer an EAP_TLS line with it)
  fallback(/^EAP method (\S+) failed for peer (.+)$/, (m) => ({ decoded: [d('eapFailed', { method: m[1]!, user: m[2]! })], outcome: 'failure', cause: 'credentials-rejected', code: 691, user: m[2] })),
  // strongSwan src/libcharon/sa/ikev2/tasks/ike_config.c build_r: one "no virtual IP found for %H requested by '%Y'" per address the PC
  // asked for, then — only when none at all was found — "no virtual IP found, sending INTERNAL_ADDRESS_FAILURE". Windows asks for an
  // IPv4 and an IPv6 address (`CPRQ(ADDR … ADDR6 …)`); a server without an IPv6 pool refuses the IPv6 one on every connection, and the
  // PC connects with its IPv4 address alone — so an IPv6 request refused (`%any6`, or an IPv6 address asked for again) is no failure
  // by itself: the INTERNAL_ADDRESS_FAILURE line, or the IPv4 request's, says when the PC got no address at all
  context(/^no virtual IP found for (%any6|[0-9a-fA-F]*:[0-9a-fA-F:.]*) requested by '([^']*)'$/, (m) => step('noVirtualIpV6', { user: m[2]! }, 'warning')),
  // (`fallback`: it also takes the IPv6 line the rule before reads — the rule cache must not answer an IPv6 line with it)
  fallback(/^(?:no virtual IP found for \S+ requested by '([^']*)'|no virtual IP found, sending INTERNAL_ADDRESS_FAILURE|failed to allocate virtual IP.*|pool '[^']*' is full.*)/, (m) => ({ decoded: [d('noVirtualIp', { user: m[1] ?? '' })], outcome: 'failure', cause: 'address-pool' })),
  // child_create.c build_r: ike_config put INTERNAL_ADDRESS_FAILURE or FAILED_CP_REQUIRED in this side's IKE_AUTH response (no virtual
  // IP for the PC), so no CHILD_SA is built — the responder's line (it builds the response)
  [/^configuration payload negotiation failed, no CHILD_SA built$/, () => ({ decoded: [d('childSaNoVirtualIp')], outcome: 'failure', cause: 'address-pool' })],
  context(/^received (?:unknown vendor ID: ([0-9a-f:]+)|(.+?) vendor ID)$/, (m) => {
    const win = m[1] ? windowsVendorId(m[1]) : /MS NT5 ISAKMPOAKLEY|MS-Negotiation|Vid-Initial-Contact|IKE CGA/.test(m[2]!) ? m[2] : undefined;
    return win ? step('windowsVendorId', { name: win }) : step('vendorId', { name: m[2] ?? m[1]! });
  }),
  context(/^(local|remote) host is behind NAT(?:, sending keep alives)?$/, (m) => step(m[1] === 'local' ? 'serverBehindNat' : 'pcBehindNat')),
  // (ike_sa.c set_state: `IKE_SA %s[%d] established between %H[%Y]...%H[%Y]`; a write-up's copy may cut it after `established`)
  [/^IKE_SA (\S+) established(?: between (\S+)\.\.\.(\S+))?$/, (m) => tagged(step('ikeSaUp', { name: m[1]! }, 'success'), { session: m[1] })],
  [/^CHILD_SA (\S+) established with SPIs .*$/, (m) => tagged(step('childSaUp', { name: m[1]! }, 'success'), { session: m[1] })],
  context(/^IKE_SA (\S+) state change: (\w+) => (\w+)$/, (m) => step('ikeStateChange', { from: m[2]!, to: m[3]! })),
  // child_sa.c set_state (DBG2): a CHILD_SA's own states (child_sa_state_names), e.g. CREATED => ROUTED for a trap policy
  context(/^CHILD_SA (\S+) state change: (\w+) => (\w+)$/, (m) => step('childStateChange', { from: m[2]!, to: m[3]! })),
  // (`received issuer cert`, `using untrusted intermediate certificate`, `using trusted ca certificate`: the chain as charon builds it, jawj/IKEv2-setup #123)
  context(/^(?:received (?:end entity|issuer) cert|using (?:untrusted intermediate |trusted (?:intermediate |ca )?)?certificate|certificate) "([^"]*)".*$/, (m) => step('certificate', { subject: m[1]! })),
  context(/^(?:selected|switching to) peer config '([^']*)'$/, (m) => step('peerConfig', { name: m[1]! })),
  // (strongSwan 5.9 names the IKE version: ike_cfg lookup `looking for an IKEv2 config for 192.168.100.111...192.168.100.110`, strongswan #1238)
  context(/^(?:looking for (?:peer|an ike|an IKEv[12]|a child) configs? (?:matching|for) .*|proposing traffic selectors for (?:us|other):|selecting traffic selectors for (?:us|other):|[\da-fA-F:.]+\/\d+(?:\|\/\d+)?(?:\[[^\]]*\])?|\s*candidate:? .*|found matching (?:ike|peer) config: .*|found matching child config "[^"]*" with prio \d+|\s*dynamic)$/, () => step('configLookup')),
  context(/^sending cert request for "([^"]*)"$/, (m) => step('certRequest', { subject: m[1]! })),
  // ike_cert_pre.c process_certreq: the other side's CERTREQ (a strongSwan client's log, or a server's whose PC sends one)
  context(/^received cert request for "([^"]*)"$/, (m) => step('certRequestReceived', { subject: m[1]! })),
  // message.c fragment(): this side's IKE message split into IKEv2 fragments (RFC 7383) — a client's large IKE_AUTH
  context(/^splitting IKE message (?:with length of )?\(?(\d+) bytes\)? into (\d+) fragments$/, (m) => step('ikeFragmenting', { bytes: m[1]!, n: m[2]! })),
  // (IKEv1, src/libcharon/sa/ikev1/task_manager_v1.c: `sending retransmit 1 of request message ID 0, seq 3`)
  context(/^(?:(?:sending )?retransmit (\d+) of (?:request with message ID (\d+)|(?:request|response) message ID \d+, seq \d+)|giving up after (\d+) retransmits)$/, (m) => (m[3] ? { decoded: [d('ikeGaveUp', { n: m[3] })], outcome: 'warning' } : step('ikeRetransmit', { n: m[1]! }))),
  // strongSwan src/libcharon/sa/ike_sa.c retransmit(): the task manager gave up on a request (`giving up after N retransmits`) while
  // the IKE_SA was still being set up (IKE_CONNECTING): with keyingtries left this side starts it again, else it gives up. Which side
  // stopped answering is worded by role (strongswan-first-exchange.ts gives the cause when it was this side's first message)
  context(/^establishing IKE_SA failed, peer not responding$/, () => ({ decoded: [d('ikeEstablishNoAnswer')], outcome: 'failure' })),
  context(/^peer not responding, trying again \((\d+)\/(\d+)\)$/, (m) => (m[2] === '0' ? step('ikeRetryNoAnswerForever', { n: m[1]! }, 'warning') : step('ikeRetryNoAnswer', { n: m[1]!, of: m[2]! }, 'warning'))),
  // the same switch for an IKE_SA that was up: this side's DELETE went unanswered (IKE_DELETING: the IKE_SA is destroyed anyway), or
  // its rekeying (IKE_REKEYING: reestablish() sets it up again when the CHILD_SAs' dpd_action says restart). Either side may delete
  // or rekey, so "the other side" whatever the log's role; no cause (these are not why a connection fails to come up)
  context(/^proper IKE_SA delete failed, peer not responding$/, () => step('ikeDeleteNoAnswer', undefined, 'warning')),
  context(/^rekeying IKE_SA failed, peer not responding$/, () => step('ikeRekeyNoAnswer', undefined, 'warning')),
  context(/^detected rekeying of CHILD_SA (\S+)$/, (m) => step('rekey', { name: m[1]! })),
  // strongSwan ike_delete.c / child_delete.c / ike_sa_manager.c: `IKE_SA deleted`, `sending DELETE for IKE_SA x[1]`, a duplicate IKE_SA dropped
  // ike_delete.c / child_delete.c process: the other side's DELETE (`received DELETE for IKE_SA android[30]`, `… for ESP CHILD_SA with SPI …`)
  context(/^received DELETE for (IKE_SA|CHILD_SA|ESP CHILD_SA)(?: (?!with )(\S+))?.*$/, (m) => step('saDeletedByPeer', { what: m[1]!, name: m[2] ?? '' }, 'warning')),
  context(/^(?:deleting|closing|sending DELETE for) (?:IKE_SA|CHILD_SA|ESP CHILD_SA).*$|^(?:IKE_SA|CHILD_SA) (?:deleted|closed)$|^got a response on a duplicate IKE_SA for .*, deleting new IKE_SA$/, () => step('saDeleted', undefined, 'warning')),
  // strongSwan src/libcharon/sa/ikev2/tasks/child_create.c: after a CHILD_SA's failure (its reason, e.g. "no acceptable proposal found", is logged just before) the IKE SA is kept
  [/^failed to establish CHILD_SA, keeping IKE_SA$/, () => ({ decoded: [d('childSaFailed')], outcome: 'warning' })],
  // strongSwan src/libcharon/sa/ikev2/authenticators/pubkey_authenticator.c: the server's own key is missing, the PC gets AUTHENTICATION_FAILED
  [/^no private key found for '([^']*)'$/, (m) => ({ decoded: [d('noPrivateKey', { id: m[1]! })], outcome: 'failure', cause: 'certificate-missing' })],
  // strongSwan src/libcharon/sa/ikev2/tasks/ike_init.c / ike_auth.c: "received %N notify error" — the other side's error notify by name
  // (AUTHENTICATION_FAILED is the credentials rule's above: never this one's, so the rule cache cannot answer with it)
  [/^received (?!AUTHENTICATION_FAILED )([A-Z_0-9]+) notify error$/, (m) => {
    const t = notifyByName(m[1]!);
    const hit: Hit = { decoded: [d('ikeNotify', { name: t ? `${t.name} (${t.code})` : m[1]! })], outcome: 'warning' };
    if (m[1] === 'NO_PROPOSAL_CHOSEN') Object.assign(hit, { outcome: 'failure', cause: 'ike-no-proposal' });
    if (m[1] === 'INVALID_KE_PAYLOAD') hit.decoded.push(d('invalidKe'));
    return hit;
  }],
  // IKEv1 (src/libcharon/sa/ikev1/tasks/informational.c, assumed): "received %N error notify", a number in parentheses where strongSwan
  // has no name — `received (29) error notify` after `parsed INFORMATIONAL_V1 request 0 [ N((29)) ]` (opnsense/core #6269, an Aggressive
  // Mode initiate): 29 is UNSUPPORTED-EXCHANGE-TYPE (RFC 2408 §3.14.1), the other side does not take the exchange (Aggressive or Main Mode)
  [/^received (?:\((\d+)\)|([A-Z][A-Z_0-9]+)) error notify$/, (m) => {
    if (m[1] === '29') return { decoded: [d('ikeV1ExchangeRefused')], outcome: 'warning' };
    const t = m[2] ? notifyByName(m[2]) : undefined;
    const hit: Hit = { decoded: [d('ikeNotify', { name: t ? `${t.name} (${t.code})` : (m[2] ?? m[1]!) })], outcome: 'warning' };
    if (m[2] === 'NO_PROPOSAL_CHOSEN') Object.assign(hit, { outcome: 'failure', cause: 'ike-no-proposal' });
    return hit;
  }],
  // strongSwan src/libcharon/sa/ikev2/tasks/child_create.c process_i: "received %N notify, no CHILD_SA built" — the other side
  // answered the CHILD_SA (IPsec) part of its IKE_AUTH or CREATE_CHILD_SA with one of the CHILD_SA-only error notifies (RFC 7296
  // §3.10.1); the IKE SA stays up
  [/^received ([A-Z_0-9]+) notify, no CHILD_SA built$/, (m) => childSaRefused(m[1]!)],
  // child_create.c select_and_install: none of the other side's traffic selectors fit this side's (the answer is TS_UNACCEPTABLE);
  // older releases wrote "inacceptable", as in "received proposals inacceptable" (assumed for this message too)
  // IKEv1 (src/libcharon/sa/ikev1/tasks/quick_mode.c process_r): no CHILD_SA config takes the IDs (traffic selectors) of the other side's
  // Quick Mode — "no matching CHILD_SA config found" (5.x: "… found for %#R === %#R") — and the answer is INVALID_ID_INFORMATION; a Windows
  // L2TP/IPsec PC asks for its own address and the server's, UDP 1701 (RFC 3193 §4), so an L2TP connection not set up for that (its
  // leftprotoport/rightprotoport, or a NAT'ed client's address) refuses it. Only the responder of the Quick Mode logs it
  [/^no matching CHILD_SA config found(?: for (.+?) === (.+))?$/, (m) => ({ decoded: [m[1] ? d('tsUnacceptable', { ts: `${m[1]} === ${m[2]}` }) : d('quickModeNoChildConfig')], outcome: 'failure', cause: 'traffic-selector-mismatch' })],
  // child_cfg.c select_traffic_selectors (DBG2 CFG): each configured selector against each received one, "  config: %R, received: %R =>
  // match: %R" or "=> no match"; quick_mode.c: a NAT'ed peer's own private address in its IDs replaced by the address it comes from
  // ("changing received traffic selectors %R=== %R due to NAT", the PC's LAN address behind a home router)
  context(/^config: (.+?), received: (.+?) => (?:match: (.+)|no match)$/, (m) => step(m[3] ? 'tsCompareMatch' : 'tsCompareNoMatch', { config: m[1]!, received: m[2]! })),
  context(/^changing received traffic selectors (.+?) ?=== ?(.+?) due to NAT$/, (m) => step('tsChangedForNat', { ts: `${m[1]} === ${m[2]}` })),
  [/^traffic selectors (.+?) (?:unacceptable|inacceptable)$/, (m) => ({ decoded: [d('tsUnacceptable', { ts: m[1]! })], outcome: 'failure', cause: 'traffic-selector-mismatch' })],
  ...DECRYPT_RULES,
  context(/^message parsing failed$|^ignore malformed (?:\S+ )?(?:request|response)$/, () => step('ikeMessageUnreadable', undefined, 'warning')),
  // strongSwan src/libcharon/sa/ikev2/task_manager_v2.c process_message(): the PC sent a request again (it did not get the server's
  // response); the server sends its response again. For IKE_SA_INIT (ID 0) the server's answers do not reach the PC
  context(/^received retransmit of request with ID (\d+), retransmitting response$/, (m) => step('ikeRequestRepeated', { id: m[1]! }, 'warning')),
  // the same (task_manager_v1.c / v2.c) when this side has no response to that request: it refused or dropped it (an error notify sent
  // as its own exchange, as quick_mode.c's INVALID_ID_INFORMATION) — the other side waits for an answer that will not come
  context(/^received retransmit of request with ID (\d+), but no response to retransmit$/, (m) => step('ikeRequestRepeatedUnanswered', { id: m[1]! }, 'warning')),
  // strongSwan src/libcharon/processing/jobs/delete_ike_sa_job.c: an IKE_SA that never got established is dropped after its timeout
  context(/^deleting half open IKE_SA (?:with (\S+) )?after timeout$/, (m) => step('halfOpenTimeout', { peer: m[1] ? ` (${m[1]})` : '' }, 'warning')),
  // strongSwan src/libcharon/sa/ike_sa.c send_keepalive(): NAT-T keep-alives to the peer's UDP 4500 address
  context(/^sending keep ?alive to (\S+)$/, (m) => step('natKeepAlive', { to: m[1]! })),
  // strongSwan src/libcharon/encoding/message.c add_fragment(): IKEv2 fragments (RFC 7383) of the PC's large IKE_AUTH
  context(/^received fragment #(\d+) of (\d+), (?:waiting for complete IKE message|reassembling fragmented IKE message)$/, (m) => step('ikeFragment', { n: m[1]!, total: m[2]! })),
  // strongSwan src/libcharon/sa/ikev2/tasks/ike_config.c / attributes/mem_pool.c: the PC's virtual IP (the address the tunnel gives Windows)
  context(/^assigning virtual IP (\S+) to peer '([^']*)'$/, (m) => tagged(step('virtualIpAssigned', { ip: m[1]!, user: m[2]! }, 'success'), { user: m[2] })),
  context(/^peer requested virtual IP (\S+)$|^assigning new lease to '[^']*'$|^reassigning (?:offline|online) lease to '[^']*'$|^lease \S+ by '[^']*' went offline$/, () => step('charonHousekeeping')),
  // src/libcharon/kernel/kernel_handler.c acquire(): traffic matched a trap policy (auto=route / start_action=trap), so this side starts
  // an IKE_SA for it (strongswan/strongswan #1384); it says nothing of the IKE_SAs logged before it, so no role is set
  context(/^creating acquire job for policy (.+?) with reqid \{(\d+)\}$/, (m) => step('charonAcquire', { policy: m[1]! })),
  // strongSwan src/libcharon/sa/ike_sa.c add_virtual_ip(local): this side installs the virtual IP the other side gave it — only the
  // side that asked for one does (the initiator: RFC 7296 §2.19, CFG_REQUEST in IKE_AUTH), so the line tells the role
  context(
    /^installing new virtual IP (\S+)$/,
    (m, _p, s) => {
      setRole(s, true);
      return step('ownVirtualIp', { ip: m[1]! });
    },
    (_message, s) => setRole(s, true),
  ),
  // ike_sa.c reestablish(): this side sets up a CHILD_SA again after its IKE_SA went (closeaction/dpdaction restart, the Android app)
  context(/^restarting CHILD_SA (\S+)$/, (m) => step('childSaRestart', { name: m[1]! })),
  // the strongSwan Android app (src/frontends/android/app/src/main/jni/libandroidbridge/backend/android_service.c): its VPN (TUN) device
  context(/^(?:setting up TUN device(?: for .*| without DNS)?|successfully created TUN device(?: without DNS)?)$/, () => step('androidTun')),
  context(/^(?:processing|building) (\S+) attribute$/, (m) => step('cpAttribute', { name: m[1]! })),
  context(/^\s*(?:using \S+ for (?:encryption|integrity)|SPI 0x[0-9a-f]+, src \S+ dst \S+)$|^adding (?:inbound|outbound) ESP SA$/, () => step('espSetup')),
  // src/libcharon/sa/ike_sa_manager.c (DBG2, DBG_MGR): taking an IKE_SA from its table and putting it back — "checkin and destroy
  // IKE_SA %s[%u]" / "… of IKE_SA successful" (the SA is dropped, e.g. after a refusal), "ignored check-in and destroy of IKE_SA during
  // shutdown", "created IKE_SA %s[%u]", "checkout IKEv2 SA by message with SPIs %.16llx_i %.16llx_r": bookkeeping, no step of the peer
  context(/^(?:waiting for data on sockets|(?:ignored )?check-?in(?: and destroy)?(?: of)? IKE_SA.*|checkout (?:IKE_SA|IKEv[12] SA by message with SPIs) .*|checkout IKE_SA|created IKE_SA \S+|IKE_SA .* checked out.*|unknown attribute type \(\d+\))$/, () => step('charonHousekeeping')),
  // charon's encoder at log level 2–3 for ENC (src/libcharon/encoding/parser.c, generator.c, message.c: "parsing %N payload, %d bytes
  // left", "  parsing rule %d %N", "parsing %N payload finished", "starting parsing a %N payload", "verifying payload of type %N", "%N
  // payload verified, adding to payload list", "generating payload of type %N", "  generating rule %d %N", "generating %N payload
  // finished", "attribute value has not fixed size"; an encoding type without a name prints as "(1262)"): each field of each payload
  // it reads or builds — a debug trace, no step of the negotiation (the real lines: quericy/one-key-ikev2-vpn #124, a Windows 10 PC's
  // 13806). `%N payload verification failed` is DBG1 and another matter: not this rule's.
  context(/^\s*(?:parsing|generating) rule \d+ (?:[A-Z][A-Z0-9_]*|\(\d+\))$|^(?:parsing|generating) [A-Z][A-Z0-9_]* payload finished$|^parsing [A-Z][A-Z0-9_]* payload, \d+ bytes left$|^(?:generating|verifying) payload of type [A-Z][A-Z0-9_]*$|^starting parsing a [A-Z][A-Z0-9_]* payload$|^[A-Z][A-Z0-9_]* payload verified, adding to payload list$|^attribute value has not fixed size$/, () => step('charonEncoderTrace')),
  // ike_sa.c / ike_auth.c timers ("scheduling rekeying in %ds", "scheduling reauthentication in %ds", "maximum IKE_SA lifetime %ds")
  context(/^(?:scheduling (?:rekeying|reauthentication) in \d+s|maximum IKE_SA lifetime \d+s)$/, () => step('charonHousekeeping')),
  // psk_authenticator.c / pubkey_authenticator.c build: this side's own AUTH payload ("authentication of '%Y' (myself) with %N")
  context(/^authentication of '([^']*)' \(myself\) with ([^']+)$/, (m) => step('ikeOwnAuth', { id: m[1]!, method: m[2]! })),
  // child_create.c build_i: this side starts the CHILD_SA (its IKE_AUTH or CREATE_CHILD_SA request carries it) — the initiator of that exchange
  context(/^establishing CHILD_SA (\S+)(?: reqid \d+)?$/, (m) => step('childSaEstablishing', { name: m[1]! })),
  // src/libcharon/sa/ikev2/tasks/ike_mobike.c process_i/process_r: the other side's MOBIKE_SUPPORTED notify (RFC 4555: the IKE_SA may
  // move to another address of it) — only an announcement, no step of authentication; `…, but disabled in config` when this side's
  // connection has mobike=no (the responder then does not use it)
  context(/^peer supports MOBIKE(, but disabled in config)?$/, (m) => step(m[1] ? 'peerMobikeDisabled' : 'peerMobike')),
  // charon's `%B` (src/libstrongswan/utils/chunk.c chunk_printf_hook) at log level 3–4: "=> %u bytes @ %p", after a label ("EAP_TLS
  // payload => 6 bytes @ 0x…": tls_eap.c "%N payload %B"), then the bytes as rows "%4d: " + up to 16 hex pairs + their ASCII — a dump
  // of what was sent or received, no step of the negotiation (blanks or tabs between the columns: a paste collapses or converts them)
  context(/^(?:[A-Za-z][\w ]{0,40} )?=> \d+ bytes @ (?:0x)?[0-9a-fA-F]+$|^\d{1,6}:[ \t]+[0-9A-F]{2}(?:[ \t]+[0-9A-F]{2}){0,15}(?:[ \t]+.*)?$/, () => step('charonHexDump')),
  // (`… (myself) with …` is ikeOwnAuth's above: not this rule's, so the rule cache cannot answer with it)
  context(/^authentication of '([^']*)' \(myself\) (?!with ).* successful$|^authentication of '([^']*)' with .* successful$/, (m) => step('ikeProgress', { id: m[1] ?? m[2] ?? '' }, 'success')),
];

/** The rules on a message after charon's head (`rest`: from where the text starts), with the role its IKE_SA's lines told. */
function readWithRules(pre: Prefixed, state: Record<string, unknown>, rest: string, message: string, countOnly?: boolean): Hit | null {
  const head = pre.message.length - rest.length;
  readRole(state, pre, head);
  const at = messageAt(pre, head, message);
  return applyRules(RULES, message, pre, state, countOnly, at < 0 ? undefined : pre.src, at);
}

// claims' patterns as module constants: a regex literal in a function is a new RegExp object per call, and claims runs for every record no program tag names
const PROGRAMS = /^(charon|charon-systemd|charon-cmd|ipsec_starter)$/;
/** PROGRAMS' test after its names' first letters, c and i (claims: most program tags that reach it are other daemons', `kernel`, `systemd` …) */
const isCharonProgram = (name: string): boolean => {
  const c = name.charCodeAt(0);
  return (c === 99 || c === 105) && PROGRAMS.test(name);
};
const THREAD_HEAD = /^\d\d\[[A-Z]{3}\d?\] /;
/** charon-systemd writes to the journal without the `NN[GRP] ` head (the thread and group are journal fields): the whole message is the text */
const JOURNAL_PROGRAMS = /^charon-systemd$/;

/** A `swanctl --list-sas` line (swanctl-list-sas.ts), or null; a clean line only, in the shapes its claim takes. */
function listSasLine(pre: Prefixed, state: Record<string, unknown>, countOnly?: boolean): Hit | null {
  if (pre.shape !== 'none' || hasLineBreak(pre.message) || !isListSasLine(pre.message)) return null;
  return applyRules(LIST_SAS_RULES, pre.message.trimEnd(), pre, state, countOnly);
}

export const strongswanFamily: FamilyParser = {
  family: 'strongswan',
  claims(pre: Prefixed): boolean {
    if (pre.program && isCharonProgram(pre.program)) return true;
    if (pre.shape === 'none' && pre.message.charCodeAt(0) === 91 && afterSwanctlGroup(pre.message, false) !== undefined) return true;
    if (pre.shape === 'none' && startsSwanctlResult(pre.message) && SWANCTL_RESULT.test(pre.message.trim())) return true;
    if (pre.shape === 'none' && isListSasLine(pre.message)) return true;
    if (pre.shape === 'none' && !pre.program && STROKE_LINE.test(pre.message)) return true;
    if (mayBeStarter(pre) && STARTER_LINE.test(pre.message)) return true;
    if (nmCharonLine(pre)) return true;
    if (pre.program === UPDOWN_PROGRAM && UPDOWN_LINE.test(pre.message.trim())) return true;
    return (isDigit(pre.message.charCodeAt(0)) && THREAD_HEAD.test(pre.message)) || STATUS_CLAIM.test(pre.message) || relayed(pre, PROGRAMS) !== undefined;
  },
  countsTracked: true,
  parse(pre, state, countOnly) {
    // a relay's header before the router's `host: charon: …` (families/relayed.ts)
    if (pre.program && !PROGRAMS.test(pre.program)) pre = relayed(pre, PROGRAMS) ?? pre;
    // a message read in place is one clean line (Prefixed.src)
    let rest = afterThread(pre.message, pre.src !== undefined);
    if (rest === undefined) {
      if (pre.program && JOURNAL_PROGRAMS.test(pre.program) && (pre.src !== undefined || !hasLineBreak(pre.message))) rest = pre.message;
      else if (pre.shape === 'none' && !pre.program && !hasLineBreak(pre.message) && STROKE_LINE.test(pre.message)) rest = pre.message;
      else if (!hasLineBreak(pre.message) && nmCharonLine(pre)) rest = pre.message;
      else if (pre.program === UPDOWN_PROGRAM) return hasLineBreak(pre.message) ? null : updownLine(pre.message);
      else if (startsSwanctlResult(pre.message)) return swanctlResult(pre.message);
      else return starterLine(pre, state, countOnly) ?? listSasLine(pre, state, countOnly) ?? statusLine(pre, state, countOnly);
    }
    let message = trimmed(rest);
    let hit = readWithRules(pre, state, rest, message, countOnly);
    if (!hit && afterThreadTookIdlessName()) {
      rest = afterThread(pre.message, pre.src !== undefined, false)!;
      hit = readWithRules(pre, state, rest, (message = trimmed(rest)), countOnly);
    }
    if (!hit || isCounted(hit)) return hit;
    if (state.initiator === undefined) awaitRole(state, hit);
    mirrorOf(state, message, pre);
    // a responder's other side is the PC, or another router (strongswan-site.ts)
    return state.initiator ? asInitiator(hit) : asSiteResponder(state, hit, readSite(state, message));
  },
  track(seen, state) {
    if (!mayTrack(seen.text)) return;
    if (state.initAnswered && !state.initEntry && /generating IKE_SA_INIT response/.test(seen.text)) state.initEntry = seen.entry();
    // the PC repeating its IKE_SA_INIT (request ID 0) after the server answered: the answer, not the PC's IKE_AUTH, is what got lost
    if (state.initEntry && !state.initRepeated && seen.text.includes('received retransmit of request with ID 0,')) state.initRepeated = true;
    // (track follows parse for the same record: afterThread's last reading is this line's)
    return trackFirstExchange(seen, state, afterThreadIkeName());
  },
  finish(state) {
    const out = finishFirstExchange(state);
    // An IKE_SA_INIT answered with SA+KE and then nothing on UDP 4500 and no IKE_AUTH: the PC's
    // (large, often fragmented) IKE_AUTH never reached the server — Windows reports 809. When the
    // PC kept repeating its IKE_SA_INIT instead, the server's answers did not reach the PC: UDP 500/4500
    // is blocked or mis-translated on the way back (ike-init-unanswered).
    const e = state.initEntry as ServerLogEntry | undefined;
    if (!e || state.authSeen) return out;
    e.cause = state.initRepeated ? 'ike-init-unanswered' : 'ike-auth-never-came';
    e.outcome = 'failure';
    e.decoded.push(d(state.initRepeated ? 'ikeInitAnswerLost' : 'ikeAuthNeverCame'));
    out.push(e);
    return out;
  },
};
