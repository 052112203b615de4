import { hasGlueWord, NO_ASA_ID, NO_GLUE_WORD, ONE_TAG } from './line-hints';

/** Records glued into one line by a copy that lost its newlines: where they may be (maybeGlued) and where to cut (unglue). */

export const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';

/** The VPN daemons whose tagged records a copy glues (or flattens: flattened-records.ts) after another record. */
export const VPN_TAGS = '(?:pppd|pptpd|pptp|xl2tpd|pluto|charon|accel-pppd|pppoe-server)';

/**
 * Where a new record starts inside a line whose newline was lost: a program tag, a syslog or
 * RASMAN timestamp, or a RouterOS message start, right after a non-space character.
 */
const GLUE = new RegExp(
  [
    // (not after `-`: `accel-pppd[2898]: ` is one tag, not `accel-` and a pppd record)
    String.raw`(?<=[^\s-])(?=\b${VPN_TAGS}\[\d+\]: )`,
    // not after `>`: `<30>Nov  8 17:06:36 …` is one record with its syslog priority, not two
    String.raw`(?<=[^\s\d:>])(?=${MONTH} [ \d]\d \d\d:\d\d:\d\d \S)`,
    String.raw`(?<=\S)(?=\[\d+\] (?:\d\d-\d\d )?\d\d:\d\d:\d\d:\d{3}: )`,
    // RouterOS ipsec/l2tp/ppp messages (MikroTik forum copies lose every newline)
    // (not after a quote: `message="phase1 negotiation failed …"` is a printed record's own message, routeros-print.ts)
    String.raw`(?<=[^\s"])(?=(?:ISAKMP-SA (?:established|deleted)|first L2TP UDP packet|purging ISAKMP-SA|respond new phase 1|initiate new phase 1|IPsec-SA (?:established|deleted|expired)|acquired \S+ address|phase1 negotiation failed|phase2 negotiation failed)\b)`,
    // …and racoon's messages about one peer, which RouterOS starts with the peer's address (`10.5.107.112 failed to get valid
    // proposal.`), masked by the poster too (`x.x.x.x`): glued after a port's `]`, or after a message's full stop
    // (forum.mikrotik.com thread 1114502: `…<=>x.x.x.x[12345]x.x.x.x failed to get valid proposal.x.x.x.x failed to pre-process …`);
    // never inside an address (a digit, `x` or `.` before it is not one of these)
    String.raw`(?<=\]|[a-z)]\.)(?=(?:\d{1,3}|x{1,3})(?:\.(?:\d{1,3}|x{1,3})){3} (?:failed to get valid proposal|failed to pre-process ph[12] packet|phase1 negotiation failed|parsing packet failed)\b)`,
    String.raw`(?<=[^\s<"])(?=<[\w.@\\-]+>: )`,
    // an ASA record glued to the one before with a blank between (a PDF's or slide's text copy): its time and host, then the id
    String.raw`(?<=\S )(?=${MONTH} [ \d]\d (?:\d{4} )?\d\d:\d\d:\d\d \S+ (?:: )?%(?:ASA|PIX|FTD)-\d-\d{6}\b)`,
    // a RouterOS memory-log row glued to the one before: its time (and date, v7 ISO or v6 `jan/02`, `Dec/04/2024` in a
    // capitalised copy: header-patterns.ts ROUTEROS_DATE) and a topic list
    String.raw`(?<=\S )(?<!(?:\d{4}-\d\d-\d\d|[A-Za-z]{3}\/\d\d(?:\/\d{4})?) )(?=(?:\d{4}-\d\d-\d\d |[A-Za-z]{3}\/\d\d(?:\/\d{4})? )?\d\d:\d\d:\d\d (?:pptp|l2tp|sstp|ovpn|ipsec|ppp|pppoe|firewall|system|dhcp|interface|radius|script|dns|wireless|route|ike2)(?:,[a-z0-9-]+)+ )`,
  ].join('|'),
  'g',
);

/** 'ISAKMP-SA', 'L2TP UDP', 'IPsec-SA', 'acquired ', '>: ', 'phase1', 'phase2', 'phase 1' — one scan, not eight */
const GLUE_WORDS = /ISAKMP-SA|L2TP UDP|IPsec-SA|acquired |>: |phase(?:[12]| 1)|,(?:info|error|warning|debug|account|critical) /;

/**
 * Cheap test first (indexOf, no regex scan): only a line showing a second record start — a second
 * `]: ` (two tagged syslog records), a second RASMAN `[tid]`, a RouterOS message word — is worth
 * the GLUE scan. A syslog record glued to an untagged one is not caught here (rare; the line is then
 * reported as not understood rather than split).
 */
export function maybeGlued(text: string, hints = 0, lead = text.charCodeAt(0)): boolean {
  if (!(hints & ONE_TAG)) {
    const a = text.indexOf(']: ');
    if (a >= 0 && text.indexOf(']: ', a + 3) >= 0) return true;
  }
  if (lead === 91 && text.indexOf('[', 1) > 0) return true;
  // two ASA message ids: two ASA records, glued (GLUE's ASA pattern)
  if (!(hints & NO_ASA_ID)) {
    const asa = text.indexOf('%ASA-');
    if (asa >= 0 && text.indexOf('%ASA-', asa + 5) >= 0) return true;
  }
  if (hints & NO_GLUE_WORD || !hasGlueWord(text)) return false;
  return GLUE_WORDS.test(text);
}

export function unglue(text: string, hints = 0): string[] {
  if (text.length < 12 || !maybeGlued(text, hints)) return [text];
  GLUE.lastIndex = 0;
  const parts: string[] = [];
  let from = 0;
  for (const m of text.matchAll(GLUE)) {
    if (m.index === 0 || m.index === from) continue;
    parts.push(text.slice(from, m.index));
    from = m.index;
  }
  parts.push(text.slice(from));
  return parts;
}
