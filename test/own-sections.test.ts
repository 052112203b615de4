import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaptureDir } from '../app/system/capture-reader';
import { buildSnapshot } from '../app/core/snapshot/build-snapshot';
import { RasEventSchema } from '../app/core/model/ras-event';
import { RegistryViewSchema } from '../app/core/model/registry-view';
import { VpnProfileSchema } from '../app/core/model/vpn-profile';
import { isOwnSection } from '../app/core/model/validated-once';
import { LmhostsSectionSchema } from '../app/core/snapshot/registry-section';
import { corpusAvailable, corpusRoot } from './corpus';

/**
 * The rules take the sections buildSnapshot made (vpnProfiles, registry, lmhosts, events) without
 * checking them with their schemas again (validated-once.ts). That is only right while those schemas
 * find nothing to change in what the parsers make: here every section of every sample and real
 * capture, and of each corpus and fixture file of those kinds as a capture of its own, is parsed
 * with its schema and must come out equal (no item dropped, no field stripped or changed).
 */
const ROOT = resolve(import.meta.dirname, '..');

/** JSON with every object's keys sorted: equal for equal values whatever order their keys were written in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

/** capture name for a file of each corpus / fixture folder */
const ONE_FILE_KINDS: [folder: string, captureName: (file: string) => string][] = [
  ['events', () => 'rasclient-events.txt'],
  ['pbk', (f) => `pbk/${f.replace(/\.txt$/, '.pbk')}`],
  ['reg-query', (f) => `registry/${f}`],
  ['reg', (f) => `registry/${f}`],
  ['powershell', (f) => (/vpnconnection/i.test(f) ? `powershell/vpnconnection-user.json` : `powershell/${f}`)],
  ['lmhosts', () => 'lmhosts'],
];

function* captureDirs(): Generator<{ name: string; dir: string; cleanup?: () => void }> {
  for (const s of readdirSync(join(ROOT, 'samples')).sort()) yield { name: `sample ${s}`, dir: join(ROOT, 'samples', s) };
  const captures = join(ROOT, 'test', 'fixtures', 'real', 'captures');
  for (const c of readdirSync(captures).sort()) yield { name: `real capture ${c}`, dir: join(captures, c) };
  for (const [folder, captureName] of ONE_FILE_KINDS) {
    for (const base of [join(corpusRoot, folder), join(ROOT, 'test', 'fixtures', 'real', folder)]) {
      if (!existsSync(base)) continue;
      for (const f of readdirSync(base).sort()) {
        const dir = mkdtempSync(join(tmpdir(), 'tm-own-sections-'));
        const target = join(dir, ...captureName(f).split('/'));
        mkdirSync(join(target, '..'), { recursive: true });
        copyFileSync(join(base, f), target);
        yield { name: `${folder}/${f}`, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
      }
    }
  }
}

describe('sections buildSnapshot makes pass their schemas unchanged', () => {
  it('on every sample and real capture, and each corpus and fixture file of those kinds', { timeout: 120_000 }, async () => {
    const differing: string[] = [];
    let seen = 0;
    for (const { name, dir, cleanup } of captureDirs()) {
      try {
        const { snapshot } = buildSnapshot(await readCaptureDir(dir));
        seen++;
        const check = (section: string, value: unknown, parse: (v: unknown) => unknown) => {
          // the empty fallbacks ({} for no registry or LMHOSTS) are not marked and stay checked
          if (!isOwnSection(value)) return;
          let parsed: unknown;
          try {
            parsed = parse(value);
          } catch (e) {
            differing.push(`${name}: ${section} fails its schema: ${(e as Error).message.slice(0, 200)}`);
            return;
          }
          // (the schema writes an object's keys in its own order: the values are compared, not the order)
          if (canonical(parsed) !== canonical(value)) differing.push(`${name}: ${section} changes under its schema`);
        };
        check('vpnProfiles', snapshot.vpnProfiles, (v) => (v as unknown[]).map((p) => VpnProfileSchema.parse(p)));
        check('events', snapshot.events, (v) => (v as unknown[]).map((e) => RasEventSchema.parse(e)));
        check('registry', snapshot.registry, (v) => RegistryViewSchema.parse(v));
        check('lmhosts', snapshot.lmhosts, (v) => LmhostsSectionSchema.parse(v));
        expect(isOwnSection(snapshot.events) && isOwnSection(snapshot.vpnProfiles)).toBe(true);
      } finally {
        cleanup?.();
      }
    }
    expect(differing).toEqual([]);
    expect(seen).toBeGreaterThan(corpusAvailable ? 40 : 15);
  });

  it('a section from anywhere else (a report read back) is checked: an item that fails its schema is left out', async () => {
    const { rasEventsOf } = await import('../app/core/model/ras-event');
    const { snapshot } = buildSnapshot(await readCaptureDir(join(ROOT, 'samples', 'win11-ras-errors')));
    const readBack = JSON.parse(JSON.stringify(snapshot.events)) as Record<string, unknown>[];
    expect(readBack.length).toBeGreaterThan(0);
    expect(rasEventsOf(readBack)).toHaveLength(readBack.length);
    readBack[0] = { ...readBack[0], kind: 'not-a-kind' };
    expect(rasEventsOf(readBack)).toHaveLength(readBack.length - 1);
  });
});
