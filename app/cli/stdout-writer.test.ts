import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stdoutWriter } from './stdout-writer';

/** A stand-in for process.stdout that records what went through it, and whether it was made at all. */
const fakeStream = (isTTY = false) => {
  const seen: string[] = [];
  const made = { count: 0 };
  const stream = () => {
    made.count++;
    return { isTTY, write: (t: string) => seen.push(t) > 0 } as unknown as NodeJS.WriteStream;
  };
  return { seen, made, stream };
};

describe('stdoutWriter: a regular file straight from the string, anything else through the stream', () => {
  const texts = ['{"a":1', ',"é€😀":"ü"', '', '}\n', 'x'.repeat(300_000)];

  it('a regular file gets every string, in order, byte for byte, without the stream', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tm-out-')), 'out.json');
    const fd = openSync(file, 'w');
    const { seen, made, stream } = fakeStream();
    const out = stdoutWriter(fd, stream);
    for (const t of texts) out.write(t);
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(texts.join(''));
    expect(out.isTerminal).toBe(false);
    expect(seen).toEqual([]);
    expect(made.count).toBe(0);
  });

  it('a character device (/dev/null, NUL) goes through the stream: telling it from a terminal would need node:tty', () => {
    const fd = openSync('/dev/null', 'w');
    const { seen, made, stream } = fakeStream();
    stdoutWriter(fd, stream).write('gone');
    closeSync(fd);
    expect(seen).toEqual(['gone']);
    expect(made.count).toBe(1);
  });

  it('a pipe, and an fd that is not a file (a closed one here), go through the stream', () => {
    const pipe = spawnSync(process.execPath, ['-e', `
      const { stdoutWriter } = require(${JSON.stringify(join(__dirname, 'stdout-writer.ts'))});
      const out = stdoutWriter(1, () => ({ isTTY: false, write: (t) => process.stdout.write('via stream: ' + t) }));
      out.write('hello');`], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--import tsx' } });
    expect(pipe.stdout).toBe('via stream: hello');
    const fd = openSync('/dev/null', 'w');
    closeSync(fd);
    const closed = fakeStream(true);
    const out = stdoutWriter(fd, closed.stream);
    out.write('to the stream');
    expect(closed.seen).toEqual(['to the stream']);
    expect(out.isTerminal).toBe(true);
  });

  it('the CLI writes the same JSON to a file as to a pipe', { timeout: 60_000 }, () => {
    const root = join(__dirname, '..', '..');
    const args = [join(root, 'bin/tunnelmedic.cjs'), 'scan', '--demo', '--json'];
    const env = { ...process.env, TUNNELMEDIC_FROM_SOURCE: '1', TUNNELMEDIC_DATA_DIR: mkdtempSync(join(tmpdir(), 'tm-out-data-')), TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') };
    const file = join(mkdtempSync(join(tmpdir(), 'tm-out-')), 'scan.json');
    const fd = openSync(file, 'w');
    const toFile = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    const toPipe = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
    const strip = (s: string) => s.replace(/"generatedAt":"[^"]*"/, '');
    expect(toFile.status).toBe(toPipe.status);
    expect(strip(readFileSync(file, 'utf8'))).toBe(strip(toPipe.stdout));
    expect(JSON.parse(readFileSync(file, 'utf8')).snapshot.routes.length).toBeGreaterThan(0);
  });
});
