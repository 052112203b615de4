/**
 * The name a log is shown and explained under (its evidence's `source`): a file's name, or `archive › file` for a file inside a
 * tar archive. Safe to show and to send over IPC as a label (app/shared/ipc.ts LogLabel): no control characters or path
 * separators, 120 characters at most. One rule for the paste box's dropped files and the files main reads in full.
 */
export const logLabel = (name: string): string => name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 120) || 'log.txt';

/** A file inside an archive, labelled by the archive and the file's own name (its folders left out): `logs.tar.gz › syslog`. */
export const archivedLogLabel = (archive: string, path: string): string => logLabel(`${archive} › ${path.split(/[/\\]/).filter(Boolean).pop() ?? path}`);

/**
 * A path an archive recorded, as the name of the log read from it (`ARCHIVE/path`: explain-log's source, a capture file's name):
 * `/` between folders (a ZIP made on Windows may write `\`), no control characters — an archive is untrusted input, and a name
 * goes to a terminal and into reports —, no leading `./` or `/`, 200 characters at most.
 */
export const archivedPath = (path: string): string =>
  path.replace(/\\/g, '/').replace(/[\u0000-\u001f\u007f]/g, '_').replace(/^(?:\.?\/)+/, '').slice(0, 200) || 'file';
