import * as z from '../model/zod';

/**
 * LMHOSTS edits as data (windows-reference.md §3, KB Q180094). The action carries the whole new
 * text and the whole previous text, decoded with the file's own encoding, so a rollback writes the
 * old bytes back exactly and a precondition can compare the file with what was reviewed.
 */
export const FileReplaceSchema = z.object({
  kind: z.literal('file.replace'),
  /** NT family: %SystemRoot%\System32\drivers\etc\lmhosts (exempt from WOW64 redirection, §12) */
  path: z.object({ kind: z.literal('lmhosts') }).strict(),
  content: z.string().max(4_000_000),
  previous: z.string().max(4_000_000),
  /** the capture decoding of the file (cp850, utf-8, utf-8-bom, utf-16le…); written back the same */
  encoding: z.string().min(1),
  /** the file's line endings; the new lines use the same */
  lineEnding: z.enum(['crlf', 'lf', 'mixed', 'none']),
  /**
   * Issue 11.5: Windows ships without an lmhosts file (only lmhosts.sam). true: there was no file
   * before (`previous` is ''): the action creates it and must find it still absent.
   */
  previousAbsent: z.literal(true).optional(),
  /** true: the action deletes the file (the undo of a creation); `content` is '' */
  contentAbsent: z.literal(true).optional(),
});

/** `nbtstat -R`: purge the NetBT remote name cache and preload the #PRE entries again. */
export const NbtstatReloadSchema = z.object({ kind: z.literal('nbtstat.reload') }).strict();

export type FileReplace = z.infer<typeof FileReplaceSchema>;
export type NbtstatReload = z.infer<typeof NbtstatReloadSchema>;
export type FileAction = FileReplace | NbtstatReload;

export function inverseOfFileAction(action: FileAction): FileAction {
  // A reload only reads the file: its inverse is another reload, so both directions end freshly loaded.
  if (action.kind === 'nbtstat.reload') return action;
  const { previousAbsent, contentAbsent, ...rest } = action;
  return {
    ...rest,
    content: action.previous,
    previous: action.content,
    ...(previousAbsent ? { contentAbsent: true as const } : {}),
    ...(contentAbsent ? { previousAbsent: true as const } : {}),
  };
}
