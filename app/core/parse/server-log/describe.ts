import type { TFunction } from 'i18next';
import { IKEV1_STATES } from './codes/ike';
import { IOS_IKE_SA_STATES } from './codes/isakmp-payloads';
import { NPS_REASONS } from './codes/nps';
import { mppeBits } from './codes/ppp';
import { packetWords } from './packet-words';
import { REJECT_STATEMENTS, rejectTextSuffix } from './ppp-reject-side';
import { WIN32_ERRORS } from './codes/windows-errors';
import type { Decoded, LogTime, ServerLogEntry } from './types';

/**
 * Decoded statements → sentences in the reader's language (engine i18n, `serverLog.*`). The
 * parsers keep numbers (MPPE bits, codes, directions); the words are chosen here.
 */

/**
 * Words that take no values are the same for every entry of a report in one language: looked up
 * once per translation function (an i18next call costs microseconds, a report describes hundreds of
 * entries). The engine's t functions are fixed per language (i18n/index.ts), so the cache is exact.
 */
const WORDS = new WeakMap<TFunction, Map<string, string>>();
function word(t: TFunction, key: string): string {
  let words = WORDS.get(t);
  if (!words) WORDS.set(t, (words = new Map()));
  let s = words.get(key);
  if (s === undefined) words.set(key, (s = t(key)));
  return s;
}

/** The key lengths of RFC 3078 Supported Bits in the reader's words, shortest first. */
function keyLengthWords(b: ReturnType<typeof mppeBits>, t: TFunction): string[] {
  return [b.bits40 && word(t, 'serverLog.mppe.bits40'), b.bits56 && word(t, 'serverLog.mppe.bits56'), b.bits128 && word(t, 'serverLog.mppe.bits128')].filter(Boolean) as string[];
}

/** "MPPE 40-bit, stateless" from the RFC 3078 Supported Bits. */
export function mppeText(value: number, t: TFunction): string {
  const b = mppeBits(value);
  const sizes = keyLengthWords(b, t);
  const parts: string[] = [];
  const prefix = word(t, 'serverLog.mppe.prefix');
  parts.push(sizes.length ? `${prefix} ${sizes.join(word(t, 'serverLog.mppe.or'))}` : `${prefix} (${word(t, 'serverLog.mppe.none')})`);
  parts.push(b.stateless ? word(t, 'serverLog.mppe.stateless') : word(t, 'serverLog.mppe.stateful'));
  if (b.mppc) parts.push(word(t, 'serverLog.mppe.mppc'));
  return parts.join(', ');
}

/** "128-bit or 40-bit": the key lengths of RFC 3078 Supported Bits, longest first, in the reader's language (an MPPE offer's, without its other bits). */
export function keyLengthsText(value: number, t: TFunction): string {
  const sizes = keyLengthWords(mppeBits(value), t).reverse();
  return sizes.length ? sizes.join(word(t, 'serverLog.mppe.or')) : word(t, 'serverLog.mppe.noKeyLength');
}

/**
 * The {{variables}} a text uses, per translation function and key, read once without
 * interpolation: only those of the derived values below are passed, because i18next's cost grows
 * with every option given (16 µs a call with all of them, 6 µs with a few).
 */
const VARIABLES = new WeakMap<TFunction, Map<string, ReadonlySet<string>>>();
function variablesOf(t: TFunction, key: string): ReadonlySet<string> {
  let byKey = VARIABLES.get(t);
  if (!byKey) VARIABLES.set(t, (byKey = new Map()));
  let used = byKey.get(key);
  if (!used) byKey.set(key, (used = new Set([...String(t(key, { skipInterpolation: true })).matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]!))));
  return used;
}

/**
 * "STATE_MAIN_R2 (responder sent MR2 (key exchange); waits for MI3)": a Libreswan IKEv1 state's
 * name (kept as the log spells it: it is what the administrator greps for) and what it means, in
 * the reader's language; a state the table does not know is its name alone.
 */
export function ikeStateText(name: unknown, t: TFunction): string {
  const state = String(name);
  const known = Object.hasOwn(IKEV1_STATES, state) ? IKEV1_STATES[state] : undefined;
  if (!known) return state;
  const waits = known.expects ? `; ${t('serverLog.ikeState.waitsFor', { expects: known.expects })}` : '';
  return `${state} (${word(t, `serverLog.ikeState.${state}`)}${waits})`;
}

/**
 * ": the user name or password was wrong (NPS reason 16, IAS_AUTH_FAILURE)": what an NPS reason code means in the
 * reader's words, then the number and Windows' identifier (what the administrator searches for); a code the table does not
 * know is its number alone (": NPS reason 23").
 */
export function npsReasonText(reason: number, t: TFunction): string {
  const known = Object.hasOwn(NPS_REASONS, reason) ? NPS_REASONS[reason] : undefined;
  if (!known) return `: ${t('serverLog.npsReasonCode', { code: reason })}`;
  const id = t('serverLog.npsReasonCode', { code: reason }) + (known.ias ? `, ${known.ias}` : '');
  return `: ${word(t, `serverLog.npsReason.${reason}`)} (${id})`;
}

/**
 * ": the dependency service or group failed to start (Windows error 1068)": a Windows error a service's start or end names, in the
 * reader's words where the table has them (serverLog.winError.N, WIN32_ERRORS), else its number alone; a service's own error (7024,
 * with its hex) is named as such — RRAS and RasMan give a Windows error as theirs (KB Q168683's 1114, KB 840686's 87), so the same words.
 */
function winErrorText(error: unknown, hex: unknown, t: TFunction): string {
  if (error === undefined || error === '') return '';
  const code = Number(error);
  const id = hex !== undefined ? t('serverLog.serviceErrorCode', { code, hex }) : t('serverLog.winErrorCode', { code });
  return Object.hasOwn(WIN32_ERRORS, code) ? `: ${word(t, `serverLog.winError.${code}`)} (${id})` : ` (${id})`;
}

const opt = (s: unknown, pre: string, post = '') => (s !== undefined && s !== '' ? `${pre}${String(s)}${post}` : '');

/** RouterOS's session words (mikrotik.ts: `<pptp-u>: authenticated`, `u logged in`) by their word keys under serverLog.mtWhat */
const MT_WHAT: Readonly<Record<string, string>> = { authenticated: 'authenticated', connected: 'connected', disconnected: 'disconnected', 'waiting for call...': 'waiting', 'terminating...': 'terminating', in: 'in', out: 'out' };

/** A RouterOS session word in the reader's language, a reason after ` - ` kept as the router wrote it */
function mtWhatText(t: TFunction, what: string): string {
  const dash = what.indexOf(' - ');
  const head = dash < 0 ? what : what.slice(0, dash);
  const id = MT_WHAT[head];
  // (the texts that say it end in a full stop of their own: RouterOS's ellipsis, `terminating...`, is no part of the words, and a reason's
  // own closing dots are left off — `PPP session: terminating....` read as a typo)
  return id ? word(t, `serverLog.mtWhat.${id}`) + (dash < 0 ? '' : what.slice(dash).replace(/\.+$/, '')) : what.replace(/\.+$/, '');
}

/** The IKE statements that name the PC as the other side: worded otherwise both in an initiator's log and in a site-to-site router's. */
const IKE_PC_NAMED = [
  'pcProposed',
  'ikeNoProposal',
  'invalidKe',
  'ikeDecryptFailed',
  'ikePeerGone',
  'step.ikeProposalsReceived',
  'step.ikeProposalsConfigured',
  'step.serverBehindNat',
  'step.pcBehindNat',
  'step.ikeRequestRepeated',
  'step.ikeMessageUnreadable',
  'step.certRequest',
  'step.certRequestReceived',
];

/**
 * The statements that name the PC or the server as the two sides, worded otherwise in a log from the side that initiated (its
 * values carry `role: 'initiator'`, strongswan.ts; libreswan.ts gaveUp() for an established _I state's ikePeerGone; pppd.ts
 * for a PPP client's log, the side that dialled): there the
 * other side is the peer that answers (the responder), and "the server" is this side. Each has a text `<key>AsInitiator` next to
 * its own.
 */
export const INITIATOR_WORDED: ReadonlySet<string> = new Set([
  ...IKE_PC_NAMED,
  'ikeEstablishNoAnswer',
  'step.peerId',
  'noTrustedKey',
  // PPP "the other side went away" (pppd.ts on a client's log, pppClient): the server stopped answering, not the PC; mikrotik.ts may
  // pass the role for a RouterOS dial-out interface's `peer is not responding`
  'echoTimeout',
  'lcpTimeout',
  'lcpTimeoutL2tp',
  'lcpTimeoutPppoe',
  'step.linkDisconnected',
  'mtPeerNotResponding',
  // pppd ipcp.c: "local/remote IP address" — on a client the local one is its own, the remote one the server's
  'step.localIp',
  'step.remoteIp',
  // pppd fsm.c fsm_rtermreq: "LCP terminated by peer" — on a client's log the server closed the link
  'lcpTerminatedByPeer',
  'lcpTerminatedByPeerBinary',
  // pppd lcp.c: the other side closed the link because it requires MPPE (ccp.c's "MPPE required but not available")
  'peerNeedsMppe',
  // the other pppd lines that name the other side as the PC (pppd.ts, pppd-packet.ts with byRole): its Protocol-Rejects, frames,
  // refusals and NCP ends, its LCP Ident; on a client's log the server's
  'protRejReceived',
  'protRejCcp',
  'unsupportedProtocol',
  'unsupportedCcp',
  'ncpTerminated',
  'peerRefusedOurIp',
  'peerRefusedAuth',
  'mppePeerRefused',
  // (a Configure-Reject's statements are worded by the side their family knows, server, dialling side or site: ppp-reject-side.ts)
  'noRemoteIp',
  'step.noProxyArp',
  // pppd sys-linux.c: the default route kept — on a client's log the link to the server is not where its traffic goes
  'step.defaultRouteKept',
  // pppd auth.c: "peer from calling number … authorized" — the other side let on without logging in; on a client's log the server
  'step.peerAuthorized',
  'windowsRasIdent',
  // xl2tpd's lines about the other end of the tunnel (xl2tpd.ts with byRole): on an L2TP client's (a LAC's) log the server
  'step.l2tpPeerRepeat',
  'step.l2tpPeerHost',
  'step.l2tpPeerVendor',
  'step.l2tpPeerWindows',
  // mpd's lines about the other side (families/mpd.ts): on a client's log (a pfSense/OPNsense WAN, a LAC) the server
  'step.mpdCcpRejectedL2tp',
  'step.mpdUnexpectedProtocol',
]);

/**
 * The statements that name the PC as the other side, worded otherwise in a log from a router in a tunnel with another router (a
 * site-to-site tunnel: values `role: 'site'`, families/strongswan-site.ts, ios-crypto.ts, asa-ikev2.ts, asa-l2l.ts): there the other
 * side is "the other router" and this side "this router". Each has a text `<key>AsSite` next to its own; an IKE message's direction is serverLog.dirAsSite.
 */
export const SITE_WORDED: ReadonlySet<string> = new Set([
  ...IKE_PC_NAMED,
  'step.halfOpenTimeout',
  // the pre-shared key, a crypto map, the way of proving who it is: between two routers, both routers' settings (families/asa-l2l.ts)
  'pskMismatch',
  'asaNoCryptoMap',
  'asaNoCryptoMapBound',
  'asaIkeAuthModeDiffers',
  // a DrayTek's refusal of the other side's phase 2 (families/draytek-site.ts)
  'dtPhase2Refused',
  // a SonicWall's site-to-site policy: the other gateway's identity, its silence (families/sonicwall-site.ts)
  'swIkeIdMismatch',
  'swNoResponse',
  'swAborted',
  // the other side's first exchange repeated or unanswered (kit.ts unansweredFirstExchange)
  'ikeInitAnswerLost',
  'ikeInitNoReply',
  // the Windows IPsec policy that sends one of the server's IKE proposals (families/windows-ike-settings.ts): no Windows PC between routers
  'windowsIkeSetting',
  'windowsIkeNone',
]);

/** What an empty value is passed as (a character no text or log value holds), and the blanks before it when a colon follows. */
const EMPTY_VALUE = '\u0001';
const EMPTY_BEFORE_COLON = /(?:\s*\u0001)+(?=:)/g;

export function describeDecoded(dd: Decoded, t: TFunction): string {
  const v: Record<string, string | number> = { ...(dd.values ?? {}) };
  let key = dd.key;
  // (a Configure-Reject's statement names the server and the PC, or the two routers, by the side its family knows: ppp-reject-side.ts)
  if (REJECT_STATEMENTS.has(key)) key += rejectTextSuffix(v.role);
  else if (v.role === 'initiator' && INITIATOR_WORDED.has(key)) key += 'AsInitiator';
  else if (v.role === 'site' && SITE_WORDED.has(key)) key += 'AsSite';
  if (key === 'protRej' && v.proto === 'CCP' && v.mppe !== undefined) key = v.dir === 'in' ? 'protRejCcpIn' : 'protRejCcpOut';
  // a state the table knows says in its own words that the SA is established ("responder sent MR3: ISAKMP SA established"): not twice
  if (key === 'step.ikeV1Established' && Object.hasOwn(IKEV1_STATES, String(v.state))) key = 'step.ikeV1EstablishedKnown';
  const mppe = v.mppe !== undefined ? mppeText(Number(v.mppe), t) : '';
  const extra: Record<string, string> = {
    // a message of an IKE_SA this side initiated goes to (comes from) the peer that answers, not the PC (strongswan.ts summary)
    // …and on a PPP link where the router itself is the client (ios-link-side.ts), the server it logs in to
    // …and a PPP (or PPTP/SSTP) packet on the log of the side that dialled: plainly the server (dirAsDialler); an IKE message keeps
    // "the responder" (an initiator's peer may be a router as well as a server)
    dirText: v.dir ? word(t, `serverLog.${v.role === 'initiator' || v.role === 'pc' ? (dd.key === 'ikeMessage' ? 'dirAsInitiator' : 'dirAsDialler') : v.role === 'client' ? 'dirAsClient' : v.role === 'site' ? 'dirAsSite' : 'dir'}.${v.dir}`) : '',
    // an IKEv2 message's kind as strongSwan logs it (request|response: its rule takes no other)
    kindText: v.kind === 'request' || v.kind === 'response' ? word(t, `serverLog.ikeKind.${v.kind}`) : String(v.kind ?? ''),
    mppeText: mppe,
    mppeSuffix: v.mppe !== undefined ? `: ${mppe}` : '',
    optionsText: opt(v.options, ': '),
    notifiesText: opt(v.notifies, ', '),
    deletesText: v.deletes ? ', DELETE' : '',
    nameText: opt(v.name, ' "', '"'),
    msgText: opt(v.msg, ': "', '"'),
    authText: opt(v.auth, `, ${word(t, 'serverLog.authWord')} `),
    serverText: opt(v.server, ' (', ')'),
    whatText: typeof v.what === 'string' && (key === 'step.mtSession' || key === 'step.mtAccount') ? mtWhatText(t, v.what) : String(v.what ?? ''),
  };
  if (key === 'packet' && v.fsm) extra.optionsText += ` [${v.fsm}]`;
  const fullKey = `${key.startsWith('step.') ? 'serverLog.' : 'serverLog.decode.'}${key}`;
  const used = variablesOf(t, fullKey);
  const options: Record<string, string | number> = { ...v };
  for (const name in extra) if (used.has(name)) options[name] = extra[name]!;
  // IKEv1 states in words (only the texts that show them ask: a state's words are a lookup each)
  if (used.has('stateText')) options.stateText = ikeStateText(v.state, t);
  // a PPP packet in plain words before its protocol and code (packet-words.ts)
  if (used.has('plainText')) {
    const plain = packetWords(String(v.proto ?? ''), String(v.code ?? ''), t);
    options.plainText = plain && `${plain}${word(t, 'serverLog.packetWords.separator')}`;
  }
  // two MPPE offers' key lengths (mppeStrengthMismatch keeps their Supported Bits)
  if (used.has('oursText')) options.oursText = keyLengthsText(Number(v.ours), t);
  if (used.has('theirsText')) options.theirsText = keyLengthsText(Number(v.theirs), t);
  // an NPS reason code in words (nps-log.ts npsReasonValue: a number, or '' for none)
  if (used.has('reasonText')) options.reasonText = /^\d+$/.test(String(v.reason ?? '')) ? npsReasonText(Number(v.reason), t) : '';
  // the MS-CHAP error NPS sent back (its MS-CHAP-Error "E=691"): the Windows error the PC shows
  if (used.has('chapText')) options.chapText = /^\d+$/.test(String(v.chap ?? '')) ? `; ${t('serverLog.msChapError', { code: v.chap })}` : '';
  // a Cisco IOS IKE SA state in words (`MM_SA_SETUP (the proposals are agreed …)`), its name alone when the table has none
  if (used.has('iosStateText')) options.iosStateText = IOS_IKE_SA_STATES.has(String(v.state)) ? `${String(v.state)} (${word(t, `serverLog.iosIkeState.${String(v.state)}`)})` : String(v.state ?? '');
  if (used.has('fromText')) options.fromText = ikeStateText(v.from, t);
  // a Windows service a VPN server needs, by its name in the reader's language and its key (service-control-events.ts)
  if (used.has('serviceText')) options.serviceText = word(t, `serverLog.winService.${String(v.winService)}`);
  if (used.has('dependencyText')) options.dependencyText = v.dependsOn !== undefined ? word(t, `serverLog.winService.${String(v.dependsOn)}`) : String(v.dependency ?? '?');
  if (used.has('errorText')) options.errorText = winErrorText(v.error, v.hex, t);
  if (used.has('timesText')) options.timesText = v.times !== undefined ? ` (${t('serverLog.scmTimes', { times: v.times })})` : '';
  // 7031's recovery action and its time-out (service-control-events.ts crashValues: SC_ACTION_TYPE 0–3, else not known)
  if (used.has('actionText')) options.actionText = v.ms !== undefined ? `; ${t(`serverLog.scmAction.${v.action !== undefined ? String(v.action) : 'unknown'}`, { ms: v.ms })}` : '';
  if (used.has('toText')) options.toText = ikeStateText(v.to, t);
  // a PPP option a Configure-Reject dropped, in plain words (ppp-reject.ts: header compression, multilink …)
  if (used.has('wordsText')) options.wordsText = word(t, `serverLog.pppOptionWords.${String(v.words)}`);
  // a value the entry left empty ("IKE authentication failed {{id}}: …" without an id) must not leave its blank before a colon
  // ("failed : the key …"): it is passed as a mark, and the mark takes the blanks before it when a colon follows
  for (const name of used) if (!name.includes('.') && (options[name] === '' || options[name] === undefined)) options[name] = EMPTY_VALUE;
  return t(fullKey, options).replace(EMPTY_BEFORE_COLON, '').replaceAll(EMPTY_VALUE, '').replace(SPACE_BEFORE_PUNCTUATION, '$1').replace(/\s{2,}/g, ' ').trim();
}

/**
 * The blank an empty value leaves before a full stop or comma ("failed ." → "failed."): only before punctuation that ends a word
 * (a blank, the end after it), so a value's own ` ./debug.sh` or ` .5` stays as the log wrote it (branch hCF found "sh./debug.sh")
 */
const SPACE_BEFORE_PUNCTUATION = /\s+([.,])(?=\s|$)/g;

/**
 * One statement after another: a full stop after one that ends without a sentence's end — a packet's heading ("… IPCP ConfRej to
 * the PC (id 0x8): addr 0.0.0.0") read as one sentence with the verdict after it ("… addr 0.0.0.0 The server refused …").
 */
const ENDS_SENTENCE = /[.!?:;…]$/;
const joinStatement = (before: string, next: string): string => (before === '' || ENDS_SENTENCE.test(before) ? `${before} ${next}` : `${before}. ${next}`);

export function describeEntry(e: Pick<ServerLogEntry, 'decoded'>, t: TFunction): string {
  let out = '';
  for (let i = 0; i < e.decoded.length; i++) out = i === 0 ? describeDecoded(e.decoded[i]!, t) : joinStatement(out, describeDecoded(e.decoded[i]!, t));
  return out;
}

/**
 * What a statement's sentence depends on (its key and values, each value with its type), or
 * undefined when a value is neither a string nor a number (then it is not remembered).
 */
function statementKey(dd: Decoded): string | undefined {
  let k = quoted(dd.key);
  const values = dd.values;
  if (values) {
    for (const name in values) {
      const v = values[name] as unknown;
      if (typeof v === 'string') k += `,${quoted(name)}:${JSON.stringify(v)}`;
      else if (typeof v === 'number') k += `,${quoted(name)}:#${String(v)}`;
      else return undefined;
    }
  }
  return k;
}

/** JSON.stringify of a statement's key or value name: the code's own few words, each quoted once (a report reads them per entry). */
const QUOTED = new Map<string, string>();
function quoted(word: string): string {
  let q = QUOTED.get(word);
  if (q === undefined) {
    q = JSON.stringify(word);
    if (QUOTED.size < 4096) QUOTED.set(word, q);
  }
  return q;
}

/**
 * describeEntry for the many entries of one report: a statement met again (the same key and values:
 * a failure a log repeats, a step every session takes) is described once — an i18next call costs
 * some 15 µs, and a long log's report has hundreds of entries saying a hundred different things.
 * `memo` lives as long as the report being built (describeDecoded is a function of the statement
 * and t alone).
 */
export function describeEntryOnce(e: Pick<ServerLogEntry, 'decoded'>, t: TFunction, memo: Map<string, string>): string {
  let out = '';
  for (let i = 0; i < e.decoded.length; i++) {
    const dd = e.decoded[i]!;
    const k = statementKey(dd);
    let s = k === undefined ? undefined : memo.get(k);
    if (s === undefined) {
      s = describeDecoded(dd, t);
      if (k !== undefined) memo.set(k, s);
    }
    out = i === 0 ? s : joinStatement(out, s);
  }
  return out;
}

/** "2026-11-18 09:12:03" with what the log gives (no year / no date shown as such; no seconds when the log gave none). */
export function formatLogTime(time: LogTime | undefined): string {
  if (!time) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  const date = time.month && time.day ? `${time.year ? `${time.year}-` : ''}${p(time.month)}-${p(time.day)} ` : '';
  return `${date}${p(time.hour)}:${p(time.minute)}${time.minuteOnly ? '' : `:${p(time.second)}`}`;
}
