// Row "1 diagnose … 64 corporate networks / none" of `npm run bench` in a process of its own:
// `node --import tsx bench/diagnose-row.ts ENGINE CAPTURE_DIR PAIRS` prints the pairs' result as JSON.
// Run in the bench's own process after the scan rows, the row read 1.25× in full runs where alone it
// read 1.12–1.15× (sixteenth round): the two sides' collections then worked through the heap the
// earlier rows left (their 20 000-route captures and 21 pairs of reports), in which the 64-network
// side's extra garbage (its fixes' eight scripts) costs more than in a scan of its own. A fresh process
// measures both sides as a CLI scan or the app's first scan runs them; as row 14 (server-log-row.ts).
import { paired } from './paired';

const NETS64 = Array.from({ length: 64 }, (_, i) => `10.${200 + (i >> 4)}.${(i & 15) * 16}.0/20`);

const [enginePath, dir, pairs] = process.argv.slice(2);
const engine = (await import(enginePath!)) as typeof import('./engine-entry');
const capture = await engine.readCaptureDir(dir!);
const analyse = (nets: string[]) => engine.analyseCapture(capture, { corporateNetworks: nets, toolVersion: 'bench' });
// both paths once before the pairs, as the other rows warm up theirs
analyse([]);
analyse(NETS64);
process.stdout.write(JSON.stringify(await paired(Number(pairs), () => analyse([]), () => analyse(NETS64))));
