// What the in-process benchmarks call, bundled by esbuild (bench/bundle.ts) like the CLI is, so the
// figures are those of shipped code, not of tsx-transpiled sources.
export { analyseCapture } from '../app/core/analyse';
export { readCaptureDir } from '../app/system/capture-reader';
export { buildReportZip } from '../app/core/report/report-zip';
export { decodeCaptureBytes } from '../app/core/capture/decode';
export { demoCaptureDir } from '../app/system/paths';
export { collectLive, LIVE_REGISTRY_KEYS } from '../app/system/live-collector';
// issue 14: server logs (bench/server-log.bench.ts)
export { readServerLogFile } from '../app/system/server-log-file';
export { explainServerLogs } from '../app/core/diagnose/server-log';
export { engineT } from '../app/core/i18n';
