// Row "1 scan 200 000 routes / 20 000 routes" of `npm run bench` in a process of its own:
// `node --import tsx bench/scale-row.ts ENGINE DIR20K DIR200K PAIRS` prints paired()'s result as JSON.
// In the bench's own process it ran after the redacted-zip row, whose pairs leave a heap of their
// strings that the 200 000-route scans then paid for: 12.0× and 12.1× in two full runs (twenty-first
// round) of code that read 6.9× in a process running only this row and 5.4× after the other route
// rows — the figure measured which rows ran before it, as explain-log's did (server-log-row.ts).
import { paired } from './paired';

interface ScanEngine {
  readCaptureDir(dir: string): Promise<unknown>;
  analyseCapture(capture: never, options: { corporateNetworks: string[]; toolVersion: string }): unknown;
}

const [enginePath, dir20k, dir200k, pairs] = process.argv.slice(2) as [string, string, string, string];
const engine = (await import(enginePath)) as ScanEngine;
const scan = async (dir: string) => engine.analyseCapture((await engine.readCaptureDir(dir)) as never, { corporateNetworks: ['10.13.1.0/24'], toolVersion: 'bench' });
// warm both sizes' code paths once, as the other rows warm theirs
await scan(dir20k);
await scan(dir200k);
process.stdout.write(JSON.stringify(await paired(Number(pairs), () => scan(dir20k), () => scan(dir200k))));
