import { d, step, tagged, type FamilyParser, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import type { LogTime } from '../types';
import { isDigit, isUpper } from '../char-codes';
import { isakmpPayloadName } from '../codes/isakmp-payloads';

/**
 * Zyxel ZyNOS routers and gateways (ZyWALL 2/10/50/100, Prestige/P-series): the menu's "IPSec Log" (SMT menu 27.3, or the web
 * UI's VPN log) that a Windows L2TP/IPsec client's attempt leaves, copied as the table it shows:
 *
 *     Index: Date/Time: Log:
 *     001 01 Jan 08:08:07 Recv Main Mode request from <192.168.100.100>
 *     002 01 Jan 08:08:07 Recv:<SA>
 *     …
 *     Clear IPSec Log (y/n):
 *
 * (the real copy: the Prestige 202H User's Guide, figure 28-2 "Example VPN Responder IPSec Log"; test/fixtures/real/server-logs/
 * zynos-*). The messages and what they mean are Zyxel's own tables: "Sample IKE Key Exchange Logs" and "Sample IPSec Logs During
 * Packet Transmission" (ZyWALL 10/50 and ZyWALL 100 User's Guides, chapter "IPSec Log", tables 28-1/28-2 and 30-1/30-2; ZyWALL 2
 * User's Guide, chart O-10: "A PYLD_MALFORMED packet usually means that the two ends of the VPN tunnel are not using the same
 * pre-shared key"). `!!` marks an error or a warning (the same guides); later ZyNOS (the P-662H guide's "IKE Logs" table, and
 * Avaya's Business Secure Router BCM50e guide, a ZyNOS) writes the same messages without it: the mark is optional here.
 * `Recv:`/`Send:` list the ISAKMP payloads of one message by ZyNOS's short names (the guides' table "RFC-2408 ISAKMP Payload
 * Types"), decoded here to their RFC 2408 §3.1 numbers.
 *
 * A row is claimed only when its message is one of these (a numbered, dated line of anything else stays another family's).
 * ZyNOS logs no year: the row's time has none. The newer ZLD firmware (ZyWALL USG, ATP) logs otherwise: not read here.
 */

const MONTH_NUMBERS: Readonly<Record<string, number>> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };
/** the table's row: its index (001…), the day and month, the time, the message */
const ROW = /^(?:\d{1,5}\s+)?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}):(\d\d):(\d\d)\s+(\S.*?)\s*$/;
/** the table's head and the menu's prompt under it */
const HEAD = /^Index:\s+Date\/Time:\s+Log:\s*$/;
const CLEAR_PROMPT = /^Clear IPSec Log \(y\/n\):?\s*$/;

/** ZyNOS's payload names (the guides' table), to their RFC 2408 §3.1 numbers */
const PAYLOADS: Readonly<Record<string, number>> = { SA: 1, PROP: 2, TRANS: 3, KE: 4, ID: 5, CER: 6, CER_REQ: 7, HASH: 8, SIG: 9, NONCE: 10, NOTFY: 11, DEL: 12, VID: 13 };

/** `Recv:<KE><NONCE>` / `Send:<SA>` — one ISAKMP message and its payloads */
const PAYLOAD_LIST = /^(Recv|Send):((?:<[A-Z_]+>)+)\s*$/;
/** `Recv Main Mode request from <192.168.100.100>` / `Send Aggressive Mode request to <IP>` */
const MODE_REQUEST = /^(Recv|Send) (Main|Aggressive) Mode request (?:from|to) <([^>]+)>\s*$/;

interface Message {
  readonly re: RegExp;
  readonly hit: (m: RegExpMatchArray) => Hit;
}

const payloadWords = (list: string): string =>
  list
    .slice(1, -1)
    .split('><')
    .map((p) => (PAYLOADS[p] !== undefined ? isakmpPayloadName(PAYLOADS[p]) : p))
    .join(', ');

const MESSAGES: readonly Message[] = [
  { re: PAYLOAD_LIST, hit: (m) => step(m[1] === 'Recv' ? 'zyPayloadsIn' : 'zyPayloadsOut', { payloads: payloadWords(m[2]!) }) },
  {
    re: MODE_REQUEST,
    hit: (m) => tagged(m[1] === 'Recv' ? step('ikeV1Respond', { mode: m[2]!, peer: m[3]! }) : step('zyModeRequestOwn', { mode: m[2]!, peer: m[3]! }), { peer: m[3] }),
  },
  { re: /^Phase 1 IKE SA process done\s*$/, hit: () => step('zyPhase1Done', undefined, 'success') },
  { re: /^Start Phase 2: Quick Mode\s*$/, hit: () => step('zyPhase2Start') },
  // "The parameters configured for Phase 1 or Phase 2 negotiations don't match" (the guides)
  { re: /^(?:!! )?No proposal chosen\s*$/, hit: () => ({ decoded: [d('zyNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' }) },
  // phase 2: the local and remote address ranges the two sides exchanged differ (the guides)
  { re: /^(?:!! )?(Verifying (?:Local|Remote) ID failed)\b.*$/, hit: (m) => ({ decoded: [d('zyIdFailed', { text: m[1]! })], outcome: 'failure', cause: 'traffic-selector-mismatch' }) },
  // the ZyWALL 2 guide: "usually means that the two ends of the VPN tunnel are not using the same pre-shared key"
  { re: /PYLD_MALFORMED/, hit: () => ({ decoded: [d('zyMalformed'), d('pskMismatch')], outcome: 'failure', cause: 'ike-auth-failed' }) },
  // "If this IP (range) conflicts with a previously configured rule then the connection is not allowed" (the guides)
  { re: /^(?:!! )?((?:Local \/ remote IPs of incoming request conflict with rule|Remote IP .+ conflicts|Invalid IP)\b.*?)\s*$/, hit: (m) => ({ decoded: [d('zyRuleConflict', { text: m[1]! })], outcome: 'failure' }) },
  // a packet matched VPN rule n, whose phase 1 or 2 is not up yet (the guides)
  { re: /^Cannot find outbound SA for rule <?#?(\d+)>?\s*$/, hit: (m) => step('zyNoOutboundSa', { rule: m[1]! }) },
  { re: /^(?:!! )?Active connection allowed exceeded\s*$/, hit: () => ({ decoded: [d('zyConnLimit')], outcome: 'failure' }) },
  { re: /^(?:!! )?Too many errors! Deleting SA\s*$/, hit: () => ({ decoded: [d('zyTooManyErrors')], outcome: 'failure' }) },
  { re: /^(?:!! )?IKE Packet Retransmit\s*$/, hit: () => step('zyRetransmit', undefined, 'warning') },
  { re: /^(?:!! )?Failed to send IKE Packet\s*$/, hit: () => step('zySendFailed', undefined, 'warning') },
  { re: /^(?:!! )?(IKE Negotiation is in process|Duplicate requests with the same cookie)\s*$/, hit: (m) => step('zyInProgress', { text: m[1]! }) },
  { re: /^(?:!! )?(Cannot find Phase 2 SA|Discard REPLAY packet)\s*$/, hit: (m) => step('zyPacketDropped', { text: m[1]! }, 'warning') },
  { re: /^(?:!! )?(Inbound packet (?:authentication|decryption) failed)\s*$/, hit: (m) => ({ decoded: [d('zyInboundFailed', { text: m[1]! })], outcome: 'failure' }) },
  { re: /^Rule <?#?(\d+)>? idle time out, disconnect\s*$/, hit: (m) => step('zyIdleTimeout', { rule: m[1]! }) },
  { re: /^(?:!! )?WAN IP changed to <?([^>\s]+)>?\s*$/, hit: (m) => step('zyWanIpChanged', { address: m[1]! }, 'warning') },
];

/** digits from `i` on: the index after the last one */
function digitsEnd(message: string, i: number): number {
  while (i < message.length && isDigit(message.charCodeAt(i))) i++;
  return i;
}

/**
 * A cheap first test, by characters (no regex): digits, a blank, then digits and a blank before an upper-case month
 * (`001 01 Jan`), or the day and month alone (`01 Jan`).
 */
function looksLikeRow(message: string): boolean {
  let end = digitsEnd(message, 0);
  if (end === 0 || end > 5 || message.charCodeAt(end) !== 32) return false;
  if (end <= 2 && isUpper(message.charCodeAt(end + 1))) return true;
  while (message.charCodeAt(end) === 32) end++;
  const day = digitsEnd(message, end);
  return day > end && day - end <= 2 && message.charCodeAt(day) === 32 && isUpper(message.charCodeAt(day + 1));
}

function rowOf(message: string): { time: LogTime; text: string } | undefined {
  if (!looksLikeRow(message)) return undefined;
  const m = message.match(ROW);
  // (a day past 31 is no date: not a row)
  if (!m || +m[1]! > 31) return undefined;
  return { time: { month: MONTH_NUMBERS[m[2]!]!, day: +m[1]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]! }, text: m[6]! };
}

const messageHit = (text: string): Hit | null => {
  for (const { re, hit } of MESSAGES) {
    const m = text.match(re);
    if (m) return hit(m);
  }
  return null;
};

const trimmed = (pre: Prefixed): string => (pre.message.charCodeAt(0) === 32 ? pre.message.trimStart() : pre.message);

export const zynosFamily: FamilyParser = {
  family: 'zyxel',
  claims(pre) {
    const message = trimmed(pre);
    const c = message.charCodeAt(0);
    if (c === 73 /* I */) return HEAD.test(message);
    if (c === 67 /* C */) return CLEAR_PROMPT.test(message);
    const row = rowOf(message);
    return row !== undefined && MESSAGES.some(({ re }) => re.test(row.text));
  },
  parse(pre) {
    const message = trimmed(pre);
    if (HEAD.test(message)) return step('zyLogHead');
    if (CLEAR_PROMPT.test(message)) return step('zyClearPrompt');
    const row = rowOf(message);
    if (!row) return null;
    const hit = messageHit(row.text);
    if (hit) hit.time = row.time;
    return hit;
  },
};
