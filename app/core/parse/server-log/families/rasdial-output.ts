import { d, step, type FamilyState, type Hit } from '../kit';
import { pcDialled } from './ppp-log';
import { causeOfRasCode } from './ras-error-messages';

/**
 * rasdial.exe's output — the PC's command-line dialler (Windows' `rasdial entry user password`), as people paste it from a console:
 *
 *     Connecting to IKEEXT...
 *     Verifying username and password...
 *
 *     Remote Access error 800 - The remote connection was not made because the attempted VPN tunnels failed. …
 *
 *     For more help on this error:
 *             Type 'hh netcfg.chm'
 *             In help, click Troubleshooting, then Error Messages, then 800
 *
 * Every word of it is translated with Windows (a Japanese Windows: `リモート アクセス エラー 691 - 指定したユーザー名…`,
 * `'hh netcfg.chm' と入力してください。`, `…691 を参照してください。`), so it is read by its format, not its words: the error line is
 * a label (words, no digit), the error's number, ` - ` and the error's text (RasGetErrorString's, the same code's message) — the number
 * decides; the help under it names the help file by its command, `'hh netcfg.chm'`, in every language, and its last line ends with
 * the number again. The lines before the error, rasdial's progress (`Connecting to X...`, `{VPN_NAME} に接続中...`), end with three
 * dots in every language; they are read as such only after a `rasdial` command line (a prompt with it, or the command echoed).
 * (Real outputs: test/fixtures/real/server-logs/rasdial-*.txt, SOURCES.md.) The error is the PC's own dial: its role is the PC's.
 */

/** `<label> <code> - <text>`: the label words without a digit (any script), the code, the blank-dash-blank, then the error's text. */
const ERROR_LINE = /^\s*(\p{L}[\p{L}\p{M}'\u2019 .-]{1,48}?) (\d{3,5}) - (\S.{9,})$/u;
/** the help's command, the same in every language (rasdial prints it as the command to type) */
const HELP_COMMAND = "'hh netcfg.chm'";
/** rasdial typed at a prompt (`C:\Users\x>rasdial …`, `$ rasdial …`, `PS C:\> rasdial …`) or echoed alone (`rasdial IKEEXT test test`) */
const COMMAND_LINE = /^\s*(?:(?:PS )?[A-Za-z]:\\[^<>:"|?*]*> ?|\$ +)?rasdial(?:\.exe)?(?:\s|$)/i;

/**
 * A Windows RAS error's number (raserror.h RASBASE 600 to RASBASEEND, mprerror.h ROUTEBASE 900–999; winerror.h's IKE/IPsec errors
 * 13801–13999 that a dial ends with, e.g. 13801 ERROR_IPSEC_IKE_AUTH_FAIL, 13806): a label followed by another number (`Step 2 - …`)
 * is no rasdial error.
 */
const isRasErrorCode = (n: number): boolean => (n >= 600 && n <= 999) || (n >= 13801 && n <= 13999);

/** The line is rasdial's error line (cheap test first: the ` - ` the format puts after the number). */
export function rasdialError(text: string): number | undefined {
  const dash = text.indexOf(' - ');
  if (dash < 5) return undefined;
  const m = ERROR_LINE.exec(text);
  if (!m) return undefined;
  const code = Number(m[2]);
  return isRasErrorCode(code) ? code : undefined;
}

/** A line rasdial's own shape tells, whatever came before: its error line, its help's command, the command itself. */
export const isRasdialLine = (text: string): boolean =>
  text.includes(HELP_COMMAND) || (text.indexOf(' - ') > 4 && rasdialError(text) !== undefined) || ((text.includes('rasdial') || text.includes('RASDIAL')) && COMMAND_LINE.test(text));

// the family's state: 'dial' after the command (its progress lines follow), else the error's code while its help follows (bounded: one value)
const RASDIAL = 'rasdial';

const endsWithDots = (s: string): boolean => s.endsWith('...') || s.endsWith('\u2026');

/** A line that is rasdial's for what came before it (the family's state): a progress line after the command, the help under an error. */
export function isRasdialFollowLine(text: string, state: FamilyState): boolean {
  const at = state[RASDIAL];
  if (at === undefined) return false;
  const s = text.trim();
  if (at === 'dial') return s.length < 200 && endsWithDots(s);
  // the help's first line ends with a colon (`For more help on this error:`, `このエラーの詳細については:`), its last holds the number
  return typeof at === 'number' && s.length < 300 && (s.endsWith(':') || s.endsWith('\uff1a') || new RegExp(String.raw`(?:^|\D)${at}(?:\D|$)`).test(s));
}

export function rasdialHit(text: string, state: FamilyState): Hit {
  const code = rasdialError(text);
  if (code !== undefined) {
    pcDialled(state);
    state[RASDIAL] = code;
    return { decoded: [d('rasdialFailed', { code })], outcome: 'failure', cause: causeOfRasCode(code), code };
  }
  const s = text.trim();
  if (s.includes(HELP_COMMAND)) return step('rasdialHelp');
  if (COMMAND_LINE.test(s)) {
    pcDialled(state);
    state[RASDIAL] = 'dial';
    return step('rasdialCommand');
  }
  if (state[RASDIAL] === 'dial') return step('rasdialProgress');
  // the help's last line, with the number again: the help ends there
  if (!s.endsWith(':') && !s.endsWith('\uff1a')) delete state[RASDIAL];
  return step('rasdialHelp');
}
