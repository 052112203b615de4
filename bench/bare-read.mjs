// The floor a scan is measured against: read every file of a capture directory, decode it and split
// it into lines — in process (bareRead) or as a bare Node process (`node bench/bare-read.mjs DIR`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function bareRead(dir) {
  let lines = 0;
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else lines += new TextDecoder('utf-8').decode(readFileSync(p)).split(/\r?\n/).length;
    }
  };
  walk(dir);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.stdout.write(`${bareRead(process.argv[2])}\n`);
