import type { TFunction } from 'i18next';
import { IOS_CODE_NAMES, PPP_CODES, PPPD_CODE_NAMES } from './codes/ppp';

/**
 * A decoded PPP packet in plain words before its names (describe.ts, `packet`): "Link settings: other values asked for —
 * LCP Configure-Nak from the PC (id 1)". A help desk reads what the packet does; the protocol and code stay after it for
 * whoever knows them. The code's meaning is RFC 1661 §5 (Configure-Request … Discard-Request), RFC 1570 §2 (Identification,
 * Time-Remaining) and RFC 1962 §4 (CCP Reset-Request/Ack); CHAP's is RFC 1994 §4, PAP's RFC 1334 §2.2, EAP's RFC 3748 §4.
 */

/** The code's number, whichever way a family spells it (RFC 1661 names, pppd's ConfReq, IOS's CONFREQ). */
const CODE_NUMBERS: ReadonlyMap<string, number> = new Map([
  ...Object.entries(PPP_CODES).map(([n, name]) => [name, Number(n)] as [string, number]),
  ...Object.entries(PPPD_CODE_NAMES),
  ...Object.entries(IOS_CODE_NAMES),
]);

/** The control protocols whose settings the words name; another one's packet is "<its name> settings". */
const SETTINGS = new Set(['LCP', 'CCP', 'IPCP', 'IPV6CP']);
/** Authentication packets by their own codes (pppd's and accel-ppp's names, any case). */
const SIGN_IN: Readonly<Record<string, string>> = {
  challenge: 'challenge',
  response: 'response',
  success: 'accepted',
  failure: 'refused',
  authreq: 'password',
  authack: 'accepted',
  authnak: 'refused',
  request: 'request',
};

const cache = new WeakMap<TFunction, Map<string, string>>();

/** The plain words for a packet ("Link settings proposed"), or '' when its protocol and code are not ones the words cover. */
export function packetWords(proto: string, code: string, t: TFunction): string {
  let words = cache.get(t);
  if (!words) cache.set(t, (words = new Map()));
  const key = `${proto}\u0000${code}`;
  let s = words.get(key);
  if (s === undefined) words.set(key, (s = wordsFor(proto, code, t)));
  return s;
}

function wordsFor(proto: string, code: string, t: TFunction): string {
  const upper = proto.toUpperCase();
  if (upper === 'CHAP' || upper === 'PAP' || upper === 'EAP') {
    const kind = SIGN_IN[code.toLowerCase()];
    return kind ? t(`serverLog.packetWords.signIn.${kind}`) : '';
  }
  const n = CODE_NUMBERS.get(code);
  if (n === undefined || n === 8) return ''; // a Protocol-Reject has its own sentence (describe.ts protRej)
  const what = SETTINGS.has(upper) ? t(`serverLog.packetWords.what.${upper}`) : t('serverLog.packetWords.what.other', { proto });
  return t(`serverLog.packetWords.code.${n}`, { what });
}
