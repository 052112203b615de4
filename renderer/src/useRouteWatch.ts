import { useEffect, useRef, useState } from 'react';
import type { ScanResult } from '../../app/shared/ipc';
import { api, call } from './api';
import { pollDelayMs, problemBack } from './lib/route-watch';

export interface ChangeNotice {
  /** the finding this session fixed that came back, or null when the machine changed otherwise */
  back: string | null;
}

/**
 * While a scan is shown, asks main for the route table's fingerprint now and then (less often while
 * the window is hidden) and re-checks when it changed. A fix or undo of this app changes the table
 * too: `settled` is bumped after each, so the next fingerprint becomes the new baseline instead of
 * a "change". Nothing runs while a scan, fix or undo is in progress.
 */
export function useRouteWatch(opts: { scan: ScanResult | null; busy: boolean; settled: number; fixedFindingIds: readonly string[]; rescan: () => Promise<ScanResult | null> }) {
  const [notice, setNotice] = useState<ChangeNotice | null>(null);
  const baseline = useRef<string | null>(null);
  const latest = useRef(opts);
  latest.current = opts;
  // the watch restarts for a new scan (its run token), not for every new object of the same scan
  const runToken = opts.scan?.runToken;

  // a new scan or a finished fix/undo: the table as it is now is the baseline (read at once, so a
  // reconnect right after a fix is not taken for the fix's own change)
  useEffect(() => {
    baseline.current = null;
    if (runToken === undefined) return;
    call(api().routeFingerprint({})).then(
      ({ fingerprint }) => {
        baseline.current ??= fingerprint;
      },
      () => undefined,
    );
  }, [runToken, opts.settled]);

  useEffect(() => {
    if (runToken === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      if (stopped) return;
      if (!latest.current.busy) {
        try {
          const { fingerprint } = await call(api().routeFingerprint({}));
          if (baseline.current === null) baseline.current = fingerprint;
          else if (fingerprint !== baseline.current && !latest.current.busy) {
            baseline.current = fingerprint;
            const fresh = await latest.current.rescan();
            if (fresh) setNotice({ back: problemBack(latest.current.fixedFindingIds, fresh.report) });
          }
        } catch {
          // a failed look is no change; the next tick tries again
        }
      }
      if (!stopped) timer = setTimeout(tick, pollDelayMs(document.visibilityState === 'visible'));
    };
    const onVisibility = () => {
      // coming back to the window: look at once instead of waiting out the hidden interval
      if (document.visibilityState === 'visible') {
        clearTimeout(timer);
        void tick();
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [runToken]);

  return { notice, dismiss: () => setNotice(null) };
}
