/**
 * What an author adds around a log pasted into a blog, forum or issue, taken off the line before it is read (line-normalize.ts
 * withoutAuthorsMarks): an arrow note after a line and a blog's text-setting HTML tags at a line's ends. Each found in one pass —
 * the patterns these replaced backtracked without bound on damaged lines (round 43, backtracking-forms.test.ts).
 */
import { isBlank } from '../linear-text';

/*
 * An author's note after a pasted line, pointed at it by an arrow (`… MPPE required but peer negotiation failed   <-- this is the
 * error`, `… INVALID_KE_PAYLOAD <== here`, `… ← 这里`): common in forum and issue pastes (one in the IOS-XE lab note, real-ios-phase2
 * fixtures). The note is no part of the line, and a rule anchored at the line's end misread it. Only an arrow after a blank and
 * before one, so pppd's `Connect: ppp0 <--> /dev/pts/0` stays; the line keeps its text up to the arrow.
 */

const isLineTerminator = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * Where an author's arrow note starts — the blanks before the first arrow that has a blank after it, or a `←` at the line's end
 * (what `/[ \t]+(?:<-+|<=+|\u2190)[ \t].*$|[ \t]+\u2190$/` matched) —, or -1: found arrow by arrow. That pattern, tried from every
 * blank of a long run before a `<` that was no arrow, was n² (a 32 000-character line: 1 s, on any line that holds `<` and a blank;
 * found by feeding ReDoS attack strings through the reader, round 43).
 */
export function arrowNoteStart(s: string): number {
  let lastTerminator = s.length - 1;
  while (lastTerminator >= 0 && !isLineTerminator(s.charCodeAt(lastTerminator))) lastTerminator--;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c !== 60 /* < */ && c !== 0x2190) || !isBlank(s.charCodeAt(i - 1))) continue;
    let j = i + 1;
    if (c === 60) {
      const shaft = s.charCodeAt(j);
      if (shaft !== 45 /* - */ && shaft !== 61 /* = */) continue;
      while (s.charCodeAt(j) === shaft) j++;
    }
    // (`.*$`: nothing after the arrow's blank may end a line — `.` stops there)
    const noted = (isBlank(s.charCodeAt(j)) && lastTerminator <= j) || (c === 0x2190 && j === s.length);
    if (!noted) continue;
    let start = i - 1;
    while (start > 0 && isBlank(s.charCodeAt(start - 1))) start--;
    return start;
  }
  return -1;
}

/**
 * A DrayTek's PPP packet trace points its own arrow at the packet's direction, `SSLTunnel (VPN-1) <== Protocol:LCP(c021) ConfAck …`,
 * `L2TP <== Control(0xC802)-L-S …` (families/draytek.ts): the log's text, no author's note. Asked only of a line that has an arrow.
 */
const DRAYTEK_PPP_ARROW = /\) <== Protocol:\w+\([0-9a-f]{4}\) |L2TP <== Control\(0x/i;

/**
 * A program's own comparison, `a <= b`, is no arrow: Libreswan prints the condition its internal check found false, `EXPECTATION FAILED:
 * proposal->remote_spi.size <= sizeof(proposal->remote_spi.size) (in print_proposal() at ikev2_spdb_struct.c:351)` (libreswan #678). A lone
 * `<=` before code (a call or a member, `name(`, `->`) is the log's text; an author's note is words (`<== here`, `<-- this is the error`).
 */
const COMPARISON_NOT_ARROW = /[ \t]<=[ \t][^\s(]*(?:\w\(|->)/;

export function withoutArrowNote(s: string): string {
  if (DRAYTEK_PPP_ARROW.test(s) || COMPARISON_NOT_ARROW.test(s)) return s;
  const at = arrowNoteStart(s);
  const cut = at < 0 ? s : s.slice(0, at);
  return cut.trim() === '' ? s : cut;
}

/**
 * The HTML tags a blog's or forum's source puts around a pasted log, at its first line's start and its last line's end
 * (`<pre>Mar 21 12:20:27 feist pppd[28594]: Plugin …`, `… pppd[28594]: Exit.</pre>`: a Jekyll post's Markdown, whose text is
 * otherwise plain — a whole saved page is read as a page, html-page.ts). Only tags that set text (pre, code, tt, samp, kbd, p,
 * div, span, font, b, i, br), so a log's own `<pptp-alice>` (RouterOS) or `<Packet-Type>` stays.
 */
// (a tag's name ends at a blank, `/` or `>`: `<b.smith>`, `<i-sales>` are a user's or group's name in angle brackets, an ASA's
// `User <b.smith>`, not markup — the same test asa.ts's HTML stripping makes)
// (a tag's end is `>` after its attributes — which may end in `/` — or `/>` without them: one way to read each tag. The form
// `(?:\s[^<>]*)?\/?>` read `<P />` two ways, so a run of such tags that did not reach the line's end backtracked exponentially —
// 28 tags took minutes, found by a ReDoS check (recheck) of the readers' patterns)
const MARKUP_AT_START = /^(?:<(?:pre|code|tt|samp|kbd|p|div|span|font|b|i|br)(?:\s[^<>]*|\/)?>)+/i;
/** one tag that sets text, alone (the line's end is taken off tag by tag from the back: a pattern tried from every `<` was n²) */
const MARKUP_TAG = /^<\/?(?:pre|code|tt|samp|kbd|p|div|span|font|b|i|br)(?:\s[^<>]*|\/)?>$/i;

function withoutMarkupAtEnd(s: string): string {
  let end = s.length;
  while (s.charCodeAt(end - 1) === 62 /* > */) {
    const open = s.lastIndexOf('<', end - 1);
    if (open < 0 || !MARKUP_TAG.test(s.slice(open, end))) break;
    end = open;
  }
  return end === s.length ? s : s.slice(0, end);
}

export function withoutMarkupAtEnds(s: string): string {
  const cut = withoutMarkupAtEnd(s.replace(MARKUP_AT_START, ''));
  // (a line of markup alone stays a line: what was not blank is not made blank)
  return cut.trim() === '' ? s : cut;
}
