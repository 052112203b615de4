import { CAPTURE_FILES } from '../capture/capture';
import { parseSchtasksCsv } from '../parse/schtasks-csv';
import { isGuardTaskName } from '../remedy/task-actions';
import { pushAll, type SnapshotSectionReader } from './section-reader';

/**
 * scheduled-tasks.csv → snapshot.scheduledTasks: only TunnelMedic's own folder is kept (the rest of
 * a machine's tasks is none of our business and would only add personal data to reports).
 */
export const readScheduledTasks: SnapshotSectionReader = (capture, problems) => {
  const file = capture.files.get(CAPTURE_FILES.scheduledTasks);
  if (!file) return {};
  const r = parseSchtasksCsv(file.text, file.name);
  pushAll(problems, r.problems);
  return { scheduledTasks: r.value.filter((t) => isGuardTaskName(t.name)) };
};
