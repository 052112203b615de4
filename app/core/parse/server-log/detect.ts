import { asaFamily } from './families/asa';
import { iosFamily } from './families/ios';
import { libreswanFamily } from './families/libreswan';
import { mikrotikFamily } from './families/mikrotik';
import { pppdFamily } from './families/pppd';
import { rasmanFamily } from './families/rasman';
import { rrasFamily } from './families/rras';
import { sstpFamily } from './families/sstp';
import { strongswanFamily } from './families/strongswan';
import { VPN3000_HEAD, vpn3000Family } from './families/vpn3000';
import type { FamilyParser } from './kit';
import { splitPrefix, type Prefixed } from './prefix';
import type { RawRecord } from './lines';

/**
 * The family detector: per record, the first family whose format claims it. Program tags decide
 * first (pppd[…], charon, pluto, %ASA-…); untagged lines go by their shape (VPN 3000 header, IOS
 * `Vi1 LCP:`, Format-List fields) and finally by message. Mixed logs (xl2tpd + pluto in one
 * paste) are normal: the family is chosen per record.
 */
export const FAMILIES: readonly FamilyParser[] = [vpn3000Family, asaFamily, rasmanFamily, strongswanFamily, libreswanFamily, iosFamily, rrasFamily, sstpFamily, pppdFamily, mikrotikFamily];

export function detectFamily(pre: Prefixed): FamilyParser | undefined {
  return FAMILIES.find((f) => f.claims(pre));
}

const FIELD_LINE = /^[A-Za-z]+\s*: /;

/**
 * Continuation lines (see lines.ts): PowerShell Format-List wraps long values onto indented lines;
 * the VPN 3000 event text goes on under its header (the FAQ's `User [ testuser ]` / `disconnected.
 * …`); IOS may print a packet's `[Open] id 3 len 16 …` on the next, indented line.
 */
export function continues(pending: RawRecord, line: string, blankBefore: number): boolean {
  const indented = /^\s/.test(line);
  if (indented && blankBefore === 0 && FIELD_LINE.test(pending.text) && !/^\s*[A-Za-z]+\s+: /.test(line)) return true;
  const pre = splitPrefix(line.trim());
  if (pre.shape !== 'none') return false;
  if (VPN3000_HEAD.test(pending.text.replace(/^.*?(?=\d\d\/\d\d\/\d{4} )/, '')) && pending.endLine - pending.line < 8 && !VPN3000_HEAD.test(line.trim())) return true;
  if (indented && /(?:LCP|CCP|IPCP|IPV6CP): [IO] [A-Z]+$/.test(pending.text) && /^\s+\[\w+\]/.test(line)) return true;
  return false;
}
