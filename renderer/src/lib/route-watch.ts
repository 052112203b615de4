import type { Report } from '../../../app/shared/model-types';

/**
 * Change detection (issue 15.3): how often the app asks main for the route table's fingerprint.
 * Often enough to notice a VPN reconnect while the person looks; rarely while the window is hidden
 * (no busy loop, little work for a window nobody sees).
 */
export const POLL_VISIBLE_MS = 15_000;
export const POLL_HIDDEN_MS = 120_000;

export const pollDelayMs = (visible: boolean): number => (visible ? POLL_VISIBLE_MS : POLL_HIDDEN_MS);

/**
 * After a re-check: the finding that this session fixed and that is back (the VPN reconnected and
 * put its default route back), or null.
 */
export function problemBack(fixedFindingIds: readonly string[], report: Pick<Report, 'findings'>): string | null {
  return report.findings.find((f) => fixedFindingIds.includes(f.id) && f.severity !== 'info')?.id ?? null;
}
