// The findings list as the renderer paints it (real component, real styles, real i18n), fed a
// scan result by the paint benchmark: window.__showFindings(findings) resolves with the time from
// handing React the result to the first frame painted after it (two animation frames).
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import '../renderer/src/i18n';
import '../renderer/src/styles.css';
import { FindingList } from '../renderer/src/components/FindingList';
import type { Finding } from '../app/shared/model-types';

let show: (f: Finding[]) => void = () => {};
function Bench() {
  const [findings, setFindings] = useState<Finding[]>([]);
  show = setFindings;
  return (
    <main className="app-main">
      <FindingList findings={findings} onOpen={() => {}} />
    </main>
  );
}
createRoot(document.getElementById('root')!).render(<Bench />);

(window as unknown as { __showFindings: (f: Finding[]) => Promise<number> }).__showFindings = (findings) =>
  new Promise((resolve) => {
    const t0 = performance.now();
    flushSync(() => show(findings));
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
  });
