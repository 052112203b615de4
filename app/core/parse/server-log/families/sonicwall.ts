import { d, type FamilyParser, type FamilyState, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import { BARE_MESSAGE, eventText } from './sonicwall-events';
import { isSonicOsRecord, sonicOsRecord } from './sonicwall-record';
import { isDigit } from '../char-codes';
import { bySitePolicy, tunnelKey } from './sonicwall-site';

/**
 * SonicWall (SonicOS): companies end Windows' built-in L2TP/IPsec clients on its "L2TP Server" behind the "WAN GroupVPN"
 * policy, and the help desk gets its log in one of three forms:
 * - syslog key=value records (sonicwall-record.ts);
 * - rows of the GUI's log table as copied from the browser: `[#] MM/DD/YYYY HH:MM:SS.mmm  Priority  Category  Message  Source
 *   Destination  Notes`, the columns apart by tabs or by runs of blanks (two real copies, test/fixtures/real/server-logs/sonicwall-gui-*);
 * - the message column alone, its addresses after it (`IKE Responder: No response - remote party timeout sonicwall.ip, 500
 *   openswan.ip, 500`: a forum copy).
 * The event texts are read in sonicwall-events.ts.
 */

const COLUMN = /\t+ *|\s{2,}/;
const PRIORITY = /^(?:Emergency|Alert|Critical|Error|Warning|Notice|Info(?:rm|rmational)?|Debug)$/;
/** the row's number (the table's # column), its date and time, then the rest: priority, category, message … */
const ROW = /^(?:\d{1,6}\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d\d):(\d\d)(?:\.(\d{1,3}))?\s+(\S.*)$/;
/** where the message starts in a row whose columns a copy ran together (blanks collapsed, tabs expanded): its known first words */
const MESSAGE_START = /\b(?:IKE(?:v2)? (?:Responder|Initiator): |IKE negotiation |IKE SA |(?:RECEIVED<<<|SENDING>>>>) ISAKMP |NAT Discovery : |L2TP (?:Server ?: |PPP )|XAUTH (?:Succeeded|Failed) |PPP: |Received (?:notify|packet retransmission)|IPsec (?:Authentication|VPN Decryption) )/i;

interface Row {
  time: Hit['time'];
  columns: string[];
}

/** a GUI table row split into its columns (priority first), or undefined */
function tableRow(message: string): Row | undefined {
  const m = message.match(ROW);
  if (!m) return undefined;
  let columns = m[8]!.split(COLUMN).map((c) => c.trim());
  if (columns.length < 3 || !PRIORITY.test(columns[0]!) || (columns[2]!.search(MESSAGE_START) !== 0 && MESSAGE_START.test(m[8]!))) {
    // columns run together: the priority is the first word, the message starts at its known first words, the rest unsplit
    const priority = m[8]!.match(/^\S+/)![0];
    const at = m[8]!.search(MESSAGE_START);
    if (!PRIORITY.test(priority) || at < 0) return undefined;
    const message = m[8]!.slice(at).trim();
    columns = [priority, m[8]!.slice(priority.length, at).trim(), message, message];
  }
  const time = { year: +m[3]!, month: +m[1]!, day: +m[2]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ...(m[7] ? { ms: +m[7].padEnd(3, '0') } : {}) };
  return { time, columns };
}

/** a cheap first test: a table row starts with its number or its date */
const startsRow = (message: string): boolean => {
  const c = message.charCodeAt(0);
  return isDigit(c) && message.includes('/') && tableRow(message) !== undefined;
};

/** the user a table row names after the source address's port (`192.yyy.yyy.yyy, 4500 (admin)`; in a run-together row, after the message) */
const userIn = (source: string | undefined): string | undefined => source?.match(/\d \(([^()\s]+)\)/)?.[1];

/** a table row: its message decoded (null when the message is unknown: the row stays counted), with its time, user and notes */
function rowHit(row: Row, pre: Prefixed, state: FamilyState): Hit | null {
  const [, , message = '', source, destination, notes] = row.columns;
  const hit = eventText(message, pre, state);
  if (!hit) return null;
  if (row.time) hit.time = row.time;
  const user = userIn(source);
  if (user && hit.user === undefined) hit.user = user;
  if (notes) hit.decoded.push(d('step.swNotes', { notes }));
  // (the VPN policy in the notes tells a site-to-site tunnel from a client's: sonicwall-site.ts)
  return bySitePolicy(hit, tunnelKey(source, destination), notes, state);
}

const trimmed = (pre: Prefixed): string => (pre.message.charCodeAt(0) === 32 ? pre.message.trimStart() : pre.message);

export const sonicwallFamily: FamilyParser = {
  family: 'sonicwall',
  claims: (pre: Prefixed) => {
    const message = trimmed(pre);
    return isSonicOsRecord(message) || BARE_MESSAGE.test(message) || startsRow(message);
  },
  parse(pre, state) {
    const message = trimmed(pre);
    if (isSonicOsRecord(message)) return sonicOsRecord(message, pre, state);
    const row = tableRow(message);
    if (row) return rowHit(row, pre, state);
    return eventText(message, pre, state);
  },
};
