import { codeAtEnd } from '../../wevtutil';
import { d, tagged, type Hit } from '../kit';

/**
 * A RasClient event's message pasted alone — the PC's own event, put in the server-log box: `CoId={GUID}: The user SYSTEM dialed a
 * connection named Home-IKEv2 which has failed. The error code returned on failure is 87.` (../shared/corpus/events; the `CoId=`
 * prefix on Windows 8 and later, windows-reference.md "RasClient events"). Read as app/core/parse/wevtutil.ts reads such a message
 * on the PC's side: the English 20227 and 20221 by their words; in another language, a message ending in a number is a failure with
 * that code (the number 20227's message ends with, in every language: wevtutil.ts codeAtEnd), anything else only an event's message.
 */

const CO_ID_HEAD = /^CoId=\{[0-9A-Fa-f-]+\}: ?/;
/** 20227, "which has failed" (older builds) or "that has failed" (windows-reference.md) */
const FAILED_EN = /^The user (.+?) dialed a connection named (.+?) (?:which|that) has failed\. The error code returned on failure is (\d+)\.?\s*$/;
/** 20221, and the connection settings it lists (`Dial-in User = vpnuser`, `VpnStrategy = L2TP` …), joined to it as its lines */
const DIALING_EN = /^The user (.+?) has started dialing a (?:VPN )?connection using a [\w-]+ connection profile named (.+?)\. The connection settings are: ?(.*)$/;
/**
 * 20226's disconnect notice ends with a number too, its reason code (windows-reference.md: its text unverified; "terminated" assumed
 * from 20220's "terminated" wording): in English it is not taken for a failure
 */
const TERMINATED_EN = /\bterminat(?:ed|ion)\b/;

/**
 * A record that is a RasClient message: its CoId first, or — without it — the English 20227 or 20221 from its first word. Windows 7
 * and earlier write no CoId, and people copy the message from its sentence on (hwdsl2/setup-ipsec-vpn issue #1199: `The user
 * MICHAL-NUC\michal dialed a connection named vpn which has failed. The error code returned on failure is 809.`); a translated
 * message without its CoId has nothing that says it is RasClient's and stays unknown.
 */
export const isRasClientMessage = (text: string): boolean =>
  text.charCodeAt(0) === 67 /* C */ ? CO_ID_HEAD.test(text) : text.charCodeAt(0) === 84 /* T */ && text.startsWith('The user ') && (FAILED_EN.test(text) || DIALING_EN.test(text));

/** A settings line of 20221's message, to be joined to it (detect.ts continues). */
export const RASCLIENT_SETTING_LINE = /^\s*[A-Za-z][\w -]*? = .*$/;

export function rasClientMessageHit(text: string): Hit {
  const message = text.replace(CO_ID_HEAD, '');
  const failed = FAILED_EN.exec(message);
  const code = failed ? Number(failed[3]) : TERMINATED_EN.test(message) ? NaN : Number(codeAtEnd(message) ?? NaN);
  if (failed || Number.isInteger(code)) {
    const hit: Hit = { decoded: [d('rasClientFailed', { code, entry: failed?.[2] ?? '?', source: 'RasClient' })], outcome: 'failure', cause: code === 13801 ? 'ike-auth-failed' : 'ras-error', code };
    return failed ? tagged(hit, { user: failed[1] }) : hit;
  }
  const dialing = DIALING_EN.exec(message);
  if (dialing) {
    const settings = new Map([...dialing[3]!.matchAll(/([A-Za-z][\w -]*?) = (.*?)(?= [A-Za-z][\w -]*? = |$)/g)].map((m) => [m[1]!.trim(), m[2]!.trim()]));
    const how = [settings.get('VpnStrategy'), settings.get('Authentication Type'), settings.get('DataEncryption') && `encryption ${settings.get('DataEncryption')}`].filter(Boolean).join(', ');
    return tagged({ decoded: [d('rasClientDialing', { user: dialing[1]!, entry: dialing[2]!, how: how || '?' })], outcome: 'info' }, { user: dialing[1] });
  }
  return { decoded: [d('rasClientMessage')], outcome: 'info' };
}
