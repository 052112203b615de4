import { CHAP_CODES, LCP_OPTIONS, PPP_CODES } from '../codes/ppp';
import { d, step, type Hit, type Rule } from '../kit';
import { decodeOptionHex, optionText, protocolName } from '../ppp-packet';

/**
 * Cisco IOS 11.x `debug ppp negotiation` / `debug ppp authentication`, before IOS 12 wrote `Vi1 LCP: I CONFREQ …` (ios.ts). Each
 * option this router asks for on a line of its own (`ppp: sending CONFREQ, type = 3 (CI_AUTHTYPE), value = C223/5`), the other
 * side's options as this router answered them (`ppp: received config for type = 3 (AUTHTYPE) value = C223 value = 5 acked`), the
 * LCP state machine's input (`PPP BRI0: B-Channel 1: state = ACKSENT fsm_rconfack(C021): rcvd id E4`), the authentication packets
 * by their RFC 1994 code (`BRI0: B-Channel 1: PPP AUTH CHAP input code = 4 id = 82 len = 21`), and the router's own login refused:
 * `Failed CHAP authentication with remote.`, then the other side's words on a line of their own, `Remote message is: MD compare
 * failed` (the real sample: Cisco Press, "CCNP Remote Access Exam Certification Guide", Example 5-6 "Combined debug ppp negotiation
 * and debug ppp authentication Command Output", "an example of a failed CHAP authentication attempt";
 * test/fixtures/real/SOURCES.md). A received CHAP Failure (code 4) answers this router's own Response: its name or password was
 * refused by the other side (RFC 1994 §4.4) — a PC never checks a server's CHAP, so no PC's login is involved.
 * The values are hex (the option's bytes after type and length, RFC 1661 §6); a book's copy puts stray dots into the words
 * (`type. =`, `conf.ig`), read past here.
 */

/** option value sizes in bytes by LCP type (RFC 1661 §6.1–6.4: MRU 2, ACCM 4, Authentication-Protocol 2 + data, Quality 2 + data, Magic 4; RFC 1990 MRRU 2) */
const VALUE_BYTES: Readonly<Record<number, number>> = { 1: 2, 2: 4, 3: 2, 4: 2, 5: 4, 17: 2 };

/** `3`, `C223/5` → `Authentication-Protocol CHAP (MD5)`: IOS's value (and its `/`-joined data bytes) as the option's bytes */
function lcpOption(type: number, values: string[], iosName: string): string {
  const size = VALUE_BYTES[type];
  const [first, ...rest] = values;
  if (size !== undefined && first !== undefined && /^[0-9A-F]+$/i.test(first) && first.length <= size * 2 && rest.every((r) => /^[0-9A-F]{1,2}$/i.test(r))) {
    const bytes = first.padStart(size * 2, '0') + rest.map((r) => r.padStart(2, '0')).join('');
    const hex = type.toString(16).padStart(2, '0') + (2 + bytes.length / 2).toString(16).padStart(2, '0') + bytes;
    const opt = decodeOptionHex(0xc021, hex);
    if (opt) return optionText(opt.option);
  }
  return `${LCP_OPTIONS[type] ?? iosName}${values.length ? ` ${values.join('/')}` : ''}`;
}

/** the state machine's input functions IOS 11 names (its fsm.c: fsm_rconfreq … fsm_rprotrej) → the PPP code received (RFC 1661 §5) */
const FSM_INPUT: Readonly<Record<string, number>> = { confreq: 1, confack: 2, confnak: 3, confrej: 4, confnakrej: 3, termreq: 5, termack: 6, coderej: 7, protrej: 8 };

/** RFC 1334 §2.2 PAP codes, in the words ios.ts's authentication lines use */
const PAP_WORDS: Readonly<Record<number, string>> = { 1: 'AUTH-REQ', 2: 'AUTH-ACK', 3: 'AUTH-NAK' };

/** a book's or PDF's stray dot inside a word or before ` =` (`type. = 3`, `conf.ig`) */
const straysOut = (text: string): string => text.replace(/([a-z])\.(?=[a-z]| =)/g, '$1');

/** the other side's CHAP packets that an authenticator sends: this router answers a challenge, so the other side is its server here */
const AUTHENTICATOR_CODES = new Set([1, 3, 4]);

export const IOS_CLASSIC_PPP_RULES: Rule[] = [
  [/^ppp: sending CONFREQ, type\.? = (\d+) \((?:CI_)?(\w+)\)(?:, value = (\S+))?$/, (m) => step('iosClassicOwnOption', { option: lcpOption(Number(m[1]), m[3] ? m[3].split('/') : [], m[2]!) })],
  [/^ppp: received conf\.?ig for type\.? = (\d+) \((\w+)\)((?: value = \S+)*) (acked|nacked|rejected)$/, (m) => {
    const values = m[3]!.split(' value = ').slice(1);
    // (the first value is the option's, those after it its data: `value = C223 value = 5`, CHAP with MD5)
    const option = lcpOption(Number(m[1]), values.length ? [values[0]!, ...values.slice(1)] : [], m[2]!);
    return step(m[4] === 'acked' ? 'iosClassicPeerOptionAcked' : m[4] === 'nacked' ? 'iosClassicPeerOptionNaked' : 'iosClassicPeerOptionRejected', { option }, m[4] === 'acked' ? 'info' : 'warning');
  }],
  [/^ppp: config ACK received, type\.? = (\d+) \((?:CI_)?(\w+)\)(?:, value = (\S+))?$/, (m) => step('iosClassicOwnOptionAcked', { option: lcpOption(Number(m[1]), m[3] ? m[3].split('/') : [], m[2]!) })],
  [/^PPP (.+?): state = (\w+) fsm_r(\w+)\(([0-9A-F]{4})\): rcvd id ([0-9A-F]+)$/i, (m) => {
    const code = FSM_INPUT[m[3]!.toLowerCase()];
    if (code === undefined) return null;
    return { decoded: [d('packet', { dir: 'in', proto: protocolName(parseInt(m[4]!, 16)), code: PPP_CODES[code]!, id: `0x${m[5]!}`, options: '', fsm: m[2]! })], outcome: 'info' };
  }],
  [/^(.+?): PPP AUTH (CHAP|PAP) input code = (\d+) id = (\d+) len = \d+$/, (m) => {
    const code = Number(m[3]);
    const what = m[2] === 'CHAP' ? CHAP_CODES[code]?.toUpperCase() : PAP_WORDS[code];
    if (!what) return null;
    const role: Record<string, string> = m[2] === 'CHAP' && AUTHENTICATOR_CODES.has(code) ? { role: 'client' } : {};
    return { decoded: [d('authPacket', { dir: 'in', method: m[2]!, what, name: '', msg: '', ...role })], outcome: 'info' };
  }],
  [/^(.+?): Failed CHAP authentication with remote\.?$/, (): Hit => ({ decoded: [d('iosOwnLoginRefused')], outcome: 'failure' })],
  // (chap_rsuccess's line, assumed from the Failure's wording: no real copy here)
  [/^(.+?): Passed CHAP authentication with remote\.?$/, () => step('iosClassicOwnLoginPassed', undefined, 'success')],
  [/^Remote message is: (.*?)\s*$/, (m) => step('iosClassicRemoteMessage', { text: m[1]! }, 'warning')],
];

const CLASSIC_HEAD = /^(?:ppp: (?:sending CONFREQ|received conf\.?ig|config ACK received)|PPP .+?: state = \w+ fsm_r|.+?: (?:PPP AUTH (?:CHAP|PAP) input code|(?:Failed|Passed) CHAP authentication with remote)|Remote message is: )/;

/**
 * Whether a header-less (or IOS-timed) line is one of IOS 11's PPP debug lines. Asked of every record no program tag names: a
 * character test and a fixed-string search first, the pattern only for a line that has one of the heads' words.
 */
export function iosClassicPppClaims(message: string): boolean {
  const c = message.charCodeAt(0);
  if (c === 112 /* p */) return message.startsWith('ppp: ') && CLASSIC_HEAD.test(message);
  if (c === 82 /* R */ && message.startsWith('Remote message is: ')) return true;
  if (c < 65 || c > 90) return false;
  if (c === 80 /* P */ && message.startsWith('PPP ') && message.includes(' fsm_r')) return CLASSIC_HEAD.test(message);
  return (message.includes(': PPP AUTH ') || message.includes(' CHAP authentication with remote')) && CLASSIC_HEAD.test(message);
}

/** the text the rules read: stray dots out of IOS 11's lower-case words only */
export const iosClassicText = (text: string): string => (text.startsWith('ppp: ') ? straysOut(text) : text);
