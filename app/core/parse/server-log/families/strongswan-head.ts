import { isDigit, isUpper } from '../char-codes';
import { hasLineBreak } from '../prefix';
import { afterSwanctlGroup } from './strongswan-output';

/**
 * charon's head before a message's text: the thread and group (`09[IKE] `, with `log_level = yes` `09[IKE1] `, swanctl's `[IKE] `) and
 * the IKE_SA's name (`ike_name = yes`: `<conn|12> `). Split from strongswan.ts, which reads the text after it.
 */

const IKE_NAME = /^<(?:[^|<>]*\|)?\d+>$/;
/**
 * A vendor's build may write the IKE_SA's name alone, `<gw-10_66_24_197> establishing CHILD_SA …` (strongSwan 5.9.5 on an Aviatrix
 * gateway, strongswan #2477), where upstream's sys_logger.c writes `<name|id>`. A poster's placeholder for an address has the same
 * shape (`<CLIENT.IP> is initiating an IKE_SA`, the corpus's macOS log): the name is taken off first, and a line no rule reads
 * without it is read again with it (parse).
 */
const IDLESS_IKE_NAME = /^<[^|<>\s]+>$/;
/** Whether the last afterThread took an id-less `<name> ` off (IDLESS_IKE_NAME). */
let strippedIdless = false;
export const afterThreadTookIdlessName = (): boolean => strippedIdless;
/** The IKE SA the last afterThread took off (`<conn|12>`, IKE_NAME), '' when it took none: which SA the line is (strongswan-first-exchange.ts). */
let ikeName = '';
export const afterThreadIkeName = (): string => ikeName;


/**
 * What /^(\d\d)\[([A-Z]{3})\] ?(.*)$/ captures as its third group, read by hand (no match array per
 * line); undefined when it would not match. `clean`: the message is known to hold no line break.
 */
export function afterThread(message: string, clean: boolean, idlessName = true): string | undefined {
  strippedIdless = false;
  ikeName = '';
  if (message.charCodeAt(0) === 91) return afterSwanctlGroup(message, clean);
  if (!isDigit(message.charCodeAt(0)) || !isDigit(message.charCodeAt(1)) || message.charCodeAt(2) !== 91) return undefined;
  if (!isUpper(message.charCodeAt(3)) || !isUpper(message.charCodeAt(4)) || !isUpper(message.charCodeAt(5))) return undefined;
  // filelog/syslog `log_level = yes` puts the message's level after the group: `09[IKE1]` (strongSwan docs, charon.filelog.<name>.log_level)
  const close = isDigit(message.charCodeAt(6)) ? 7 : 6;
  if (message.charCodeAt(close) !== 93) return undefined;
  let from = message.charCodeAt(close + 1) === 32 ? close + 2 : close + 1;
  // `ike_name = yes` puts the IKE_SA's name and unique id before the text: `<larval-drop-test|12> `, `<1> ` (charon.filelog.<name>.ike_name)
  // (a copy that turned blanks into tabs may have put a tab after it: `<1>\t candidate: …`)
  if (message.charCodeAt(from) === 60) {
    const end = message.indexOf('>', from);
    const after = message.charCodeAt(end + 1);
    const name = end > 0 && (after === 32 || after === 9) ? message.slice(from, end + 1) : '';
    if (IKE_NAME.test(name)) {
      from = end + 2;
      ikeName = name;
    }
    else if (idlessName && IDLESS_IKE_NAME.test(name)) {
      from = end + 2;
      strippedIdless = true;
    }
  }
  const rest = message.slice(from);
  return !clean && hasLineBreak(rest) ? undefined : rest; // `.` stops at line breaks, `$` is the end of the text
}
