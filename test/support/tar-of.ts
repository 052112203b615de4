import { pack } from 'tar-stream';

/** One entry of a test archive: a file (name, body), or a folder or a link to `syslog`. */
export type TarEntry = [name: string, body: Buffer | string] | { name: string; type: 'directory' | 'symlink' };

/** A tar archive as tar-stream's packer writes it (ustar; a pax header for a name past 100 characters), as `tar cf` writes one. */
export async function tarOf(entries: TarEntry[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => p.on('end', resolve));
  for (const e of entries) {
    if (Array.isArray(e)) p.entry({ name: e[0] }, typeof e[1] === 'string' ? Buffer.from(e[1]) : e[1]);
    else if (e.type === 'directory') p.entry({ name: e.name, type: 'directory' });
    else p.entry({ name: e.name, type: 'symlink', linkname: 'syslog' });
  }
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}
