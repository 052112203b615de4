import { applyRules, context, step, tagged, trimmed, type Hit, type Rule } from '../kit';
import { hasLineBreak, type Prefixed } from '../prefix';
import { IKE_STATES } from './swanctl-list-sas';

/**
 * `ipsec statusall` / `ipsec status` (strongSwan src/libcharon/plugins/stroke/stroke_list.c): after
 * `Security Associations (N up, M connecting):` each IKE_SA as `%12s[%d]: STATE …` and each CHILD_SA as
 * `%12s{%d}:  STATE, MODE, reqid …`, the name right-aligned. STATUS_HEAD cuts the name and number; these
 * rules read the rest.
 */
const STATUS_HEAD = /^\s*([^\s[\]{}]+)([[{])(\d+)[\]}]: +(.*)$/;
const STATUS_SUMMARY = /^Security Associations \((\d+) up, (\d+) connecting\):$/;
const STATUS_RULES: Rule[] = [
  [/^ESTABLISHED (.+?) ago, (\S+)\.\.\.(\S+)$/, (m) => step('statusIkeUp', { ago: m[1]!, peer: m[3]! }, 'success')],
  // an IKE_SA still negotiating: the PC started but has not finished (IKE_AUTH not done)
  [/^(?:CONNECTING|CREATED), (\S+)\.\.\.(\S+)$/, (m) => step('statusIkeConnecting', { peer: m[2]! }, 'warning')],
  [/^INSTALLED, (TUNNEL|TRANSPORT|BEET)\S*, reqid \d+.*$/, (m) => step('statusChildUp', { mode: m[1]! }, 'success')],
  context(/^IKE proposal: (.*)$/, (m) => step('ikeProposalSelected', { proposal: m[1]! })),
  // the rest of an SA's lines: its state while rekeying or deleting, SPIs, the EAP/XAuth identity, algorithms and byte counts, traffic selectors
  context(/^(?:PASSIVE|REKEYING|REKEYED|DELETING|DESTROYING|INSTALLING|ROUTED|UPDATING|DELETED|RETRYING|CREATED)\b.*$|^IKEv[12] SPIs: .*$|^Remote (?:EAP|XAuth) identity: .*$|^.*\bbytes_i\b.*$|^.+ === .+$|^(?:queued|active|passive): .*$/, () => step('charonHousekeeping')),
];

/** the status lines STATUS_RULES read (their first word is one of strongSwan's IKE_SA / CHILD_SA state names, or an SA detail) */
export const STATUS_CLAIM = new RegExp(
  String.raw`^\s*[^\s[\]{}:]+[[{]\d+[\]}]: +(?:${IKE_STATES}|INSTALLED|INSTALLING|ROUTED|IKEv[12] SPIs:|IKE proposal:|Remote (?:EAP|XAuth) identity:)|^\s*[^\s[\]{}:]+\{\d+\}: +(?:.*\bbytes_i\b|.+ === )|^Security Associations \(\d+ up, \d+ connecting\):$`,
);

/** An `ipsec statusall` line (STATUS_HEAD, STATUS_SUMMARY), or null. */
export function statusLine(pre: Prefixed, state: Record<string, unknown>, countOnly?: boolean): Hit | null {
  if (hasLineBreak(pre.message)) return null;
  const sum = pre.message.trim().match(STATUS_SUMMARY);
  if (sum) return step('statusSummary', { up: sum[1]!, connecting: sum[2]! }, sum[2] === '0' ? 'info' : 'warning');
  const m = pre.message.match(STATUS_HEAD);
  if (!m) return null;
  const hit = applyRules(STATUS_RULES, trimmed(m[4]!), pre, state, countOnly);
  return hit && tagged(hit, { session: `${m[1]}${m[2]}${m[3]}${m[2] === '[' ? ']' : '}'}` });
}
