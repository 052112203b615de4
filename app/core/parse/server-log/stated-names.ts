import { isDigit, isLetter } from './char-codes';

/**
 * The names a log line states by a label or by their shape, whatever program wrote it and whether
 * or not a family understood the line: what `--redact` must hide beyond the names the families
 * decode (names.ts). Each family reads a few user names into its entries; a line no family reads,
 * or a wording a family reads without its name, kept the name in a redacted report (found by
 * running every fixture through `explain-log --redact`: strongSwan's identities, Libreswan's peer
 * IDs, accel-ppp's session prefix, FortiGate's `user=`, SoftEther's `User "…"`). These are read by
 * what such text looks like in every log, not by one daemon's wording:
 *
 * - a device's or computer's name or serial after its label: `devname="fw-1"`, `devid=` (FortiGate), `hostname=`, `Computer:`; a device's or
 *   shell's prompt at a line's start (`hq-rtr#`, `[admin@hq-mikrotik] >`, `root@vpn-1:~#`);
 * - a label and its value: `user=alice`, `usr="alice"` (SonicWall), `Username = alice` (ASA
 *   IKE lines), `user = alice` (ASA 113005, VPN 3000), `Uname: alice` (ASA 611101), `User-Name =
 *   "alice"` (RADIUS), `xauthuser="alice"` (FortiGate), `Account Name: CORP\alice` (NPS);
 * - a cue word and a quoted or bracketed value: `User "alice"` (SoftEther), `User <alice>` (ASA
 *   716001, 722051), `authentication of 'alice'`, `EAP identity 'alice'` and `IKE_SA for '…'`
 *   (strongSwan prints identities with its %Y printf hook, quoted), `Peer ID is ID_FQDN: '@pc'`
 *   (Libreswan), a certificate's or CA's quoted subject;
 * - an identity in brackets after an address: strongSwan's `%H[%Y]` (`198.51.100.7[alice@corp]`,
 *   `10.0.0.1[CN=pc-1, O=Corp]`), a port there is digits only and is not a name;
 * - the names in a distinguished name (`CN=`, an `E=`/`emailAddress=` holding an `@`);
 * - a user@domain (a UPN, an EAP identity, an IKE ID of type RFC822/USER_FQDN), and an `@fqdn` IKE ID;
 * - `DOMAIN\user` after a label: both parts.
 * A value that only holds a place (`<not specified>`, `(none)`, `%any`, `N/A`, `*`) is no name; an
 * address is not listed (the Redactor judges addresses by their range).
 */

export type StatedNameKind = 'user' | 'host' | 'domain' | 'org';

/** label = value, label: value (case-insensitive); the value quoted, in <>, in [] or up to a blank or separator */
const LABELLED =
  /(?<![\w-])(?:user(?:[ _-]?name)?|usr|uname|xauth[ _-]?user|login[ _-]?name|account[ _-]?name|peer[ _-]?user|remote[ _-]?user|client[ _-]?user|eap[ _-]?identity|identity|(?:local[ _-]?|remote[ _-]?|peer[ _-]?)?ike[ _-]?id)\s*[=:]\s*(?:"([^"\r\n]{1,200})"|'([^'\r\n]{1,200})'|<([^<>\r\n]{1,200})>|\[([^\][\r\n]{1,200})\]|([^\s,;"'<>[\]()]{1,200}))/gi;

/** a device's or computer's name after its label: FortiGate's `devname="fw-1"`, `hostname=`, `Host name: ` (SoftEther), `Computer: ` (an event copy) */
const HOST_LABELLED =
  /(?<![\w-])(?:dev[ _-]?name|host(?:[ _-]?name)?|computer(?:[ _-]?name)?|machine[ _-]?name|device[ _-]?name)\s*[=:]\s*(?:"([^"\r\n]{1,200})"|'([^'\r\n]{1,200})'|([^\s,;"'<>[\]()]{1,200}))/gi;

/**
 * a serial number after its label, which names a device (FortiGate's `devid="FG100ETK18004310"`, SonicWall's `sn=C0EAE4000000`) or a
 * user's certificate (the ASA's 717029 `serial number: 4E8197…`): hex digits alone too, as the label says what they are
 */
const SERIAL = /(?<![\w-])(devid|sn|(?:device[ _-]?)?serial(?:[ _-]?(?:number|no|id))?)\s*[=:]\s*"?([A-Za-z0-9][A-Za-z0-9-]{5,63})"?/gi;

/**
 * the journal's machine and boot ids in a structured paste (journal-export.ts: `"_MACHINE_ID" : "…"` in json, `_MACHINE_ID=…` in
 * export and verbose), the boot id in an entry's cursor too (`__CURSOR=s=…;i=…;b=<boot id>;m=…`, sd_journal_get_cursor(3)): 128-bit
 * ids that name the server (machine-id(5): "uniquely identifies the host") and one boot of it
 */
const JOURNAL_ID = /(?:(?<![\w-])"?_(?:MACHINE|BOOT)_ID"?\s*[=:]\s*"?|;b=)([0-9a-f]{32})\b/gi;
/**
 * a Windows event forwarded in Snare's layout (forwarded-event.ts): the host before `MSWinEventLog` in Snare's own line, and the event's
 * UserName and ComputerName fields (the 7th and 10th after the mark: criticality, log, counter, time, id, source, user, SID type, event
 * type, computer — TIBCO LogLogic's "Event Output Format")
 */
const SNARE_HOST = /^\s*([^\s<>]+)[\t ]+MSWinEventLog[\t ]/;
const SNARE_FIELDS = /MSWinEventLog\t(?:[^\t]*\t){6}([^\t]*)\t[^\t]*\t[^\t]*\t([^\t]*)\t/;

/** the journal's `_HOSTNAME` field in json (`"_HOSTNAME" : "vpn1"`) and export or verbose form (`_HOSTNAME=vpn1`) */
const JOURNAL_HOST = /(?<![\w-])"?_HOSTNAME"?\s*[=:]\s*"?([^\s"]{1,200})/g;

/**
 * a device's or server's command prompt at a line's start, as in a pasted terminal session: Cisco IOS/ASA `hq-rtr#debug ppp
 * negotiation`, `hq-asa(config)# show logging`, `hq-rtr>`; RouterOS `[admin@hq-mikrotik] > /log print` (user and identity);
 * a shell's `root@vpn-1:~# journalctl …`, `[root@vpn-1 ~]# …` (user and host)
 */
const PROMPT = /^\s*(?:\[([\w.-]{1,64})@([\w.-]{1,64})\]\s*[>/]|\[?([\w.-]{1,64})@([\w.-]{1,64})[:\s][^#$>\r\n]{0,80}[#$>]|([A-Za-z][\w.-]{1,62})(?:\([\w/-]{1,40}\))?[#>](?![#>=<-]))/;

/** a cue word, then a quoted or bracketed value (`User "alice"`, `User <alice>`, `authentication of 'alice'`) */
const CUED =
  /(?<![\w-])(?:user(?:[ _-]?name)?|peer|identity|authentication of|IKE_SA for|certificate|CA|subject|issuer|ID_[A-Z0-9_]+:?|ID[ir]{1,2}|does not match to)\s+(?:"([^"\r\n]{1,200})"|'([^'\r\n]{1,200})'|<([^<>\r\n]{1,200})>)/gi;

/** `for user alice`, `user alice failed`, `authentication failed for alice`: a bare name next to what happened to it */
const BARE =
  /(?<![\w-])(?:for (?:user|peer|client) ['"]?([^\s'",;:<>()[\]]{2,200})|user ([^\s'",;:<>()[\]]{2,200}) (?:failed|logged|authenticat|connected|disconnected|not found|rejected|timed out)|authentication (?:succeeded|successful|failed|rejected) for ['"]?([^\s'",;:<>()[\]]{2,200}))/gi;

/** an identity in brackets after an IPv4/IPv6 address or %any (strongSwan `%H[%Y]`); an all-digit one is a port */
const ADDRESS_ID = /(?:(?<!\w|\d\.)\d{1,3}(?:\.\d{1,3}){3}|(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}|%any6?)\[([^\]\r\n]{1,200})\]/g;

/**
 * a distinguished name's common name, and its e-mail attribute (which must hold an @: `E=691` is MS-CHAP's error); `CN = x` as
 * FortiOS prints a subject, `cn=x` as the ASA does (717029). (Not UID: PAM's `uid=0 euid=0 tty= …` would read as one.)
 */
const DN_NAME = /(?<![\w-])(?:CN|E|emailAddress) ?= ?([^,/'"\]>+\r\n]{1,200})/gi;

/**
 * a distinguished name's organisation and unit (`O=IKEv2 VPN`, `OU=Unit`; the ASA writes `o=Military,ou=NEC`): they name the
 * company (RFC 4519 2.19, 2.20), so --redact hides them as the report's organisation — except a public CA's (PUBLIC_CA_ORG)
 */
const DN_ORG = /(?<![\w-])(?:O|OU) ?= ?((?:[^,/'"\]>+\r\n]|''?(?=[A-Za-z]))+)/gi;
/**
 * an LDAP user id in a distinguished name (RFC 4519 2.39 `UID=U11111111,CN=JOHN DOE`, a CAC subject): upper case and followed by
 * the next attribute only, as PAM's `uid=0 euid=0` is no DN
 */
const DN_UID = /(?<![\w-])UID=([^,/'"\]>+\s]{1,200})(?= ?,)/g;
/**
 * The organisations of public certificate authorities (Mozilla's CA list; assumed as the ones such logs name: Let's Encrypt's
 * `O=Let's Encrypt`, its root's ISRG, strongSwan's example `O=strongSwan` of its documentation), folded to lower case: a log that
 * says which CA is missing keeps its point, and they name no one.
 */
const PUBLIC_CA_ORG = new Set(["let's encrypt", 'internet security research group', 'digicert inc', 'globalsign nv-sa', 'globalsign', 'sectigo limited', 'comodo ca limited', 'entrust, inc.', 'godaddy.com, inc.', 'microsoft corporation', 'amazon', 'google trust services llc', 'strongswan']);

/**
 * a name in a private DNS namespace (`SPOKE1.LAB.LOCAL`, `CITY-VPN16.cbj.local`, `elastic.group.local`): `.local` (RFC 6762), `.home.arpa`
 * (RFC 8375), `.internal` (ICANN's private-use TLD), and the suffixes ad-hoc networks use (`.lan`, `.corp`, `.intranet`, `.localdomain`;
 * RFC 6762 appendix G): any such name is a company's or a home's own, whatever label or sentence holds it
 */
const PRIVATE_DNS_NAME = /(?<![\w.@-])((?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})\.)+(?:local|lan|corp|internal|intranet|localdomain|home\.arpa))(?![\w.-]|\.[\w-])/gi;

/**
 * a user's profile folder in a path: Windows' `C:\Users\Mike\Desktop>` (a prompt, an event's file name), `\Documents and
 * Settings\` (XP), Linux's `/home/alice/` and macOS's `/Users/alice/`: the folder is the account's name
 */
const PROFILE_PATH = /(?:[A-Za-z]:\\(?:Users|Documents and Settings)\\|(?<![\w.-])\/(?:home|Users)\/)([^\\/:*?"<>|\s]{1,64})(?=[\\/>\s]|$)/g;

/**
 * `DOMAIN\user` as a label's value in any language (`安全 ID:\t\tJACKMA\Administrator`, `Security ID: DOMAIN\TERADICI`): a NetBIOS
 * domain (1–15 characters, no blank) and an account after a colon or `=`; a path (`C:\Windows`) has its drive's colon right before
 */
const LABELLED_ACCOUNT = /[:=：]\s*([A-Za-z][\w-]{0,14})\\([\w.$-]{1,64})(?![\w\\])/g;

/**
 * the names Windows Setup gives a computer nobody named (Microsoft's unattend `ComputerName` reference: a random name when it is
 * `*`; `WIN-` and 11 letters and digits on Windows Server and before Windows 10, `DESKTOP-`/`LAPTOP-` and 7–8 since), with their
 * DNS domain when one follows (`WIN-SAPNNP06AE5.jackma.com`): one machine's name by its shape, behind a label in any language
 */
const WINDOWS_SETUP_NAME = /(?<![\w-])((?:WIN-[A-Z0-9]{11}|DESKTOP-[A-Z0-9]{7}|LAPTOP-[A-Z0-9]{8})(?:\.[A-Za-z0-9-]{1,63})*)(?![\w-])/g;

/** a TLS client's server name: accel-ppp's `[SSL <SNI vpn.corp.example>]` (sstp), `SNI=`/`sni:` */
const SNI = /(?<![\w-])SNI[ =:]+<?([^\s<>\]"',;]{3,200})/g;

/** the server a pptp client is started for (`pty "pptp vpn.example.com --nolaunchpppd"`, pppd's `Script pptp … finished`): its first argument */
const PPTP_SERVER = /(?:^|[\s/"])pptp ([A-Za-z0-9][\w.-]{2,200}) --/g;

/**
 * FreeRADIUS' authentication log (src/main/auth.c rad_authlog: `Login OK: [%s] (from client %s port %u cli %s)`, `Login incorrect
 * (mschap: …): [user/<via Auth-Type = MSCHAP>] (from client nas-1 port 0 cli 88299c2ded45)`): the user in brackets (without the
 * password or `<via …>` after a slash) and the client's short name
 */
const RADIUS_AUTH_LOG = /Login (?:OK|incorrect)[^\r\n[]{0,300}: \[([^\]\r\n/]{1,200})(?:\/[^\]\r\n]{0,200})?\](?: \(from client ([^\s()]{1,200}) port)?/g;

/** user@domain (UPN, EAP identity, RFC822 IKE ID), and an IKE ID `@fqdn` with no local part */
const EMAIL = /(?<![\w.%+-])([\w.%+-]{1,64})?@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+)(?![\w-])/g;

/** values that hold a place, not a name */
const PLACEHOLDER = /^(?:<.*>|\(.*\)|-+|\*+|\?+|%any6?|n\/a|none|null|nil|unknown|not specified|not[ -](?:applicable|available|set)|undefined|anonymous|-snip-)$/i;
/** account names that identify no one, and words a label may be followed by in prose */
const NO_ONE = new Set([
  ...['root', 'nobody', 'system', 'guest', 'user', 'users', 'name', 'username', 'user name', 'domain', 'password'],
  // what follows `user` or `for peer` in prose: `User authentication failed` (SoftEther), `for peer configs` (charon)
  ...['authentication', 'authorization', 'certificate', 'login', 'logon', 'session', 'account', 'request', 'requested', 'config', 'configs', 'profile'],
  // the words of the trade (`The user RAS connected`: NT 4.0's event 20107 names an account RAS): as a name, every one in the report would go
  ...['ras', 'vpn', 'pptp', 'l2tp', 'ipsec', 'ike', 'ppp', 'chap', 'pap', 'eap', 'radius', 'sstp', 'mppe', 'xauth'],
  ...['is', 'was', 'has', 'the', 'not', 'and', 'or', 'of', 'to', 'for', 'with', 'from', 'in', 'on', 'at', 'by', 'ip', 'id', 'any', 'all', 'yes', 'no', 'true', 'false'],
]);
/** a masked value (`x.x.x.x`, `XXXX`, `${USER}`, `%USERNAME%`) or an address with its port or prefix */
const MASKED = /^(?:[xX*#.]+|\$\{\w+\}|%\w+%?|\d{1,3}(?:\.\d{1,3}){3}[/:]\d+)$/;
/** a long upper-case hex number (an SA's or a structure's address in a debug line: `for peer 7F9E85D63050`), no name */
const HEX_NUMBER = /^(?:0x)?[0-9A-F]{8,}$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV4_DOMAIN = /^[\d.]+$/;
const IPV6 = /^[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}$/;

export type AddStatedName = (kind: StatedNameKind, value: string) => void;

/**
 * Whether any of the patterns below can match: one pass that most lines fail (`explain-log --redact`
 * reads every record of a 50 MB log; the seven scans on each line cost 2.5 µs a line on the bench log).
 * Each pattern's needle is in it: its labels and cue words, `@`, a DN's `CN=`/`E=`, and an address
 * right before a bracket that does not hold a port.
 */
const MAY_STATE = /^\s*\[?[\w.-]+(?:@|\([\w/-]+\)[#>]|[#>])|user|usr|uname|name|identit|IKE_SA for|client|login|account|peer|authenticat|certificate|\bCA\b|subject|issuer|ID_|\bCN ?=|\bE ?=|@|computer|devid|_ID\b|;b=|MSWinEventLog|\bsn ?[=:]|serial|\.\d{1,3}\[(?!\d+\])|:[0-9A-Fa-f]{0,4}\[(?!\d+\])|%any6?\[|\bO ?=|\bOU ?=|\bUID=|\.(?:local|lan|corp|internal|intranet|localdomain|home\.arpa)\b|\\Users\\|\\Documents and|\/home\/|\/Users\/|[:=：]\s*[A-Za-z][\w-]{0,14}\\|WIN-|DESKTOP-|LAPTOP-|host\s*[=:]|SNI|pptp |ID[ir]{1,2} '|does not match to|ike[ _-]?id/i;

/** Every name `text` states (see above), each given to `add` (maybe more than once). */
export function statedNames(text: string, add: AddStatedName): void {
  if (text.length < 4 || !MAY_STATE.test(text)) return;
  const hasAt = text.indexOf('@') >= 0;
  for (const m of text.matchAll(LABELLED)) account(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]!, add);
  const prompt = isPromptStart(text.charCodeAt(0)) ? PROMPT.exec(text) : null;
  if (prompt) {
    name('user', prompt[1] ?? prompt[3] ?? '', add);
    name('host', prompt[2] ?? prompt[4] ?? prompt[5]!, add);
  }
  for (const m of text.matchAll(HOST_LABELLED)) name('host', m[1] ?? m[2] ?? m[3]!, add);
  // (a bare `Serial:` with digits only is a count, xl2tpd's call serial `Serial: 1084367864`, not a device's)
  for (const m of text.matchAll(SERIAL)) if (isAllDigits(m[2]!) ? m[2]!.length >= 8 && !/^serial$/i.test(m[1]!) : true) add('host', m[2]!);
  journalNames(text, add);
  if (text.indexOf('MSWinEventLog') >= 0) snareNames(text, add);
  for (const m of text.matchAll(CUED)) identity(m[1] ?? m[2] ?? m[3]!, add);
  for (const m of text.matchAll(BARE)) account(m[1] ?? m[2] ?? m[3]!, add);
  if (text.indexOf('[') >= 0) for (const m of text.matchAll(ADDRESS_ID)) identity(m[1]!, add);
  if (text.indexOf('=') >= 0) for (const m of text.matchAll(DN_NAME)) dnValue(m[0], m[1]!, add);
  // (an SA's name, `esp.1adc81c4@10.106.2.35`, has an address after its @: no mail domain)
  if (hasAt) for (const m of text.matchAll(EMAIL)) if (!IPV4_DOMAIN.test(m[2]!)) (m[1] ? name('user', m[0], add) : name('host', m[2]!, add));
  if (text.indexOf('=') >= 0) {
    for (const m of text.matchAll(DN_ORG)) org(m[1]!, add);
    for (const m of text.matchAll(DN_UID)) name('user', m[1]!, add);
  }
  if (text.indexOf('.') >= 0) for (const m of text.matchAll(PRIVATE_DNS_NAME)) name('host', m[1]!, add);
  if (text.indexOf('\\') >= 0) for (const m of text.matchAll(LABELLED_ACCOUNT)) account(`${m[1]!}\\${m[2]!}`, add);
  if (text.indexOf('\\Users\\') >= 0 || text.indexOf('\\Documents and Settings\\') >= 0 || text.indexOf('/home/') >= 0 || text.indexOf('/Users/') >= 0)
    for (const m of text.matchAll(PROFILE_PATH)) name('user', m[1]!, add);
  if (text.indexOf('WIN-') >= 0 || text.indexOf('DESKTOP-') >= 0 || text.indexOf('LAPTOP-') >= 0) for (const m of text.matchAll(WINDOWS_SETUP_NAME)) name('host', m[1]!, add);
  if (text.indexOf('SNI') >= 0) for (const m of text.matchAll(SNI)) identity(m[1]!, add);
  if (text.indexOf('pptp ') >= 0) for (const m of text.matchAll(PPTP_SERVER)) peerName(m[1]!, add);
  if (text.indexOf('Login ') >= 0)
    for (const m of text.matchAll(RADIUS_AUTH_LOG)) {
      account(m[1]!, add);
      if (m[2]) name('host', m[2], add);
    }
}

/**
 * The sending host in a line's syslog header (RFC 3164 4.1.2 `Mmm dd hh:mm:ss HOST TAG[pid]:`, RFC 5424's / rsyslog's ISO time
 * `2024-01-27T03:00:50+01:00 HOST TAG:`): the word between the time and a tag that ends in `:` (a `%ASA-4-106100:` or `charon[12]:`).
 * For lines no family understood (an entry's host is read by its family); a header without a host (`Jul 10 02:47:24 charon: …`)
 * has the tag's colon right after the word and gives none.
 */
const SYSLOG_HOST = /^\s*(?:<\d{1,3}>\d? ?)?(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d(?:\.\d{1,6})?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?) ([A-Za-z][\w.-]{0,253}) %?[\w./-]{1,64}(?:\[\d{1,10}\])?:/;

export function syslogHost(text: string, add: AddStatedName): void {
  const c = text.charCodeAt(0);
  // (a cheap test first: the header begins with a month's capital, a year's digit, `<` or a blank)
  if (!(c === 60 || c === 32 || c === 9 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return;
  const m = SYSLOG_HOST.exec(text);
  if (m) name('host', m[1]!, add);
}

/** an organisation's name (DN_ORG), unless a public CA's */
function org(raw: string, add: AddStatedName): void {
  const v = raw.trim().replace(/[.,;:]+$/, '');
  // (pluto doubles a quote inside a quoted DN: `O=Let''s Encrypt`)
  if (PUBLIC_CA_ORG.has(v.toLowerCase().replace("''", "'"))) return;
  name('org', v, add);
}

function snareNames(text: string, add: AddStatedName): void {
  const host = SNARE_HOST.exec(text);
  if (host) name('host', host[1]!, add);
  const fields = SNARE_FIELDS.exec(text);
  if (!fields) return;
  account(fields[1]!, add);
  name('host', fields[2]!, add);
}

/** A user name, or `DOMAIN\user` (both parts). */
function account(raw: string, add: AddStatedName): void {
  const v = raw.trim();
  const slash = v.indexOf('\\');
  if (slash > 0 && slash < v.length - 1 && v.indexOf('\\', slash + 1) < 0) {
    name('domain', v.slice(0, slash), add);
    name('user', v.slice(slash + 1), add);
    return;
  }
  // an account's canonical name (NPS's `Fully Qualified Account Name: corp.local/Users/alice`): its DNS domain first, the account last
  const cut = v.indexOf('/');
  if (cut > 0 && v.indexOf('.') < cut && v.indexOf('.') > 0 && v.indexOf('://') < 0 && v.lastIndexOf('/') < v.length - 1) {
    name('host', v.slice(0, cut), add);
    name('user', v.slice(v.lastIndexOf('/') + 1), add);
    return;
  }
  identity(v, add);
}

/** An identity of any type: a distinguished name gives its names, a user@domain is a user, a dotted name a host. */
function identity(raw: string, add: AddStatedName): void {
  const v = raw.trim();
  if (/^[A-Za-z]{1,12} ?=/.test(v)) {
    for (const m of v.matchAll(DN_NAME)) dnValue(m[0], m[1]!, add);
    return;
  }
  if (v.charCodeAt(0) === 64 /* @ */) return name('host', v.slice(1), add);
  if (v.indexOf('@') > 0) return name('user', v, add);
  name(v.indexOf('.') > 0 && v.indexOf(' ') < 0 ? 'host' : 'user', v, add);
}

function dnValue(whole: string, value: string, add: AddStatedName): void {
  const attribute = whole.slice(0, whole.indexOf('=')).trim().toLowerCase();
  if ((attribute === 'e' || attribute === 'emailaddress') && value.indexOf('@') < 0) return;
  const v = value.trim();
  name(v.indexOf('.') > 0 && v.indexOf(' ') < 0 && v.indexOf('@') < 0 ? 'host' : 'user', v, add);
}

/**
 * The other side's name when a family read it as the entry's peer (xl2tpd's `Call established with vpn-gw, …`, `Connecting to host
 * vpn.corp.example`): a host name, unless it is an address, masked (`x.x.x.x`, `176.XXX.XXX.XXX`) or a placeholder.
 */
export function peerName(peer: string, add: AddStatedName): void {
  if (!/[g-wyzG-WYZ]/.test(peer)) return; // (letters past hex, x aside: an address, a masked one, an SA's hex id)
  name('host', peer, add);
}

function name(kind: StatedNameKind, raw: string, add: AddStatedName): void {
  const v = raw.trim().replace(/[.,;:]+$/, '');
  // (two characters are too few: `R3`, Let's Encrypt's intermediate, would take `R3` out of every text)
  if (v.length < 3 || v.length > 200 || PLACEHOLDER.test(v) || MASKED.test(v) || HEX_NUMBER.test(v) || NO_ONE.has(v.toLowerCase())) return;
  if (IPV4.test(v) || IPV6.test(v) || isAllDigits(v)) return;
  add(kind, v);
}

/** a prompt starts with a letter, `[` or a blank */
function isPromptStart(c: number): boolean {
  return isLetter(c) || c === 91 || c === 32 || c === 9;
}

function isAllDigits(v: string): boolean {
  for (let i = 0; i < v.length; i++) if (!isDigit(v.charCodeAt(i))) return false;
  return true;
}

/**
 * The journal's machine and boot ids and host names in a text (JOURNAL_ID, JOURNAL_HOST): a structured journal paste's fields are no record's text (journal-export.ts
 * reads an entry into one syslog-like line without them), so a redacted copy of the whole text looks for them in it — a search
 * first, the text without one passes at that cost.
 */
export function journalNames(text: string, add: (kind: StatedNameKind, value: string) => void): void {
  if (text.indexOf('_ID') < 0 && text.indexOf(';b=') < 0) return;
  for (const m of text.matchAll(JOURNAL_ID)) add('host', m[1]!);
  // and the host of an entry no family read (its line is shown with the host, but no label names it there)
  for (const m of text.matchAll(JOURNAL_HOST)) add('host', m[1]!);
}
