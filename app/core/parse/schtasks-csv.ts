import { problemAt, type ParseResult, type Problem } from '../model/problems';

/**
 * `schtasks /Query /FO CSV /NH`: one row per task, `"\Folder\Name","Next Run Time","Status"`
 * (e.g. `"\VrooliAutoheal","N/A","Ready"` in a public test fixture of the Vrooli project). Only the
 * first column is read: it is the task's path, which Windows does not translate; the other two
 * columns are localized. XP prints the name without a leading backslash (Task Scheduler 1.0 has no
 * folders). Lines that are not CSV rows (the translated "INFO: There are no scheduled tasks…"
 * notice, blank lines) mean "no row here" and are not problems.
 */
export interface ScheduledTaskRow {
  name: string;
  line: number;
}

export function parseSchtasksCsv(text: string, source = 'scheduled-tasks.csv'): ParseResult<ScheduledTaskRow[]> {
  const rows: ScheduledTaskRow[] = [];
  const problems: Problem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const first = firstCsvField(raw);
    if (first === null) return;
    if (first === '') {
      problems.push(problemAt(source, i + 1, 'scheduledTasks.noName'));
      return;
    }
    rows.push({ name: first, line: i + 1 });
  });
  return { value: rows, problems };
}

/** The first field of a quoted CSV row ("" doubles a quote), or null when the line is not one. */
function firstCsvField(line: string): string | null {
  if (!line.startsWith('"')) return null;
  let out = '';
  for (let i = 1; i < line.length; i++) {
    if (line[i] === '"') {
      if (line[i + 1] === '"') {
        out += '"';
        i++;
        continue;
      }
      return line[i + 1] === ',' || i + 1 === line.length ? out : null;
    }
    out += line[i];
  }
  return null;
}
