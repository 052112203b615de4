import { isPromptLine } from './shell-prompt';
import { timeSkeleton } from './log-boundary';
import { isRasClientMessage, RASCLIENT_SETTING_LINE } from './families/rasclient-message';
import { asaFamily } from './families/asa';
import { ikev2HeadOnly } from './families/asa-ikev2';
import { fortigateFamily } from './families/fortigate';
import { isFortiOsFieldsLine, isFortiOsRecord } from './families/fortigate-fields';
import { iosFamily } from './families/ios';
import { libreswanFamily } from './families/libreswan';
import { mikrotikFamily } from './families/mikrotik';
import { pppdFamily } from './families/pppd';
import { rasmanFamily } from './families/rasman';
import { rrasFamily } from './families/rras';
import { FORWARDED_EVENT_SOURCES, isSnareRecord } from './families/forwarded-event';
import { sonicwallFamily } from './families/sonicwall';
import { sfosFamily } from './families/sophos-firewall';
import { draytekFamily } from './families/draytek';
import { zynosFamily } from './families/zyxel-zynos';
import { racoonFamily } from './families/racoon';
import { sstpFamily } from './families/sstp';
import { continuesSoftEtherRecord, softetherFamily } from './families/softether';
import { strongswanFamily } from './families/strongswan';
import { VPN3000_HEAD, vpn3000Family } from './families/vpn3000';
import type { FamilyParser } from './kit';
import { splitPrefix, type Prefixed } from './prefix';
import { unglue } from './glued-lines';
import { NO_ASA_ID, NO_IKEV2, NO_SEV } from './line-hints';
import { MAX_RECORD_CHARS, type RawRecord } from './lines';
import { isMarkdownEventLine } from './families/event-markdown-table';
import { continuesFriendlyView, endsEventBlock, eventBlockEnded, isNpsBody, legacyLabelOf, MAX_EVENT_BLOCK_CHARS, readEventBlock, startsEventBlock, startsFriendlyView } from './families/windows-event-block';
import { isListSasLine } from './families/swanctl-list-sas';
import { isNpsLogFileLine } from './families/nps-log';
import { isJournalNote } from './families/systemd-units';
import { isHostDaemonLine } from './junos-source';
import { beginsPrinted, continuesPrinted } from './routeros-print';
import { exportSeparator, isExportLine, opensQuotedField, readExportRow } from './families/event-export';
import { isDigit, isLetter, isLower, isUpper } from './char-codes';

/**
 * The family detector: per record, the first family whose format claims it. Program tags decide
 * first (pppd[…], charon, pluto, %ASA-…); untagged lines go by their shape (VPN 3000 header, IOS
 * `Vi1 LCP:`, Format-List fields) and finally by message. Mixed logs (xl2tpd + pluto in one
 * paste) are normal: the family is chosen per record.
 */
export const FAMILIES: readonly FamilyParser[] = [vpn3000Family, asaFamily, rasmanFamily, strongswanFamily, libreswanFamily, iosFamily, zynosFamily, rrasFamily, sstpFamily, softetherFamily, pppdFamily, mikrotikFamily, fortigateFamily, sfosFamily, sonicwallFamily, draytekFamily];

/** The families that may take a record no family claimed (FamilyParser.claimsLeftover). */
export const LEFTOVER_FAMILIES: readonly FamilyParser[] = FAMILIES.filter((f) => f.claimsLeftover !== undefined);

/** The families whose state may say a line goes on the pending record (FamilyParser.continuesRecord). */
export const CONTINUING_FAMILIES: readonly FamilyParser[] = FAMILIES.filter((f) => f.continuesRecord !== undefined);

/** Program tags name their family outright (the common syslog case skips every other test). */
const BY_PROGRAM: ReadonlyMap<string, FamilyParser> = new Map([
  ...['pppd', 'pptpd', 'pptp', 'pptpctrl', 'xl2tpd', 'accel-pppd', 'pppoe-server', 'l2tpd', 'openl2tpd', 'mpd', 'mpd5', 'l2tps', 'pptps', 'poes'].map((p) => [p, pppdFamily] as const),
  ...['charon', 'charon-systemd', 'charon-cmd'].map((p) => [p, strongswanFamily] as const),
  // (not `ipsec`: strongSwan's starter logs charon's `09[IKE] …` lines under that tag too, so `ipsec` lines go by shape —
  // strongSwan's claims, a thread head, come before Libreswan's, which takes the tag)
  ...['pluto', 'addconn'].map((p) => [p, libreswanFamily] as const),
  // ipsec-tools' racoon (pfSense up to 2.1, Linux/FreeBSD hosts): its `racoon: LEVEL: message` lines (families/racoon.ts)
  ['racoon', racoonFamily] as const,
  // Windows events forwarded as syslog lines under their source's name (families/forwarded-event.ts)
  ...FORWARDED_EVENT_SOURCES.map((p) => [p, rrasFamily] as const),
]);

export function detectFamily(pre: Prefixed): FamilyParser | undefined {
  const byProgram = pre.program ? BY_PROGRAM.get(pre.program) : undefined;
  if (byProgram) return byProgram;
  // a plain loop: find() with an arrow would make a closure per record
  for (let i = 0; i < FAMILIES.length; i++) if (FAMILIES[i]!.claims(pre)) return FAMILIES[i];
  return undefined;
}

const FIELD_LINE = /^[A-Za-z]+\s*: /;
const MESSAGE_FIELD = /^Message\s*: /;
/** a RouterOS `echo` action line: `echo: ` and a topic list with a comma (families/mikrotik.ts) */
const ROUTEROS_ECHO = /^echo: [a-z0-9-]+,/;

/**
 * Continuation lines (see lines.ts): PowerShell Format-List wraps long values onto indented lines;
 * the VPN 3000 event text goes on under its header (the FAQ's `User [ testuser ]` / `disconnected.
 * …`); IOS may print a packet's `[Open] id 3 len 16 …` on the next, indented line.
 */
export function continues(pending: RawRecord, line: string, blankBefore: number, wrapWidth = 0): boolean | 'wrap' {
  // a RouterOS `/log print detail` record's message (and RouterOS 7's extra-info) on the indented line under it (routeros-print.ts)
  if (continuesPrinted(pending.text, line)) return true;
  // (and a printed record's head is a record of its own, not an event's text: `Description:` of an indented NT 4 event quote before it)
  if (beginsPrinted(line)) return false;
  // (a shell's or router's prompt typed under a log is never its record's rest: shell-prompt.ts)
  if (isPromptLine(line)) return false;
  if (startsEventBlock(pending.text)) return continuesEventBlock(pending.text, line);
  // an Event Viewer export's row whose quoted message goes on (families/event-export.ts): its separator first, a few characters
  // that end at a syslog header's first digit
  if (exportSeparator(pending.text) !== 0 && continuesExportRow(pending.text, line)) return true;
  if (wrapWidth > 0 && blankBefore === 0 && continuesWrap(pending, line)) return 'wrap';
  if (blankBefore === 0 && endsAtSoftBreak(pending.text, line) && continuesWrap(pending, line)) return 'wrap';
  // (and the next piece of such a record, whose own cut kept no blank: it goes on mid-sentence, lower case after a letter)
  if (blankBefore === 0 && goesOnMidSentence(pending, line) && continuesWrap(pending, line)) return true;
  // a RasClient 20221 message's connection settings, one `Name = value` a line under it (rasclient-message.ts)
  if ((pending.text.charCodeAt(0) === 67 /* C */ || pending.text.charCodeAt(0) === 84) /* T */ && isRasClientMessage(pending.text) && RASCLIENT_SETTING_LINE.test(line)) return true;
  // an ASA IKEv2 message cut right after its `Username:…` head: its text is on the next line (families/asa-ikev2.ts), or on
  // the one after a blank line in a double-spaced copy too short to show it is one (LineSplitter counts its blanks then)
  if (blankBefore <= 1 && ((pending.hints ?? 0) & NO_ASA_ID) === 0 && ikev2HeadOnly(pending.text)) return splitPrefix(line.trim()).shape === 'none';
  // an IOS `debug crypto ikev2` record a PDF or forum copy wrapped: its rest on the next line, without a time (continuesIosIkev2);
  // past one blank line only under the paste's first line, a double-spaced copy's (before its second gap the splitter cannot tell)
  if ((blankBefore === 0 || (blankBefore === 1 && pending.line === 1)) && ((pending.hints ?? 0) & NO_IKEV2) === 0) {
    const ikev2 = continuesIosIkev2(pending, line);
    if (ikev2 !== false) return ikev2;
  }
  const indented = line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9;
  // a pfSense/OPNsense filterlog line whose CSV a Markdown copy put on indented lines under its header (continuesFilterlog); past
  // one blank line too, a double-spaced copy's (before its second gap the splitter cannot yet tell it is double-spaced)
  if (indented && blankBefore <= 1 && continuesFilterlog(pending.text, line)) return true;
  // only three kinds of record ever continue: Format-List fields, VPN 3000 events, IOS packets
  // (a Format-List Message goes on past blank lines: Get-WinEvent prints an event's paragraphs so, each indented)
  // (a `swanctl --list-sas` IKE_SA head, `gw: #1, ESTABLISHED, IKEv2, …`, looks like a field; its indented lines are records of their own)
  // (an IOS `ISAKMP: (0):…` record reads as a field too: its own indented lines are continuesIosIsakmp's, an indented `Event ID : …`
  // of an event quote pasted under it is not its)
  // (nor a RouterOS line its `echo` logging action printed, `echo: ipsec,debug,packet …`: a word and a colon, but no field — families/mikrotik.ts bodyOf)
  const fieldLike = indented && (blankBefore === 0 || MESSAGE_FIELD.test(pending.text)) && FIELD_LINE.test(pending.text) && !isListSasLine(pending.text) && !IOS_ISAKMP_RECORD.test(pending.text) && !ROUTEROS_ECHO.test(pending.text);
  const v3 = ((pending.hints ?? 0) & NO_SEV) === 0 && pending.text.includes('SEV=');
  const iosPacket = indented && pending.text.includes('CP: ');
  // (past blank lines — up to three: a blog's copy that put one after each line, doubled again by a CRLF conversion — only while the
  // record's text is unfinished, its last piece ending in a comma, or for a line that starts with one of the record's own fields)
  // (the substrings first: this runs for every line after a record, and the regex scan of the whole line cost explain-log ≈ 7 %)
  // (and only for a line IOS_IPSEC_MORE or IOS_MAPDB_MORE could take: one that starts with a capital or a digit — every syslog, ISO
  // or IOS header — can be neither, and the two substring searches of the record, per line, cost explain-log 5–7 %)
  const iosCrypto = (indented || !startsCapitalOrDigit(line)) && (pending.text.includes('IPSEC(') || pending.text.includes('Crypto mapdb : ')) && (blankBefore === 0 || (blankBefore <= 3 && (/,\s*$/.test(pending.text) || IOS_IPSEC_FIELD.test(line)))) && pending.endLine - pending.line < IOS_CRYPTO_MAX_LINES && IOS_CRYPTO_RECORD.test(pending.text);
  // IOS-XE's `Sending NOTIFY PROPOSAL_NOT_CHOSEN protocol 3` puts the notify's `spi …, message ID = …` on the indented line under it
  if (indented && blankBefore === 0 && IOS_NOTIFY_MORE.test(line) && pending.text.includes('NOTIFY ')) return true;
  // a firewall's packet line (the kernel's `IN=… OUT= … SRC=… DST=…`, families/netfilter-log.ts) a copy wrapped: its rest on the
  // indented line under it, starting with one of the kernel's own fields (a real firewalld FINAL_REJECT wrapped after `TOS=0x00`);
  // past one blank line too, a double-spaced copy's (in a two-line paste the splitter cannot yet tell it is double-spaced)
  if (indented && blankBefore <= 1 && NETFILTER_MORE.test(line) && pending.text.includes(' SRC=') && pending.text.includes(' DST=')) return true;
  if (blankBefore === 0 && continuesIosIsakmp(pending.text, line, indented)) return true;
  // a SoftEther IKE SA or IPsec SA record a copy wrapped after a field's name, its value and further fields on the indented line
  // under it (families/softether.ts continuesSoftEtherRecord: the record's last character, a colon, tested first); past one blank
  // line too, a double-spaced copy's
  if (indented && blankBefore <= 1 && continuesSoftEtherRecord(pending.text, line)) return true;
  if (!fieldLike && !v3 && !iosPacket && !iosCrypto) return false;
  if (fieldLike && !/^\s*[A-Za-z]+\s+: /.test(line)) return true;
  const pre = splitPrefix(line.trim());
  if (pre.shape !== 'none') return false;
  // (a header-less line a family reads as its own — a charon `09[IKE] …`, a pasted event's `Log Name:` — is another log's, pasted below the event)
  // (nor a line of records glued together, a forum copy's lost newlines: RouterOS's `respond new phase 1 …failed to get valid proposal.…`
  // reads as records once cut, glued-lines.ts, not as the event's text)
  if (v3 && pending.endLine - pending.line < 8 && continuesVpn3000(pending) && !VPN3000_HEAD.test(line.trim()) && detectFamily(pre) === undefined && !isJournalNote(pre.message) && unglue(line.trim()).length === 1) return true;
  if (iosPacket && /(?:LCP|CCP|IPCP|IPV6CP): [IO] [A-Z]+$/.test(pending.text) && /^\s+\[\w+\]/.test(line)) return true;
  if (iosCrypto && (pending.text.includes('IPSEC(') ? IOS_IPSEC_MORE.test(line) : indented && IOS_MAPDB_MORE.test(line))) return true;
  return false;
}

/**
 * A filterlog line (families/filterlog.ts) whose CSV goes on on the indented line under it: a Markdown copy of pfSense's RFC 5424
 * lines that put the header alone (`<134>1 2026-04-08T17:43:10-04:00 edgefw.core.home.arpa filterlog - - -`, then `  1,6,,1000000103,
 * ix1,…,47,gre,564,` and `  84.54.149.97,[REDACTED_WAN_IP],datalength=544`: test/fixtures/real/SOURCES.md). The record is unfinished
 * when it ends at its header (RFC 5424's nil `-` or structured data `]`, RFC 3164's `filterlog[pid]:`) or after a comma; the line is a run of CSV fields,
 * no blank inside (no header, no prose). The record's last character first: a plain log's record ends so rarely.
 */
function continuesFilterlog(pending: string, line: string): boolean {
  const last = pending.charCodeAt(pending.length - 1);
  if ((last !== 44 /* , */ && last !== 45 /* - */ && last !== 58 /* : */ && last !== 93) /* ] */ || !pending.includes('filterlog')) return false;
  const text = line.trim();
  return FILTERLOG_MORE.test(text) && (last === 44 || (FILTERLOG_HEAD_ONLY.test(pending) && text.includes(',')));
}
/** CSV fields without a blank (a continuation piece may be its last field alone, `datalength=544`, after a comma) */
const FILTERLOG_MORE = /^[^\s]+$/;
/** a filterlog header with no message after it: RFC 3164's `filterlog[41873]:`, RFC 5424's `filterlog - - -` or `filterlog 76404 - [meta …]` */
const FILTERLOG_HEAD_ONLY = /(?:^|\s)filterlog(?:\[\d+\]:|(?: \S+){2} (?:-|\[[^\]]*\]))$/;

/**
 * The rest of an IOS `debug crypto ikev2` record (families/ios-ikev2.ts) that a PDF or forum copy wrapped onto the next line: Cisco's
 * document 117337 (an IKEv2 tunnel between an ASA and an IOS router) prints the router's debugs so — `… IKEv2:(SESSION ID = 172,SA ID
 * = 1):Searching policy` then `based on peer's identity 'hostname=asa.cisco.com' of type 'DER ASN1 DN'`, `…:: Failed to` then `locate
 * an item in the database`, `…SA ID = 68):` then `Get peer's authentication method`, `…SA ID = 68)` then `:Verification of peer's
 * authentication data FAILED` (test/fixtures/real/SOURCES.md). The line has no log header and is no line any family reads: IOS's own
 * head-less lines under a packet (`Initiator SPI : …`, `Payload contents:`, the payload list) and its version banner stay records.
 * A record takes at most three such pieces (the document's longest, an `SM Trace->` line, took two). Only after a blank-free gap and
 * in a text that holds such a head (the chunk's NO_IKEV2 hint): a plain log never gets here.
 */
function continuesIosIkev2(pending: RawRecord, line: string): boolean | 'wrap' {
  if (pending.endLine - pending.line >= IOS_IKEV2_MAX_PIECES || !IOS_IKEV2_RECORD.test(pending.text)) return false;
  const piece = line.trim();
  // (an author's elision under a line, `...` or `…` alone — study notes of a `show log` — is no rest of it: IOS prints no such piece)
  if (piece.charCodeAt(0) === 46 /* . */ || piece.charCodeAt(0) === 0x2026) {
    if (/^(?:\.{2,}|\u2026)$/.test(piece)) return false;
  }
  const pre = splitPrefix(piece);
  if (pre.shape !== 'none' || detectFamily(pre) !== undefined || isJournalNote(piece)) return false;
  // (a piece that starts with the head's closing colon is joined without a blank: the head `(… SA ID = 68):` whole again)
  return piece.charCodeAt(0) === 58 /* : */ ? 'wrap' : true;
}
/**
 * IOS's `IKEv2:` or `IKEv2-ERROR:` head after a time or a tag (not a `debug crypto ikev2` command typed at a prompt); IOS's `CRYPTO_PKI:`
 * lines between them, wrapped alike in the same document (`CRYPTO_PKI: No trust point for cert issuer,` then `looking up cert chain`:
 * families/ios-pki.ts); and the ASA's console debug at a line's start (families/asa-ikev2.ts), wrapped in the same document:
 * `IKEv2-PROTO-1: (140): Unsupported cert encoding found or Peer requested`, `HTTP URL but never sent`, `HTTP_LOOKUP_SUPPORTED
 * Notification`; `IKEv2-PROTO-5: (172): SM Trace-> SA: I_SPI=…`, `R_SPI=… (I) MsgID = 00000001 CurState: I_PROC_AUTH`, `Event:
 * EV_AUTH_FAIL`. It has no time: a record of its own is told from its rest by the family test alone (the ASA's `Proposal n:` lines
 * under `Received Policies:` are the family's, so they stay records)
 */
const IOS_IKEV2_RECORD = /(?:^|[\s:])(?:IKEv2(?:-ERROR|-INTERNAL)?:|CRYPTO_PKI ?:)|^I?KEv2-(?:PROTO|PLAT)-\d: /;
const IOS_IKEV2_MAX_PIECES = 3;

/** The line starts with A–Z or 0–9: no `\s*(` nor `\s*[a-z_]` start (IOS_IPSEC_MORE), no indent (IOS_MAPDB_MORE). */
function startsCapitalOrDigit(line: string): boolean {
  const c = line.charCodeAt(0);
  return isUpper(c) || isDigit(c);
}

/**
 * A VPN 3000 event's text goes on under its header when the header line ends at its peer (the concentrator's own
 * event log: `103 12/09/1999 09:08:01.550 SEV=6 PPP/4 RPT=3 80.50.0.4`, then `User [ testuser ]`, then
 * `disconnected. …`, as the seed FAQ and Cisco's event-log page print it). When the text began on the header line (a
 * syslog message, one line per event: `… RPT=4978  User [127.0.0.1] Group [127.0.0.1] connected, …`) the event is
 * whole: a header-less line after it is another log's (a second log pasted below it, prose), not its text — assumed for
 * the event log's own `RPT=4623 Error on socket accept.` form too, which no copy shows continued. Once a line was
 * joined, the record goes on as before (up to eight lines).
 */
function continuesVpn3000(pending: RawRecord): boolean {
  const head = VPN3000_HEAD.exec(pending.text.replace(/^.*?(?=\d\d\/\d\d\/\d{4} )/, ''));
  if (!head) return false;
  // (the head's text group: the peer itself when nothing follows it, as the optional peer group then matches nothing)
  const text = head[14] ?? '';
  return pending.endLine > pending.line || (head[13] === undefined && /^\d[\d.]*\s*$/.test(text)) || text.trim() === '';
}

/**
 * IOS `debug crypto ipsec` prints a record over several lines: `IPSEC(create_sa): sa created,` then `(sa) sa_dest= …, sa_proto= 50,`,
 * `sa_spi= …`, `(identity) local= …` (indented; a web copy may lose the indent, Cisco's VPN solutions guide prints `(key eng. msg.)
 * src= …` at the line's start), and `Crypto mapdb : proxy_match` its `src addr     : …` fields on indented lines (IOS-XE 16 debug).
 */
const IOS_CRYPTO_RECORD = /(?:^|: )(?:IPSEC\([\w_]+\): |Crypto mapdb : )/;
// (and IOS 15's transform set after `… not supported for identity:`, `    {esp-aes 256 esp-sha512-hmac }`: ios-crypto.ts)
const IOS_IPSEC_MORE = /^\s*(?:\((?:key eng\. msg\.?|sa|identity)\) |[a-z_]+(?:\([\w/]+\))?= |\{[\w -]*\}\s*$)/;
const IOS_NOTIFY_MORE = /^\s+spi \d+, message ID = -?\d+/;
/**
 * IOS `debug crypto isakmp` prints an ID payload's fields on indented lines under `ISAKMP: (1003):ID payload` (`next-payload : 8`,
 * `type : 1`, `address : …`, `protocol : 17`, `port : 0`, `length : 12`; IOS-XE 16 puts `address` and `protocol` back on lines of
 * their own, the rest stays indented), `SA authentication status:` its value (`authenticated`), and breaks `Process initial contact,` before its rest, `bring down existing phase 1 and 2
 * SA's with local … remote …`, at the line's start (a real IOS-XE console, test/fixtures/real/SOURCES.md): both are the record's.
 */
const IOS_ISAKMP_RECORD = /(?:^|: )ISAKMP(?:-\w+)?(?:: ?| )\(/;
const IOS_ISAKMP_FIELD = /^\s+(?:next-payload|type|address|protocol|port|length)\s+: \S/;
/** `ISAKMP: (1003):SA authentication status:` and its value, `authenticated`, on the indented line under it */
const IOS_ISAKMP_STATUS = /status:\s*$/;
const IOS_ISAKMP_STATUS_VALUE = /^\s+[a-z]+(?: [a-z]+)?\s*$/;
function continuesIosIsakmp(pending: string, line: string, indented: boolean): boolean {
  if (indented) return (IOS_ISAKMP_FIELD.test(line) || (IOS_ISAKMP_STATUS.test(pending) && IOS_ISAKMP_STATUS_VALUE.test(line))) && IOS_ISAKMP_RECORD.test(pending);
  const c = line.charCodeAt(0);
  return isLower(c) && /,\s*$/.test(pending) && IOS_ISAKMP_RECORD.test(pending) && splitPrefix(line).shape === 'none';
}
/**
 * The fields the kernel writes after `SRC=`/`DST=` in a packet log line, in its order (net/netfilter/nf_log_syslog.c: dump_ipv4_packet,
 * dump_ipv6_packet, nf_log_dump_tcp_header / nf_log_dump_udp_header, the ICMP part), and its flags written bare (DF, SYN …): what the
 * wrapped rest of such a line starts with.
 */
const NETFILTER_MORE = /^[ \t]+(?:(?:LEN|TOS|PREC|TTL|ID|PROTO|SPT|DPT|WINDOW|RES|URGP|TYPE|CODE|SEQ|ACK|OPT|MARK|UID|GID|TC|HOPLIMIT|FLOWLBL|INCOMPLETE)=|(?:DF|MF|CE|SYN|ACK|FIN|RST|PSH|URG)(?: |$))/;
/** the fields IOS starts a `debug crypto ipsec` record's further lines with (IOS 12.2 to IOS-XE 16, as in the real logs) */
const IOS_IPSEC_FIELD = /^\s*(?:\((?:key eng\. msg\.?|sa|identity)\) |(?:local|remote|src|dest)_proxy= |protocol= |lifedur= |spi= |sa_(?:spi|trans|lifetime\(k\/sec\))= )/;
const IOS_MAPDB_MORE = /^\s+(?:src addr|dst addr|protocol|src port|dst port)\s+: /;
// (a record's physical lines: IOS prints at most eight; a copy that put a blank line after each, its line ends then doubled, makes
// them up to four times as many)
const IOS_CRYPTO_MAX_LINES = 32;

/**
 * A line's log header shape ('none': none), where LineSplitter tells a second pasted log from the first (log-boundary.ts): the
 * header's kind, whether it names a host or a program (either), and its time's shape — charon's own file log (`Jan 27 03:00:50
 * 10[ENC] …`) and a syslog server's copy of charon (`Jul 06 15:47:07 gw ipsec[14464]: 09[IKE] …`) are two logs, though both start with
 * a syslog time; so are charon's file log with a weekday (`Mon, 2021-05-10, 16:19:17 06[IKE]`) and a FortiGate's debug (`2016-05-26
 * 07:49:06 ike 0:…`). Not which of the two it names: one log's lines read now as a host, now as a program (an Openswan client's file
 * log: `… ipsec__plutorun: …`, `… xl2tpd[11719]: …`, then pluto's `… 104 "TA_VPN" #1: …`, its status code read as a host; an SRX's
 * lines alike) — told apart, they cut the log in two and its first hard-wrapped line lost its rest (server-log-paste-copies).
 */
export const headShape = (text: string): string => {
  const p = splitPrefix(text);
  if (p.shape === 'none') return 'none';
  return `${p.shape}${p.host !== undefined || p.program !== undefined ? '+named' : ''}${p.time !== undefined ? ` ${timeSkeleton(text)}` : ''}`;
};

/** Whether a line begins a record some family reads (LineSplitter's startsRecord: a paste shifted by one to three blanks). */
export const startsRecord = (text: string): boolean => detectFamily(splitPrefix(text)) !== undefined;

/**
 * A record whose line ends in a blank after a word or a comma was cut there by whoever copied it, its rest on the next line: mail's
 * flowed text marks a soft line break by the blank it leaves at the line's end (RFC 3676 §4.2), a blog's copy of an SRX's `show log
 * vpn` (test/fixtures/real/server-logs/srx-iked-show-log-vpn-time-only-*) breaks iked's long messages after their commas so, and a
 * forum post's editor wraps a pptpd line at a word, keeping the blank (`… GRE: read(fd=6,…) from PTY ` then `failed: status = -1 …`,
 * `… CTRL: Client 192.168.1.240 control connection ` then `finished`: pppd-pptpd-forum-copy-hand-wrapped-*; after a word, only a
 * rest that starts in lower case). A daemon's own line that ends in a blank (xl2tpd's `start_pppd: I'm running: `, pppd's
 * `Connect: ppp0 <--> `) is followed by a line with a header of its own, or one a family reads (continuesWrap): never joined.
 * Read as one record whatever the lines' lengths, so a copy that collapsed its runs of blanks (a web page's text) reads as the
 * copy itself; a fixed wrap width needs two lines of one length.
 */
function endsAtSoftBreak(text: string, line: string): boolean {
  const n = text.length;
  if (n <= 2 || text.charCodeAt(n - 1) !== 32) return false;
  const before = text.charCodeAt(n - 2);
  if (before === 44 /* , */) return true;
  // (after a word, only a rest that goes on in lower case: the kernel's packet log ends each line in a blank, `… SYN URGP=0 `, and
  // whatever is pasted under it — a prompt, a table's head — starts otherwise)
  const first = line.charCodeAt(0);
  return before !== 32 && before !== 9 && isLower(first);
}

/**
 * The piece after a soft break whose own cut kept no blank (the same post: `failed: … usually caused by unexpected` then
 * `termination of pppd, check option syntax and pppd logs`): the record is already more than one line, its text stops at a letter
 * (mid-sentence, no full stop) and the line starts in lower case — a sentence going on, not a message of its own, which starts with
 * a capital or a daemon's word and a colon (continuesWrap: no header, no family's line). At most three pieces, as a wrap takes.
 */
function goesOnMidSentence(pending: RawRecord, line: string): boolean {
  if (pending.endLine === pending.line || pending.endLine - pending.line >= MID_SENTENCE_MAX_PIECES) return false;
  const first = line.charCodeAt(0);
  const last = pending.text.charCodeAt(pending.text.length - 1);
  return isLower(first) && isLetter(last);
}
const MID_SENTENCE_MAX_PIECES = 3;

/**
 * The rest of a line a paste cut (lines.ts WrapWidth, endsAtSoftBreak above): the record has a log header, the
 * line has none of its own, and it is no line of a header-less family (a charon `09[IKE] `, a
 * pluto `"conn" #1: `, an IOS `Vi1 LCP: `) — those start records as they are. Only asked when the
 * record's last line was exactly at the wrap width, or ended in a blank, or goes on mid-sentence.
 */
function continuesWrap(pending: RawRecord, line: string): boolean {
  // the next line of a log whose lines start alike (`Jul 06 …`, `<30>…`, `2024-…`): a new record, read without a header parse
  if (line.charCodeAt(0) === pending.text.charCodeAt(0) && line.charCodeAt(1) === pending.text.charCodeAt(1) && line.charCodeAt(2) === pending.text.charCodeAt(2)) return false;
  const head = splitPrefix(line);
  if (head.shape !== 'none' || splitPrefix(pending.text).shape === 'none') return false;
  // (journalctl's notes, `-- Subject: …`, are lines of their own too: index.ts reads them without a family)
  // (and an SRX's kmd or iked line whose date a copy cut: junos-source.ts)
  // (nor a FortiOS record's fields a copy put one a line: the fortigate family reads them as the record's rest whether or not a soft
  // break joined them — a double-spaced copy cannot join them — so the two copies read alike: families/fortigate.ts)
  return detectFamily(head) === undefined && !isJournalNote(line) && !isHostDaemonLine(line) && !(isFortiOsFieldsLine(line) && isFortiOsRecord(splitPrefix(pending.text).message));
}

/**
 * An event's XML after an event pasted as text is that event's own (Event Viewer's "Copy details as text" puts it under `Event Xml:`)
 * when the text has no XML yet and the XML's EventID is not another one than the text's `Event ID:` — a one-line XML event (`wevtutil
 * qe`'s) pasted after a Knowledge Base quote of event 20049 is event 20271, a record of its own.
 */
function xmlOfPending(pending: string, xml: string): boolean {
  if (pending.includes('<Event')) return false;
  const xmlId = /<EventID[^>]*>\s*(\d+)\s*<\/EventID>/.exec(xml)?.[1];
  const textId = xmlId === undefined ? undefined : readEventBlock(pending).id;
  return xmlId === undefined || textId === undefined || textId === Number(xmlId);
}

/**
 * A pasted Windows event (families/windows-event-block.ts) goes on, blank lines and all, until its
 * XML ends, the next event starts, a Format-List field (`Name   : value`) or a line with a log header
 * of its own (syslog, IOS …) or a line another family claims comes, or it reaches its cap. Its XML (`<Event xmlns=…>` after
 * `Event Xml:`) is part of it, not a new event.
 */
function continuesEventBlock(pending: string, line: string): boolean {
  if (pending.length >= MAX_EVENT_BLOCK_CHARS || eventBlockEnded(pending)) return false;
  const text = line.trim();
  // (Event Viewer's Friendly View copy: its tree, then free text as its data, up to a line another log's or another event's)
  const friendly = startsFriendlyView(pending);
  if (friendly && !continuesFriendlyView(pending, text)) return false;
  // (wevtutil's `Event[0]:` stands alone on its line, its `Log Name:` follows; Event Viewer's XML follows `Event Xml:` — `<Event xmlns=…>`, where
  // an NPS log file's DTS record is a bare `<Event>`: a log file pasted below the event, a record of its own)
  if (startsEventBlock(text) && !WEVTUTIL_HEAD.test(pending) && !(text.startsWith('<Event xmlns') && xmlOfPending(pending, text)) && endsEventBlock(pending, text)) return false;
  if (FORMAT_LIST_FIELD.test(text) && !legacyLabelOf(pending, text)) return false;
  const pre = splitPrefix(text);
  if (pre.shape !== 'none') return false;
  // a forwarded event in Snare's own layout (`HOST\tMSWinEventLog\t…`) is an event of its own, never a pasted one's text
  if (isSnareRecord(pre)) return false;
  // a header-less line another family reads as its own (a ppp.log trace after a quoted event, which has no end of its own) is not the event's text;
  // nor is an NPS log file's line (IAS or database format, one packet per line: a help desk's paste of the event and the log file after it) —
  // the other rras lines (`Source: …`) may be the event's own labels
  if (!pending.includes('<Event')) {
    // a whole RasClient message (its CoId, or the English 20227 / 20221 from `The user`) is another event's text only in a RasClient
    // event's block (its Description): after a Router or NPS event pasted as text it is the PC's own event pasted below it
    if (isRasClientMessage(text) && !pending.includes('RasClient')) return false;
    const other = detectFamily(pre);
    // (nor an Event Viewer export's row or header: an export pasted below the event, families/event-export.ts; nor a Markdown table of
    // events, its header or a VPN source's row: a Knowledge Base's table pasted below the event, families/event-markdown-table.ts)
    if (other !== undefined && ((friendly && !startsFriendlyView(text)) || other.family !== 'rras' || isNpsLogFileLine(text) || isExportLine(text) || (text.charCodeAt(0) === 124 && isMarkdownEventLine(text)))) return false;
    if (isJournalNote(text)) return false;
  }
  return true;
}
const FORMAT_LIST_FIELD = /^[A-Za-z]+ +: /;

/**
 * An export's row goes on while its quoted field is open (a message's line breaks are kept inside its quotes), up to a pasted event's
 * cap; a line that is a row or a header itself ends it (a message whose closing quote was lost, as in an author's copy that cut it short),
 * and so does another log's line, as it ends a pasted event (continuesEventBlock).
 */
function continuesExportRow(pending: string, line: string): boolean {
  if (pending.length >= MAX_EVENT_BLOCK_CHARS || !opensQuotedField(pending)) return false;
  const text = line.trim();
  if (isExportLine(text)) return false;
  // (nor a line with a log header of its own, one another family reads, or a pasted Windows event's first line — but an NPS message's
  // `Authentication Details:`, which is the row's own message: a log or an event pasted below an export whose last quote was lost)
  if (startsEventBlock(text) && !isNpsBody(text)) return false;
  const pre = splitPrefix(text);
  if (pre.shape !== 'none') return false;
  // (a forwarded event in Snare's layout is a record of its own; a whole RasClient message is the row's text only in a RasClient
  // row, as in a pasted event's block: after another source's row whose quote was lost, it is the PC's event pasted below it)
  if (isSnareRecord(pre) || (isRasClientMessage(text) && !pending.includes('RasClient'))) return false;
  const other = detectFamily(pre);
  return other === undefined || other.family === 'rras';
}
const WEVTUTIL_HEAD = /^Event\[\d+\]:?\s*$/;

/** How long a record may grow by continuation lines: a pasted event holds its whole XML, a Format-List Message its whole message (an NPS 6273's is about 2 000 characters). */
export const recordCap = (pending: RawRecord): number => (startsEventBlock(pending.text) || MESSAGE_FIELD.test(pending.text) || isExportRow(pending.text) ? MAX_EVENT_BLOCK_CHARS : MAX_RECORD_CHARS);
// (an export's row with its whole message, as long as a pasted event: an NPS 6273's message is about 2 000 characters)
const isExportRow = (text: string): boolean => exportSeparator(text) !== 0 && readExportRow(text) !== undefined;
