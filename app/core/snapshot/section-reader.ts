import type { Capture } from '../capture/capture';
import type { EngineLanguage } from '../i18n';
import type { Problem } from '../model/problems';
import type { Snapshot } from '../model/snapshot';

/**
 * Capabilities beyond routing (registry, LMHOSTS, phonebooks, events, file versions) each add one
 * section reader here. A reader takes the capture, reports what it could not understand into
 * `problems`, and returns the part of the snapshot it owns; the few words of its own a section
 * writes (a note on a setting read with doubt) are in `language`, the report's.
 */
export type SnapshotSectionReader = (capture: Capture, problems: Problem[], base: Readonly<Pick<Snapshot, 'os'>>, language?: EngineLanguage) => Partial<Pick<Snapshot, 'os' | 'registry' | 'lmhosts' | 'vpnProfiles' | 'events' | 'fileVersions' | 'scheduledTasks'>>;

/**
 * `into.push(...items)` passes every item as an argument: with a few hundred thousand problems or
 * profiles (a hostile capture) that throws RangeError. This appends one by one.
 */
export function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
