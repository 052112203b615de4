import { readFileVersions, readRasEvents, readVpnProfiles } from './ras-sections';
import { readLmhostsSection, readRegistrySection } from './registry-section';
import type { SnapshotSectionReader } from './section-reader';
import { readScheduledTasks } from './task-section';


export const SNAPSHOT_SECTIONS: SnapshotSectionReader[] = [
  readVpnProfiles,
  readRasEvents,
  readFileVersions,
  readRegistrySection,
  readLmhostsSection,
  readScheduledTasks,
];
