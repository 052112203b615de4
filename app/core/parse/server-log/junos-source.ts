import type { Prefixed } from './prefixed';
import { isDigit, isLetter } from './char-codes';

/**
 * Junos names the part of the device a line comes from between the host and the tag when it is not a routing engine's process: an
 * SRX's services card `(FPC Slot 1, PIC Slot 0)`, with the card's own name after it (`SPC1_PIC0`), a line card `fpc0`, a chassis
 * cluster node's card `node1.fpc0`. Real lines: test/fixtures/real/server-logs/srx-junos-* (`… AB01C-ABC (FPC Slot 1, PIC Slot 1)
 * PFE_FW_SYSLOG_IP: FW: reth11.31 A pim …`, `… - - - - node1.fpc0 PFE_FW_SYSLOG_IP: FW: …`, `node0.fpc1 gencfg no msg handlers …`
 * with no tag after the card); an EX switch's `show log messages`, `acc-3f-ex2300 fpc0 PFE_FW_SYSLOG_IP: FW: lo0.0   D   ospf …`
 * (search index file 62685021113). The `(FPC Slot N, PIC Slot M) SPCn_PICm kmd[pid]:` form is the one monitoring templates match
 * for an SRX's kmd on a services card (search index files 38053212980, 38389428390). Which card says nothing of the VPN: the tag
 * after it is the program (the card itself where no tag follows), the rest the message.
 */
const CARD = /^(?:\(FPC Slot \d+, PIC Slot \d+\)(?: SPC\d+_PIC\d+)?|(?:node\d+\.)?fpc\d+) +/;
const TAG = /^([A-Za-z][\w.-]*)(?:\[(\d+)\])?: ?/;

/** A line with no tag whose message starts with a Junos card (above): read again with the tag after the card; else undefined. */
export function junosCardLine(pre: Prefixed): Prefixed | undefined {
  const text = pre.message;
  const c = text.charCodeAt(0);
  // (only a line that may start so is looked at: `(`, `f`, `n`)
  if (c !== 40 && c !== 102 && c !== 110) return undefined;
  const card = CARD.exec(text);
  if (!card) return undefined;
  const rest = text.slice(card[0].length);
  const tag = TAG.exec(rest);
  const p: Prefixed = { shape: pre.shape, program: tag ? tag[1]! : card[0].trim(), message: tag ? rest.slice(tag[0].length) : rest };
  if (pre.time !== undefined) p.time = pre.time;
  if (pre.host !== undefined) p.host = pre.host;
  if (pre.level !== undefined) p.level = pre.level;
  if (tag?.[2] !== undefined) p.pid = tag[2];
  return p;
}

/**
 * A Junos event tag where the daemon's name would be: a `show log` copy whose date and host its author cut, `19:13:59  IKE_VPN_DOWN_ALARM_USER:
 * VPN waw-1 from 34.116.241.129 is down. …` (a blog's `show log vpn`, search index file 71113338355: iked's messages under a time alone).
 * kmd's and iked's tags (KMD_…, IKE_…) name their daemon: the line is read as that daemon's, its tag kept at the message's start as the
 * daemon writes it. Other tags (RT_FLOW's, the packet engine's) are left to the readers of their tags.
 */
const IKE_TAG = /^ *((KMD|IKE)_[A-Z0-9_]+): ?/;

const IKE_TAG_ALONE = /^(?:KMD|IKE)_[A-Z0-9_]+$/;

/**
 * A line with no program whose message starts with kmd's or iked's event tag (above), or one whose header reader took the tag for
 * the program (one blank after the time, as a web page that collapses blanks shows the copy: `19:13:59 IKE_VPN_DOWN_ALARM_USER: …`):
 * read as that daemon's; else undefined.
 */
export function junosEventTagLine(pre: Prefixed): Prefixed | undefined {
  if (pre.program === undefined) return hostDaemonLine(pre) ?? eventTagLine(pre, pre.message);
  return pre.pid === undefined && IKE_TAG_ALONE.test(pre.program) ? eventTagLine(pre, `${pre.program}: ${pre.message}`) : undefined;
}

/** `text` (the message, the tag at its start) as the line of the daemon its tag names; undefined when it starts with no such tag. */
function eventTagLine(pre: Prefixed, text: string): Prefixed | undefined {
  const m = IKE_TAG.exec(text);
  if (!m) return undefined;
  const p: Prefixed = { shape: pre.shape, program: m[2] === 'KMD' ? 'kmd' : 'iked', message: text.slice(text.indexOf(m[1]!)) };
  if (pre.time !== undefined) p.time = pre.time;
  if (pre.host !== undefined) p.host = pre.host;
  return p;
}

/**
 * kmd's or iked's line with its host and daemon but no date — a copy whose author cut the date off: `vsrx-p4 iked[17437]:
 * IKE_GATEWAY_ID_VALIDATION_SUCCESS: …` (a Juniper engineer's article on SRX IKEv2 remote access, search index file 70922052712), its
 * second line with a stray backslash before the host (`\vsrx-p4 iked[17437]: IKE_VPN_UP_ALARM_USER: …`: Markdown's line-break mark
 * left on the copy, assumed). Only the two IKE daemons with one of their event tags are read so: a bare `host program[pid]:` is
 * too common a shape to be taken for a header on its own.
 */
const HOST_DAEMON = /^\\?([A-Za-z0-9][\w.-]*) (kmd|iked)\[(\d+)\]: (?=(?:KMD|IKE)_[A-Z0-9_]+: )/;

/** Whether a line is kmd's or iked's with host and daemon but no date (above): a record of its own, no wrapped rest of the one before. */
export const isHostDaemonLine = (line: string): boolean => HOST_DAEMON.test(line);

function hostDaemonLine(pre: Prefixed): Prefixed | undefined {
  const c = pre.message.charCodeAt(0);
  // (a letter, a digit or the backslash: the line's host)
  if (!(c === 92 || isDigit(c) || isLetter(c))) return undefined;
  const m = HOST_DAEMON.exec(pre.message);
  if (!m) return undefined;
  const p: Prefixed = { shape: pre.shape, host: m[1]!, program: m[2]!, pid: m[3]!, message: pre.message.slice(m[0].length) };
  if (pre.time !== undefined) p.time = pre.time;
  return p;
}
