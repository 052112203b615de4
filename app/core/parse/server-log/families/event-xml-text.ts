import type { EventBlock } from './windows-event-block';
import { isDigit } from '../char-codes';
import { isCoIdString } from './remote-access-events';

/**
 * A Windows event's XML that lost its markup: only the elements' text is left, joined by blanks — the event id, the System
 * part's numbers (Version, Level, Task, Opcode: two of them for a classic event, four for a manifest one), the Keywords mask
 * (`0x` and up to 16 hex digits, unpadded: `0x80000000000000` for a classic event), the record number, the channel, the computer, then the insertion strings in order. An e-mail
 * reply to a GitHub issue quotes an XML paste so (IPBan issue #76: atftb's RemoteAccess 20271 came back in jjxtra's reply as
 * `20271 3 0 0x80000000000000 32407 System CITY-VPN16.cbj.local {NA} corinne 123.207.87.250 The remote connection was denied
 * because … 0x10`). The attributes are gone with the markup: the provider's name, TimeCreated (so no time), the binary data.
 * The Keywords mask in its place after two to four small numbers is what tells such a line from any other.
 */
const XML_TEXT = /^(\d{1,5}) (?:\d{1,5} ){2,4}0x[0-9a-f]{1,16} \d+ (System|Application|Security|[A-Z][\w-]*\/[A-Za-z]+) (\S+)(?: (.*))?$/i;

export const isEventXmlText = (text: string): boolean => isDigit(text.charCodeAt(0)) && XML_TEXT.test(text);

/**
 * The event such a line is: its id, and its insertion strings as one text (their bounds are lost with the markup; the blanks
 * inside a reason's sentence cannot be told from those between the strings), read as a message. The provider is lost too: a
 * 20000–20999 id in the System log is taken for RemoteAccess's (RRAS logs there; the PC's RasClient writes the same range to
 * the Application log, as the capture's rasclient-events.txt query asks for it) — assumed from where Windows logs each.
 */
export function eventXmlTextBlock(text: string): EventBlock | undefined {
  const m = text.match(XML_TEXT);
  if (!m) return undefined;
  const id = Number(m[1]);
  const ras = id >= 20000 && id < 21000;
  const source = ras && m[2] === 'System' ? 'RemoteAccess' : ras && m[2] === 'Application' ? 'RasClient' : '';
  const message = m[4] ?? '';
  // only the leading strings that are one word each are taken as such (their message texts: RemoteAccess 20271/20189 "CoId=%1:
  // The user %2 connected from %3 but failed …", mprlog.h; RasClient 20227 "CoId=%1: The user %2 dialed a connection named %3
  // which has failed. The error code … is %4" — a connection's name may hold blanks, so 20227's code is the number the text ends with)
  // (counted after the CoId, found by its shape: Windows 7 / 2008 R2 and earlier write none, so a fixed count would take the first
  // word of the strings after it — a 20227's connection name — for one of them)
  const words = message ? message.split(' ') : [];
  const lead = isCoIdString(words[0]) ? 1 : 0;
  const data = words.slice(0, lead + (ONE_WORD_STRINGS[id] ?? 0));
  // 20227: the connection's name is every word between the user and the code (%3 … %4), so a name with blanks is read whole
  const code = id === 20227 && words.length >= lead + 3 && /^\d+$/.test(words[words.length - 1]!) ? words[words.length - 1]! : undefined;
  if (code) data.push(words.slice(lead + 1, -1).join(' '), code);
  return { id, source, named: {}, data, message };
}

/** how many insertion strings at the start of an event, after its CoId where it has one, are single words (user name, address) */
const ONE_WORD_STRINGS: Readonly<Record<number, number>> = { 20189: 2, 20271: 2, 20227: 1 };
