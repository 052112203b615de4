import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../app/cli/format';
import { analyseCapture } from '../app/core/analyse';
import { inMemory } from './support/capture-fuzz';

/**
 * An ipconfig in a language TunnelMedic has no word list for is read by its values (ipconfig-inferred.ts),
 * with one notice: the CLI says it apart, as a note on lines it read — not "1 line could not be read …
 * what those lines hold was not checked", which the first version printed for a fully read Korean output.
 */
const korean = readFileSync(join(import.meta.dirname, 'fixtures', 'real', 'ipconfig', 'win10-ko-ethernet-static-no-title.txt'), 'utf8');

describe('the CLI on an ipconfig read by its values', () => {
  it.each([
    ['en', 'Read, with a note:', 'Lines not understood', 'could not be read'],
    ['nl', 'Gelezen, met een opmerking:', 'Niet begrepen regels', 'niet worden gelezen'],
  ] as const)('%s: the notice under its own heading, no line said to be unread', (language, heading, unreadHeading, notRead) => {
    const files = new Map([['ipconfig-all.txt', Buffer.from(korean, 'utf8')]]);
    const { report } = analyseCapture(inMemory(files), { toolVersion: 'x', now: new Date(0), language });
    expect(report.snapshot.problems.map((p) => p.code)).toEqual(['ipconfig.labelsByValue']);
    const shown = formatReport(report, 'capture', '--capture capture');
    expect(shown).toContain(`${heading}\n  ipconfig-all.txt:5  `);
    expect(shown).not.toContain(unreadHeading);
    expect(shown).not.toContain(notRead);
  });
});
