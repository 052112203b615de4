// The findings screen as the renderer paints it (the real HomeView: overall state, "Start here" with
// its fix, the grouped list; real styles, real i18n), fed a scan result by the paint benchmark.
// The page first shows the screen as it looks while a check runs; window.__showFindings(report)
// then hands it the result the way useTunnelMedic does (scan set, busy cleared, scanCount + 1) and
// resolves with the time from that to the first frame painted after it (two animation frames).
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import '../renderer/src/i18n';
import '../renderer/src/styles.css';
import { HomeView } from '../renderer/src/components/HomeView';
import type { TunnelMedicState } from '../renderer/src/useTunnelMedic';
import type { Report } from '../app/shared/model-types';

const idle = async (): Promise<null> => null;
/** What useTunnelMedic holds while a check of a capture runs (no IPC here: the calls do nothing). */
const scanning = {
  info: null, infoError: null, scan: null, scanError: null, scanProgress: null, scanCount: 0, busy: 'scan', networks: [], domain: null,
  apply: null, fixed: [], history: null, historyError: null, settled: 0, fixedFindingIds: [],
  checkPptp: idle, exportReport: idle, saveFixScript: idle, loadInfo: () => {}, runScan: idle, scanWithNetworks: idle, scanWithDomain: idle,
  applyFix: idle, undoRun: idle, loadHistory: idle, clearApply: () => {},
} as unknown as TunnelMedicState;

let show: (r: Report) => void = () => {};
function Bench() {
  const [tm, setTm] = useState<TunnelMedicState>(scanning);
  show = (report) => setTm({ ...scanning, busy: null, scan: { runToken: 'bench', report }, scanCount: 1 });
  return (
    <main id="main" className="main" tabIndex={-1}>
      <HomeView tm={tm} mode={{ kind: 'apply', onFix: () => {}, disabled: tm.busy !== null }} onOpen={() => {}} onConnections={() => {}} />
    </main>
  );
}
createRoot(document.getElementById('root')!).render(<Bench />);

(window as unknown as { __showFindings: (r: Report) => Promise<number> }).__showFindings = (report) =>
  new Promise((resolve) => {
    const t0 = performance.now();
    flushSync(() => show(report));
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
  });
