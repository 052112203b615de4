import { CAPTURE_FILES } from '../capture/capture';
import { DNS_TOKEN } from '../parse/ipconfig-labels';
import { isIpAddress } from './redact-addresses';
import type { Adders } from './redact-adders';

/**
 * Names found by what translation keeps, for outputs in a language no word list of redact-values.ts
 * holds (systeminfo, ipconfig and the event viewer are translated into every Windows language, and
 * their labels with them):
 *
 * - systeminfo's field order, the same in every language and in XP to Windows 11 (the shared corpus:
 *   systeminfo-ver/ in English, Russian and Simplified Chinese; Microsoft's systeminfo page shows the
 *   English order): Host Name · OS Name · OS Version · OS Manufacturer · OS Configuration · OS Build
 *   Type · Registered Owner · Registered Organization · Product ID · … · Domain · Logon Server ·
 *   Hotfix(s). Its anchors are values of a fixed shape: the Product ID (`00330-80000-00000-AA097`,
 *   XP `76487-OEM-0011903-00102`), 8 fields after the host name and 2 after the owner, and the logon
 *   server `\\NAME`, right after the domain. A paste cut short (real Korean ones in
 *   test/fixtures/real/systeminfo-ver) is read from the OS name and version after the host name, or
 *   from the command's echo (or systeminfo.txt) before it.
 * - value shapes behind any label not known to mean something else: `\\NAME` (a logon server, a
 *   share's server), DOMAIN\user, an FQDN (an event's computer), and user@domain anywhere (a UPN, a
 *   Microsoft account as registered owner: the Russian corpus systeminfo).
 * - in the RasClient events file, DOMAIN\user anywhere in the message text (20221/20227: "The user
 *   DOMAIN\user dialed …", translated around the account).
 *
 * Addresses, versions (digits between dots), dates, file names and yes/no have none of these shapes.
 */

/** "Label . . . . : value" (ipconfig) and "Label:   value" (systeminfo, wevtutil), found without backtracking. */
export function labelledLine(line: string): { label: string; value: string } | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > 200 || !/\s/.test(line[colon + 1] ?? '')) return undefined;
  const label = line.slice(0, colon).replace(/[\s.]+$/, '').trim();
  const value = line.slice(colon + 1).trim();
  if (!label || !value || /[:.=]/.test(label.replace(/(?:\. ?)+$/, ''))) return undefined;
  return { label, value };
}

/** files with readers of their own (redact-values.ts) or no names at all; a 20 000-route print is not read twice */
const NOT_READ = new Set<string>([CAPTURE_FILES.routePrint, CAPTURE_FILES.lmhosts, CAPTURE_FILES.fileVersions, CAPTURE_FILES.scheduledTasks]);

/** a systeminfo field line: a label at the line's start, a colon (full-width in CJK outputs) and blanks or nothing */
const FIELD = /^[^\s:：][^:：]{0,100}[:：](?=\s|$)/u;
const PRODUCT_ID = /^[0-9A-Z]{5}-[0-9A-Z]{3,5}-[0-9A-Z]{5,7}-[0-9A-Z]{5}$/i;
/** a hotfix list's first line under its field: "                           [01]: KB2919355" */
const LIST_ITEM = /^\s+\[\d+\][:：]/;
/** OS Version: "10.0.19045 N/A Build 19045", "6.3.9600 N/A …", XP "5.1.2600 Service Pack 3 Build 2600" (build in every language) */
const OS_VERSION = /^\d{1,2}\.\d{1,2}\.\d{3,5}(?!\.?\d)/;
/** the command's echo before its output: `C:\Users\x>systeminfo`, `PS C:\> systeminfo`, `systeminfo /fo list` */
const SYSTEMINFO_ECHO = /(?:^|[>\s])systeminfo(?:\.exe)?(?:\s+\/\S+)*\s*$/i;
/** `\\NAME` or `\\NAME\share` (not `\\.\` or `\\?\` device paths) */
const UNC = /^\\\\([^\\\s.?][^\\\s]*)(?:\\\S*)?$/u;
const HOST_NAME = /^[\p{L}\p{N}_-]{1,63}$/u;
const NAME_PART = /^[\p{L}\p{N}_.-]+$/u;
const ACCOUNT = /^[\p{L}\p{N}_.$-]+\\([\p{L}\p{N}_.$@-]+)$/u;
const FQDN = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+$/u;
const TOP_LABEL = /^\p{L}{2,63}$/u;
const EMAIL = /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+)@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)/gu;
/** DOMAIN\user in running text: not part of a path (no backslash, slash, colon or dot before; no backslash after) */
const ACCOUNT_IN_TEXT = /(?<![\p{L}\p{N}_.$\\/:-])([\p{L}\p{N}_-][\p{L}\p{N}_.-]*)\\([\p{L}\p{N}_.$-]*[\p{L}\p{N}_$])(?![\p{L}\p{N}_$\\-]|\.[\p{L}\p{N}])/gu;
/** the last part of a file name, never a DNS top-level domain here */
const FILE_EXTENSIONS = new Set(['dll', 'sys', 'exe', 'vxd', 'drv', 'cpl', 'ocx', 'mui', 'pbk', 'txt', 'log', 'ini', 'inf', 'cmd', 'bat', 'ps1', 'msi', 'cab', 'reg', 'json', 'xml', 'htm', 'html', 'evtx', 'etl', 'cer', 'pfx']);
const isFileName = (name: string) => FILE_EXTENSIONS.has(name.slice(name.lastIndexOf('.') + 1).toLowerCase()) && name.includes('.');

/**
 * The names one capture file gives by shape and order. `knownLabel`: a label a word list of
 * redact-values.ts reads (its own rule decides what the value is; not read again here).
 */
export function namesByShape(name: string, text: string, a: Adders, knownLabel: (label: string) => boolean): void {
  if (NOT_READ.has(name) || name.startsWith('server-logs/')) return;
  const lines = text.split(/\r\n|\r|\n/);
  const systeminfoLines = systeminfoFields(name, lines, a);
  const events = name === CAPTURE_FILES.rasEvents;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('@')) {
      for (const m of line.matchAll(EMAIL)) {
        a.add('user', m[1]);
        if (!isIpAddress(m[2]!)) a.add('dnsDomain', m[2]);
      }
    }
    if (events && line.includes('\\')) for (const m of line.matchAll(ACCOUNT_IN_TEXT)) if (!isFileName(m[2]!)) a.addAccount(`${m[1]}\\${m[2]}`);
    if (systeminfoLines.has(i) || !line.includes(':')) continue;
    const labelled = labelledLine(line);
    if (labelled && !knownLabel(labelled.label)) valueByShape(labelled.label, labelled.value, a);
  }
}

/** A value behind a label no word list knows: a name when its shape says so. */
function valueByShape(label: string, value: string, a: Adders): void {
  const unc = UNC.exec(value);
  if (unc) return a.addFqdn(unc[1]);
  const account = ACCOUNT.exec(value);
  if (account) return isFileName(account[1]!) ? undefined : a.addAccount(value);
  // (a DNS label's value is a suffix or a server: redact-values.ts reads those)
  if (DNS_TOKEN.test(label)) return;
  const fqdn = value.replace(/\.$/, '');
  if (!FQDN.test(fqdn) || isIpAddress(fqdn)) return;
  const parts = fqdn.split('.');
  const top = parts[parts.length - 1]!;
  if (!TOP_LABEL.test(top) || FILE_EXTENSIONS.has(top.toLowerCase())) return;
  // host.domain.tld: the host and its domain; name.tld alone is a domain (corp.local), not a host "corp"
  if (parts.length >= 3) a.addFqdn(fqdn);
  else a.add('dnsDomain', fqdn);
}

/**
 * systeminfo's names by their place among its fields (see above); returns the lines it read, which
 * the value shapes then leave alone (the domain `corp.example.net` is a domain, not a host "corp").
 */
function systeminfoFields(name: string, lines: string[], a: Adders): Set<number> {
  const fields: { line: number; value: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = FIELD.exec(lines[i]!);
    if (m) fields.push({ line: i, value: lines[i]!.slice(m[0].length).trim() });
  }
  const read = new Set<number>();
  const anchored = fields.some((f) => PRODUCT_ID.test(f.value));
  const hostAt = (k: number) => {
    const host = fields[k];
    if (host && HOST_NAME.test(host.value)) {
      a.addFqdn(host.value);
      read.add(host.line);
    }
  };
  // a paste cut short has no Product ID: the host name is the field before the OS name (a value naming
  // Windows, "Microsoft Windows 10 Pro", "Майкрософт Windows 10 Pro") and the OS version; or, in
  // systeminfo.txt or after the command's echo, the output's first field
  for (let k = 2; k < fields.length; k++) if (OS_VERSION.test(fields[k]!.value) && /Windows/i.test(fields[k - 1]!.value)) hostAt(k - 2);
  const echo = lines.findIndex((l) => SYSTEMINFO_ECHO.test(l));
  const first = echo >= 0 ? fields.findIndex((f) => f.line > echo) : name === CAPTURE_FILES.systeminfo ? 0 : -1;
  if (first >= 0) hostAt(first);
  for (let k = 0; k < fields.length; k++) {
    const { value } = fields[k]!;
    if (PRODUCT_ID.test(value)) {
      const owner = fields[k - 2];
      const org = fields[k - 1];
      if (owner) {
        a.add('user', owner.value);
        read.add(owner.line);
      }
      if (org) {
        a.add('org', org.value);
        read.add(org.line);
      }
      hostAt(k - 8);
    } else if (UNC.test(value)) {
      // the domain right before the logon server: in a systeminfo (its Product ID, or the hotfix list after it)
      const next = fields[k + 1];
      const hotfixesNext = next !== undefined && LIST_ITEM.test(lines[next.line + 1] ?? '');
      const domain = fields[k - 1];
      if (domain && (anchored || hotfixesNext) && NAME_PART.test(domain.value) && !isIpAddress(domain.value)) {
        a.add(domain.value.includes('.') ? 'dnsDomain' : 'domain', domain.value);
        read.add(domain.line);
      }
    }
  }
  return read;
}
