import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CollectionError, UsageError } from '../../system/errors';
import { collectLive } from '../../system/live-collector';
import { createExecaRunner } from '../../system/run';
import { TOOL_VERSION } from '../../system/version';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';

/** Writes this machine's state in the capture layout (UTF-8, so any machine can read it back). */
export async function collectCommand(values: CliValues, io: CliIo): Promise<number> {
  if (!values.out) throw new UsageError('collect needs --out DIR');
  if (process.platform !== 'win32') throw new CollectionError('collect reads this machine and needs Windows; on other machines use scripts/collect.cmd on the Windows PC and `scan --capture DIR` here.');
  const { capture, spawned } = await collectLive(createExecaRunner(), { onProgress: (d, t, f) => !values.quiet && io.stderr(`[collect ${d}/${t}] ${f}\n`) });
  await mkdir(values.out, { recursive: true });
  for (const file of capture.files.values()) await writeFile(join(values.out, file.name), file.text);
  await writeFile(join(values.out, 'capture.json'), JSON.stringify({ ...capture.meta, codepage: undefined, tool: `tunnelmedic ${TOOL_VERSION}`, notCollected: capture.readProblems }, null, 2) + '\n');
  io.stdout(`Wrote ${capture.files.size} files to ${values.out} (${spawned} processes).\n`);
  return EXIT.healthy;
}
