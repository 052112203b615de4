import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { collectionError, usageError } from '../../system/error-text';
import { collectLive } from '../../system/live-collector';
import { createExecaRunner } from '../../system/run';
import { TOOL_VERSION } from '../../system/version';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';
import { cliWords } from './shared';

/** Writes this machine's state in the capture layout (UTF-8, so any machine can read it back). */
export async function collectCommand(values: CliValues, io: CliIo): Promise<number> {
  if (!values.out) throw usageError('cli.collect.needsOut');
  if (process.platform !== 'win32') throw collectionError('cli.collect.needsWindows');
  const { capture, spawned } = await collectLive(createExecaRunner(), { onProgress: (d, t, f) => !values.quiet && io.stderr(`[collect ${d}/${t}] ${f}\n`) });
  await mkdir(values.out, { recursive: true });
  for (const file of capture.files.values()) {
    await mkdir(dirname(join(values.out, file.name)), { recursive: true });
    await writeFile(join(values.out, file.name), file.text);
  }
  const notCollected = [...capture.readProblems.map((p) => `${p.source}: ${p.message}`), ...(capture.notCollected ?? [])];
  if (notCollected.length) await writeFile(join(values.out, 'not-collected.txt'), notCollected.join('\r\n') + '\r\n');
  // the texts are written as UTF-8, so the reader needs no code page; capture.json says when and what
  await writeFile(join(values.out, 'capture.json'), JSON.stringify({ schemaVersion: 1, collectedAt: capture.meta.collectedAt, tool: `tunnelmedic ${TOOL_VERSION}`, consoleCodepage: capture.meta.codepage }, null, 2) + '\n');
  io.stdout(`${cliWords(values)('cli.collect.wrote', { n: capture.files.size, out: values.out, processes: spawned })}\n`);
  return EXIT.healthy;
}
