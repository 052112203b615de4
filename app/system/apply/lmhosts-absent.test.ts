import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inverseOf } from '../../core/remedy/actions';
import type { FileReplace } from '../../core/remedy/file-actions';
import { execOtherSimulated } from './other-actions';

/** Issue 11.5 in the apply engine: LMHOSTS that did not exist before is created, and its undo deletes it. */
describe('the LMHOSTS action when there was no file before', () => {
  const create: FileReplace = { kind: 'file.replace', path: { kind: 'lmhosts' }, content: '10.13.1.10  DC1  #PRE  #DOM:CORP\r\n', previous: '', encoding: 'windows-1252', lineEnding: 'crlf', previousAbsent: true };

  it('creates the file, and the inverse deletes exactly that file', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'tm-lmhosts-'));
    expect(await execOtherSimulated(ws, create)).toMatchObject({ ok: true });
    expect(readFileSync(join(ws, 'lmhosts'), 'latin1')).toBe(create.content);
    const undo = inverseOf(create) as FileReplace;
    expect(undo).toMatchObject({ contentAbsent: true, previous: create.content, content: '' });
    expect(undo.previousAbsent).toBeUndefined();
    expect(await execOtherSimulated(ws, undo)).toMatchObject({ ok: true });
    expect(existsSync(join(ws, 'lmhosts'))).toBe(false);
  });

  it('a file that appeared since the review is not overwritten; a changed file is not deleted', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'tm-lmhosts-'));
    writeFileSync(join(ws, 'lmhosts'), '10.0.0.9 SOMEONE\r\n');
    expect(await execOtherSimulated(ws, create)).toMatchObject({ ok: false });
    expect(readFileSync(join(ws, 'lmhosts'), 'latin1')).toBe('10.0.0.9 SOMEONE\r\n');
    expect(await execOtherSimulated(ws, inverseOf(create) as FileReplace)).toMatchObject({ ok: false });
    expect(existsSync(join(ws, 'lmhosts'))).toBe(true);
  });
});
