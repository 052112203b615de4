/**
 * A real log as another site's would be written: other user names, other identity numbers, other dates (test/server-log-invariance.test.ts).
 * Each change is a bijection on what it changes (one name, one number stays one everywhere it is changed), and changes only what
 * names or counts something, never a value the parser may rightly read (an address, a port, an error code, a count of seconds).
 */

// ---------------------------------------------------------------------------------------------------------------- user names

/** the shapes a user name takes on another site; `blank` only where the format quotes the name */
export const NAME_SHAPES = ['dot', 'hyphen', 'digits', 'non-ascii', 'realm', 'domain', 'blank'] as const;
export type NameShape = (typeof NAME_SHAPES)[number];
export const NAME_SHAPE_WORDS: Record<NameShape, string> = {
  dot: 'with a dot (j.smith)',
  hyphen: 'with a hyphen (anne-marie)',
  digits: 'with digits (user907)',
  'non-ascii': 'with letters beyond ASCII (é, ß)',
  realm: 'with a realm (bob@ex.nl)',
  domain: 'with a domain (AD\\bob)',
  blank: 'with a blank where the format ends the name (quotes, the words after it)',
};

/** names that say no user was named: kept, the parser may rightly read them */
const PLACEHOLDER = /^(?:n\/a|unknown|none|\(none\)|<[^>]*>|%any|\*|-)$/i;
const IP_LIKE = /^[\d.:a-f]+$/i;

const rotLetters = (word: string): string =>
  word.replace(/[a-z]/gi, (ch) => String.fromCharCode((((ch.charCodeAt(0) & 31) - 1 + 13) % 26) + 1 + (ch.charCodeAt(0) & 96))).replace(/\d/g, (d) => String((Number(d) + 3) % 10));

/** the name in another shape: the same length where the shape fits in it (a hard-wrapped paste keeps its width), longer where not */
export function otherName(name: string, shape: NameShape): string {
  const n = name.length;
  const mid = Math.floor(n / 2);
  const rot = rotLetters(name);
  const put = (at: number, s: string) => rot.slice(0, at) + s + rot.slice(at + s.length);
  switch (shape) {
    case 'dot':
      return n >= 3 ? put(mid, '.') : `${rot}.x`;
    case 'hyphen':
      return n >= 3 ? put(mid, '-') : `${rot}-x`;
    case 'blank':
      return n >= 3 ? put(mid, ' ') : `${rot} x`;
    case 'digits':
      return n >= 4 ? put(n - 3, '907') : `${rot}907`;
    case 'non-ascii':
      return n >= 2 ? `é${rot.slice(1, n - 1)}ß` : `é${rot}ß`;
    case 'realm':
      return n >= 8 ? `${rot.slice(0, n - 6)}@ex.nl` : `${rot}@ex.nl`;
    case 'domain':
      return name.includes('\\') ? rot : n >= 8 ? `AD\\${rot.slice(3)}` : `AD\\${rot}`;
  }
}

/**
 * Where a log names a user, and how the name is written there: `quoted` when the format puts it between quotes or ends it by fixed
 * words (a blank may be in it), `escaped` when the writer doubles a backslash (pppd's print_string and %q, pppd/utils.c: `\\` before `"` and `\`).
 */
interface NamePlace {
  readonly find: RegExp;
  /** the format ends the name by a quote or by the words after it, so a name with a blank reads as one */
  readonly quoted: boolean;
  readonly escaped: boolean;
}
const NAME_PLACES: readonly NamePlace[] = [
  // pppd's CHAP packet dump and PAP request (pppd/chap-new.c, upap.c): `name = "bob"`, `user="bob"`
  { find: /(\bname = ")((?:[^"\\]|\\.)+)(")/g, quoted: true, escaped: true },
  { find: /(\[PAP Auth\w+ id=0x[\da-f]+ user=")((?:[^"\\]|\\.)+)(")/g, quoted: true, escaped: true },
  // accel-ppp's packet dump: `recv [MSCHAP-v2 Response id=1 <…>, F=0, name="test"]` (auth_mschap_v2.c: the name as it came)
  { find: /(, name=")([^"]+)("\])/g, quoted: true, escaped: false },
  // pppd auth.c: `Peer %q failed CHAP authentication`, `CHAP peer authentication succeeded for %q`
  { find: /(\bPeer )(\S+)( failed (?:CHAP|PAP|EAP) auth)/g, quoted: true, escaped: true },
  { find: /(\b(?:CHAP|PAP|EAP) peer authentication (?:succeeded|failed) for )(\S+)()/g, quoted: true, escaped: true },
  // SoftEther: `authenticated as user "x"`, `user "x"`, `The user name is "x".`
  { find: /(\buser ")([^"]+)(")/g, quoted: true, escaped: false },
  { find: /(\buser name (?:is|that has been provided was) ")([^"]+)(")/g, quoted: true, escaped: false },
  // ASA: `Username = x,` and `Group <g> User <x> IP <a>`
  { find: /(\bUsername = )([^\s,]+)()/g, quoted: true, escaped: false },
  { find: /(\bUser <)([^<>]+)(>)/g, quoted: true, escaped: false },
  // MikroTik: `pptp,ppp,info,account x logged in, a`, `user x logged in from a via winbox`, `<pptp-x>:` (no blank: MikroTik's own
  // grok pattern for the line, help "Syslog with Elasticsearch", reads the name as %{USERNAME}, letters, digits, `._-`)
  { find: /(\baccount |: user )(\S+)( logged (?:in|out)\b)/g, quoted: false, escaped: false },
  { find: /(<(?:pptp|l2tp|sstp|ovpn|pppoe)-)([^<>\s]+)(>)/g, quoted: false, escaped: false },
  // charon: `received EAP identity 'x'`, `authentication of 'x' (myself|with …)`, `IDi 'x'`, `IDr 'x'`
  { find: /(\b(?:EAP identity|authentication of|ID[ir]) ')([^']+)(')/g, quoted: true, escaped: false },
  // mpd (auth.c): `  Name: "jim"` under a CHAP/PAP line, `AUTH: Accounting data for user jim: 10 seconds, …`
  { find: /(\bName: ")([^"]+)(")/g, quoted: true, escaped: false },
  { find: /(\bAccounting data for user )(.+?)(: \d+ seconds)/g, quoted: true, escaped: false },
  // pluto and OpenVPN: `XAUTH: User 'x'`, `user 'x' authenticated`
  { find: /(\b[Uu]ser ')([^']+)(')/g, quoted: true, escaped: false },
  // IOS debug ppp authentication: `Vi1 CHAP: I RESPONSE id 2 len 28 from "bob"`, `PAP: I AUTH-REQ id 1 len 18 from "bob"`
  { find: /(\blen \d+ from ")([^"]+)(")/g, quoted: true, escaped: false },
  // ASA 113004/113005/113015: `… : user = bob`, `: user = bob : user IP = …`; VPN 3000 AUTH/5: `server = a, user = bob`
  { find: /([:,] user = )([^\s,]+)()/g, quoted: true, escaped: false },
  // pluto's XAUTH (libreswan programs/pluto/ikev1_xauth.c): `XAUTH: User bob: Authentication Failed`, `failure user(bob:conn)`,
  // `for state #4, conn[8] user=bob.` (PAM)
  { find: /(\bXAUTH: User )([^\s:]+)(: )/g, quoted: true, escaped: false },
  { find: /(\bfailure user\()([^\s:()]+)(:)/g, quoted: true, escaped: false },
  { find: /(\] user=)([^\s]+?)(\.?)(?=\r?$)/gm, quoted: false, escaped: false },
  // VPN 3000: `User [ bob ] Group [ g ] connected`
  { find: /(\bUser \[ ?)([^\]\s]+)( ?\])/g, quoted: true, escaped: false },
  // FortiGate, Sophos and SonicWall key=value: `user="bob"`, `xauthuser="bob"`, `user_name="bob"`, `usr="bob"`
  { find: /(\b(?:user|xauthuser|user_name|username|usr)=")([^"]+)(")/g, quoted: true, escaped: false },
  // NPS's DTS XML: `<User-Name data_type="1">bob</User-Name>`, `<SAM-Account-Name …>CORP\bob</…>` (a canonical name with `/`s kept)
  { find: /(<(?:User-Name|SAM-Account-Name|Fully-Qualifed-User-Name) data_type="\d+">)([^</]+)(<)/g, quoted: true, escaped: false },
  // RasClient and RRAS messages: `The user CORP\bob dialed a connection named …`, `The user CORP\bob connected on port …`; the words
  // after the name end it, and a Windows account name may hold a blank (`DESKTOP-1\John Smith`; assumed: Windows allows one)
  { find: /(\bThe user )([^\s<>%]+\\[^\s<>%]+|[^\s<>%]+)( (?:dialed|has started dialing|connected|has connected)\b)/g, quoted: true, escaped: false },
  // pptpd's logwtmp plugin (plugins/pptpd-logwtmp.c ip_up): `pptpd-logwtmp.so ip-up ppp0 bob 203.0.113.7` — a blank ends the name
  { find: /(\bpptpd-logwtmp\.so ip-up \S+ )(\S+)( )/g, quoted: false, escaped: false },
  // accel-ppp: `ppp0:bob: connect: ppp0 <--> pptp(…)` (its log prefixes the interface and the user, accel-ppp/accel-pppd/log.c)
  { find: /(\b(?:ppp|pptp|sstp|l2tp|pppoe|ipoe)\d+:)([^:\s]+)(: )/g, quoted: true, escaped: false },
  { find: /(\b(?:ppp|pptp|sstp|l2tp|pppoe|ipoe)\d+:[^:]+: )([^:\s]+)(: authentication (?:succeeded|failed))/g, quoted: true, escaped: false },
];

/**
 * Every named user changed to another of one shape; an address or a distinguished name as an id is the peer's, kept. `renamed` holds
 * the last text's names and what each became, so a test can tell the user read from a line is the new name, whole.
 */
export function otherUserNames(shape: NameShape): ((text: string) => string) & { renamed: Map<string, string> } {
  const names = new Map<string, string>();
  const vary = (text: string): string => {
    names.clear();
    // (a name also written where a blank would end it is given no blank anywhere: one user keeps one name)
    const noBlank = new Set<string>();
    if (shape === 'blank') for (const place of NAME_PLACES) if (!place.quoted) for (const m of text.matchAll(place.find)) noBlank.add(m[2]!);
    const renamed = (raw: string, place: NamePlace): string => {
      const name = place.escaped ? raw.replace(/\\(.)/g, '$1') : raw;
      if (PLACEHOLDER.test(name) || IP_LIKE.test(name) || name.includes('=') || name.includes(' ')) return raw;
      let other = names.get(name);
      if (other === undefined) names.set(name, (other = otherName(name, noBlank.has(name) ? 'hyphen' : shape)));
      return place.escaped ? other.replace(/[\\"]/g, '\\$&') : other;
    };
    let out = text;
    for (const place of NAME_PLACES) out = out.replace(place.find, (_m, before: string, name: string, after: string) => `${before}${renamed(name, place)}${after}`);
    return out;
  };
  return Object.assign(vary, { renamed: names });
}

// ------------------------------------------------------------------------------------------------------- identity numbers

/** another number for an identity, with more digits than it had (the case that finds a `\d{1,3}`): a bijection */
export const otherId = (digits: string): string => String(Number(digits) * 7 + 2917);

const ID_PLACES: readonly RegExp[] = [
  // an interface's unit: ppp0, tun3, Virtual-Access2.1, Vi1, l2tp-in3 (ppp(4) names units `ppp%d`; IOS names Virtual-Access%d)
  /(\b(?:ppp|tun|tap|Virtual-Access|Vi|Virtual-Template|Dialer|l2tp-in|pptp-in|sstp-in|ovpn-in|pppoe-in|l2tp-out|pptp-out)(?=\d))(\d+)()/g,
  // a tag's pid: `pppd[1234]:`, `charon[2201]:`, `pluto[21056]:` (RFC 3164 §5.3), and as a Markdown code block's bold left it, `pptpd[**14178**]:`
  /((?:^|\s)[A-Za-z][\w./-]*\[(?:\*\*)?)(\d+)((?:\*\*)?\]:)/gm,
  // charon's IKE_SA and CHILD_SA unique ids: `home[1]`, `home{3}`, `<home|1>` (strongSwan's bus logging, src/libcharon/sa/ike_sa.c)
  /(\b(?:IKE_SA|CHILD_SA|deleting|establishing|initiating|rekeying|closing) [\w.-]+[[{])(\d+)([\]}])/g,
  /(<[\w.-]+\|)(\d+)(>)/g,
  // pluto's state serial numbers: `"conn" #3:` and `"conn"[2] 1.2.3.4 #3:` (libreswan/programs/pluto/state.h: so_serial_t)
  // (a paste's first line may have lost its head up to the name's opening quote)
  /([^"\n]*"(?:\[\d+\])?(?: [\d.:a-fA-F]+)? #)(\d+)(:)/g,
  // IOS L2TP tunnel and call ids: `Tnl12345 L2TP:`, `Tnl/Sn12345/123`, `Cl 17`
  /(\bTnl(?:\/Sn)?)(\d+)()/g,
  // SoftEther's connection and session names: `Connection "CID-75"`, `Session "SID-USERXYZ-3"`
  /(\bCID-)(\d+)()/g,
  /(\bSID-[A-Z0-9_]+(?:-[A-Z0-9_]+)*?-)(\d+)(")/g,
];

/** L2TP's tunnel and call ids and PPTP's call ids are 16 bits (RFC 2661 §3.1, RFC 2637 §2): another within them, a bijection */
export const otherId16 = (digits: string): string => String(((Number(digits) * 7919 + 2917) % 65535) + 1);
const ID16_PLACES: readonly RegExp[] = [
  // xl2tpd (control.c) `Maximum retries exceeded for tunnel 9072.`, `Calling on tunnel 57367`; RouterOS `l2tp,debug tunnel 81 entering state`
  /(\btunnel )(\d+)()(?=[.\s]|$)/gm,
  // xl2tpd (control.c): `Connection established to a, 1701.  Local: 12345, Remote: 3`, `Call established with a, Local: 2345, Remote: 4`
  /(\b(?:Local|Remote): )(\d+)(?=[, ])()/g,
  // pptp-linux: `received from peer_callid 0`, `Call-ID 4`
  /(\b(?:peer_)?call_?id[ =:]*|\bCall-ID:? )(\d+)()/gi,
];

/** every identity number changed to another with more digits (a 16-bit one within 16 bits) */
export function otherIdentityNumbers(text: string): string {
  let out = text;
  for (const find of ID_PLACES) out = out.replace(find, (_m, before: string, digits: string, after: string) => `${before}${otherId(digits)}${after}`);
  for (const find of ID16_PLACES) out = out.replace(find, (_m, before: string, digits: string, after: string) => `${before}${otherId16(digits)}${after}`);
  return out;
}

// ------------------------------------------------------------------------------------------------------------------ dates

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/**
 * a classic syslog time at a line's start, after a priority (RFC 3164 §4.1.2): the day's tens a blank, a 0, or left out; IOS's with
 * `*` or `.` before it (a clock not set or not synchronised), the ASA's with its year after the day (`Sep 03 2014 05:12:22`); a
 * device's relayed by a collector that wrote its own time first (`2022-11-08T17:06:37+01:00 <30>Nov  8 17:06:36 OVA MikroTik: …`)
 */
const CLASSIC = /^((?:(?:\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)? )?<\d{1,3}>)?[*.]?)(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( \d|0\d|\d\d|\d)( (?:\d{4} )?)(\d\d):(\d\d):(\d\d)/gm;
/** an ISO date and time at a line's start (RFC 3339 §5.6, or with a blank for the T) */
const ISO = /^([ |]*)(\d{4})-(\d\d)-(\d\d)([T ])(\d\d):(\d\d):(\d\d)/gm;
const ISO_YEAR = /^[ |]*(\d{4})-\d\d-\d\d[T ]\d\d:/m;
const SECONDS_A_DAY = 86_400;

/** where the log's times are moved: its first day, or the middle of its span onto a midnight (a year's turn, a leap day's) */
export type DateMove = { readonly startDay: string } | { readonly midnightAfter: string };

const utcSeconds = (y: number, m: number, d: number, hh: number, mm: number, ss: number) => Date.UTC(y, m, d, hh, mm, ss) / 1000;

/**
 * The log's dates and times moved by one fixed amount, so the gaps between its lines are kept: a yearless time is placed in the
 * year of the log's first ISO date, else 2024, counting a year on when the month steps back (a log across New Year). The target
 * is in 2024 (a leap year, so Feb 29 exists); a day written with a blank for its tens is written so again (`May  1`), with a 0 as `01`, alone as `1`.
 */
export function otherDates(move: DateMove) {
  return (text: string): string => {
    // (a log with both, a collector's ISO time before a relayed classic one, places the yearless times in the ISO year)
    const isoYear = Number(text.match(ISO_YEAR)?.[1] ?? 2024);
    let year = isoYear;
    let lastMonth = -1;
    const classicAt = (month: number, day: number, hh: number, mm: number, ss: number, written?: string) => {
      if (written?.trim()) year = Number(written);
      else if (lastMonth > month + 1) year++;
      lastMonth = month;
      return utcSeconds(year, month, day, hh, mm, ss);
    };
    let [first, last] = [Infinity, -Infinity];
    const see = (at: number) => ([first, last] = [Math.min(first, at), Math.max(last, at)]);
    for (const m of text.matchAll(CLASSIC)) see(classicAt(MONTHS.indexOf(m[2]!), Number(m[3]!.trim()), Number(m[5]), Number(m[6]), Number(m[7]), m[4]));
    for (const m of text.matchAll(ISO)) see(utcSeconds(Number(m[2]), Number(m[3]) - 1, Number(m[4]), Number(m[6]), Number(m[7]), Number(m[8])));
    if (first === Infinity) return text;
    const [mon, day] = ('startDay' in move ? move.startDay : move.midnightAfter).split(' ') as [string, string];
    const shift =
      'startDay' in move
        ? utcSeconds(2024, MONTHS.indexOf(mon), Number(day), 0, 0, 0) - Math.floor(first / SECONDS_A_DAY) * SECONDS_A_DAY
        : utcSeconds(2024, MONTHS.indexOf(mon), Number(day) + 1, 0, 0, 0) - Math.floor((first + last) / 2) - 1;
    year = isoYear;
    lastMonth = -1;
    const two = (n: number) => String(n).padStart(2, '0');
    const clock = (d: Date) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
    const withClassic = text.replace(CLASSIC, (_m, pri: string, mon: string, day: string, gap: string, hh: string, mm: string, ss: string) => {
      const d = new Date((classicAt(MONTHS.indexOf(mon), Number(day.trim()), Number(hh), Number(mm), Number(ss), gap) + shift) * 1000);
      const n = d.getUTCDate();
      const dd = n >= 10 ? String(n) : day.length === 1 ? String(n) : day.startsWith('0') ? `0${n}` : ` ${n}`;
      return `${pri}${MONTHS[d.getUTCMonth()]} ${dd}${gap.trim() ? ` ${d.getUTCFullYear()} ` : gap}${clock(d)}`;
    });
    return withClassic.replace(ISO, (_m, lead: string, y: string, mo: string, dd: string, sep: string, hh: string, mm: string, ss: string) => {
      const d = new Date((utcSeconds(Number(y), Number(mo) - 1, Number(dd), Number(hh), Number(mm), Number(ss)) + shift) * 1000);
      return `${lead}${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}${sep}${clock(d)}`;
    });
  };
}

// ------------------------------------------------------------------------------------------------------- hard-wrapped pastes

/**
 * Whether a paste looks hard-wrapped at a width (a forum's or a mail's column: lines.ts reads the width from the lines' lengths): its
 * longest length held by three lines or more, or a quoted-printable soft break (RFC 2045 §6.7: `=` at a line's end). A change that
 * makes lines longer is no other site's log there: that site's paste would have been wrapped elsewhere.
 */
export function looksHardWrapped(text: string): boolean {
  const lengths = text.split(/\r?\n/).map((l) => l.length);
  const widest = lengths.reduce((a, b) => Math.max(a, b), 0);
  return (widest >= 60 && lengths.filter((n) => n === widest).length >= 3) || /[^\s=]=\r?\n\S/.test(text);
}

/** whether every line of `b` has the length of `a`'s line at its place */
export const sameLineLengths = (a: string, b: string): boolean => {
  const [x, y] = [a.split('\n'), b.split('\n')];
  return x.length === y.length && x.every((l, i) => l.length === y[i]!.length);
};

// ------------------------------------------------------------------------------------------------------- connection names

/** where charon, pluto and an ipsec.conf name a connection: `<home|1>`, `IKE_SA home[1]`, `CHILD_SA home{1}`, `"home"[2] … #3:`, `conn home` */
const CONN_PLACES: readonly RegExp[] = [
  /<([A-Za-z][\w.-]*)\|\d+>/g,
  /\b(?:IKE_SA|CHILD_SA) ([A-Za-z][\w.-]*)[[{]\d+[\]}]/g,
  /(?:^|[\s:])"([A-Za-z][\w.-]*)"(?:\[\d+\])?(?: [\d.:a-fA-F]+)? #\d+:/gm,
  /^\s*conn ([A-Za-z][\w.-]*)\s*$/gm,
];
/** names that are also words of the log's own text (a protocol, a program): renaming them would change that text too */
const CONN_WORDS = /^(?:l2tp|ipsec|pptp|ikev[12]|ike|esp|default|any|vpn|psk|xauth|charon|pluto|android|work|home)$/i;

/** every connection name changed to a longer one with a hyphen and digits (`vpn-site-1`), everywhere the log writes it as a word */
export function otherConnectionNames(text: string): string {
  const names = new Set<string>();
  for (const place of CONN_PLACES) for (const m of text.matchAll(place)) if (m[1]!.length >= 3 && !CONN_WORDS.test(m[1]!)) names.add(m[1]!);
  if (names.size === 0) return text;
  const escaped = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const word = new RegExp(`(?<![\\w.-])(${escaped.join('|')})(?![\\w-]|\\.\\w)`, 'g');
  return text.replace(word, (name) => `${name}-site-17`);
}

/** a bijection on each of 1–9, 10–99 and 100–254: the same number of digits, never 0 or 255 */
const otherHost = (h: number): number => (h < 10 ? ((h - 1 + 4) % 9) + 1 : h < 100 ? ((h - 10 + 37) % 90) + 10 : ((h - 100 + 71) % 155) + 100);
const QUAD = /(?<![\d./])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d/]|\.\d)/g;
export const otherAddresses = (text: string): string =>
  text.replace(QUAD, (quad, a: string, b: string, c: string, d: string) => {
    const [first, host] = [Number(a), Number(d)];
    const special = [a, b, c, d].some((x) => Number(x) > 255) || first === 0 || first === 127 || first >= 224 || host === 0 || host === 255;
    return special ? quad : `${a}.${b}.${c}.${otherHost(host)}`;
  });
