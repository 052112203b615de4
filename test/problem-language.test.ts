import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../app/core/i18n/en.json';
import { problemMessage, problemText } from '../app/core/i18n/problem-text';
import type { Problem } from '../app/core/model/problems';
import { buildSnapshot } from '../app/core/snapshot/build-snapshot';
import { inMemory, loadSeeds, makeInput, Mutator } from './support/capture-fuzz';
import { prng } from './support/prng';
import { craftedProblems } from './support/crafted-problems';
import { eventLoopTurns } from './support/event-loop-turn';

/**
 * "Lines not understood" in the reader's language: every problem the parsers and the snapshot
 * report on real, damaged and fuzzed input has a template (code) in en.json and nl.json, its English
 * message is that template filled, and what an nl reader sees is not the English text. Together
 * with the crafted inputs (support/crafted-problems.ts) every template is reached at least once.
 * Budget: ≈ 600 small captures through buildSnapshot, a few seconds.
 */

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'real');
/** fixture folder → the capture name its files stand for */
const FIXTURE_NAMES: Record<string, string> = { 'route-print': 'route-print.txt', ipconfig: 'ipconfig-all.txt', reg: 'registry/x.txt', netsh: 'netsh-interfaces.txt' };

function problemsOf(files: Map<string, Buffer>): Problem[] {
  const { snapshot } = buildSnapshot(inMemory(files));
  const lmhosts = (snapshot.lmhosts as { file?: { issues: Problem[] } }).file?.issues ?? [];
  return [...(snapshot.problems as Problem[]), ...lmhosts];
}

/** Every real file alone under each capture name it belongs to, the real fixtures, and fuzzed captures from a fixed seed. */
async function realAndFuzzedProblems(): Promise<Problem[]> {
  const seeds = loadSeeds();
  const out: Problem[] = [];
  // (the event loop turns between captures: computed in one piece while the file was collected, this ran 62 s without a turn in a
  // CI run — past vitest's 60 s RPC timeout; test/support/event-loop-turn.ts)
  const turn = eventLoopTurns();
  for (const [name, texts] of seeds.byName) {
    for (const bytes of texts) {
      out.push(...problemsOf(new Map([[name, bytes]])));
      await turn();
    }
  }
  for (const [folder, name] of Object.entries(FIXTURE_NAMES)) {
    for (const f of readdirSync(join(FIXTURES, folder))) if (statSync(join(FIXTURES, folder, f)).isFile()) out.push(...problemsOf(new Map([[name, readFileSync(join(FIXTURES, folder, f))]])));
    await turn();
  }
  const m = new Mutator(prng(20261203), seeds);
  for (let n = 0; n < 400; n++) {
    out.push(...problemsOf(makeInput(m)));
    await turn();
  }
  return out;
}

const slots = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).length;
const allCodes = Object.entries(en.problem).flatMap(([family, texts]) => Object.keys(texts).map((id) => `${family}.${id}`));

/** Templates no input can reach from a test, and why; their texts are still checked by i18n-complete.test.ts. */
const UNREACHABLE: Record<string, string> = {
  'capture.notReadable': 'a file the reader may not open: reached by capture-safety.test.ts as an unprivileged user (here root reads everything)',
  'capture.folderNotListed': 'a folder the reader may not list: as capture.notReadable',
  'capture.brokenLink': 'a link whose target vanishes between realpath and stat',
  'capture.grewPastLimit': 'a file that grows while it is read',
  'capture.kindDevice': 'a device node inside the capture folder (mknod needs privileges a test should not use)',
  'capture.kindSpecial': 'a file that is none of file, folder, link, FIFO, socket or device',
  'events.failureWithoutCode': 'a RasClient record read as a failure without an Event ID always has the number it was read from',
  'live.vpnConnectionFailed': 'Get-VpnConnection is optional: its reasons go into not-collected.txt (English by format), never into problems',
  'live.noVpnConnections': 'as live.vpnConnectionFailed',
  'live.fileNotFound': 'a file the live collector copies (LMHOSTS, a phonebook) that is not there: its reason goes into not-collected.txt, never into problems',
};

describe('problems speak the reader\'s language', () => {
  let real: Problem[] = [];
  let crafted: Problem[] = [];
  beforeAll(async () => {
    real = await realAndFuzzedProblems();
    crafted = await craftedProblems();
  }, 300_000);

  it.each([
    ['real, damaged and fuzzed input', () => real],
    ['crafted input', () => crafted],
  ])('on %s: a template per problem, its English is the message, its Dutch is not', (_, problemsOf) => {
    const problems = problemsOf();
    expect(problems.length).toBeGreaterThan(0);
    const wrong = problems.flatMap((p) => {
      const english = problemText(p.code, p.params, 'en');
      const dutch = problemMessage(p, 'nl');
      if (english === undefined || problemText(p.code, p.params, 'nl') === undefined) return [`${p.code}: no template`];
      if (english !== p.message) return [`${p.code}: message ${JSON.stringify(p.message)} is not its template ${JSON.stringify(english)}`];
      if (dutch === p.message) return [`${p.code}: Dutch is the English text ${JSON.stringify(p.message)}`];
      // a placeholder left in the Dutch text that the English one filled: a value the translation names differently
      if (slots(dutch) > slots(p.message)) return [`${p.code}: a value is missing in ${JSON.stringify(dutch)}`];
      return [];
    });
    // the first failure of each template is enough to read
    expect([...new Map(wrong.map((w) => [w.slice(0, w.indexOf(':')), w])).values()]).toEqual([]);
  });

  it('every template is reached by some input (a template no input reaches is a text nobody reads, or a parser path nobody tests)', () => {
    const seen = new Set<string>([...real, ...crafted].flatMap((p) => [p.code, ...Object.values(p.params ?? {}).flatMap((v) => (typeof v === 'object' ? [v.code] : []))]));
    expect(allCodes.filter((c) => !seen.has(c) && !UNREACHABLE[c])).toEqual([]);
    // an exemption that is reached after all is no longer one
    expect(Object.keys(UNREACHABLE).filter((c) => seen.has(c) || !allCodes.includes(c))).toEqual([]);
  });
});
