import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo, DomainInput, IpcError, PptpCheckResult, Progress, RunResult, RunSummary, ScanResult } from '../../app/shared/ipc';
import type { Fix } from '../../app/shared/model-types';
import { api, asIpcError, call, IpcFailure } from './api';
import { currentLanguage } from './i18n';

export type Op = 'scan' | 'apply' | 'undo' | null;

export interface ApplyState {
  fix: Fix;
  status: 'running' | 'done' | 'error';
  events: Progress[];
  result?: RunResult;
  error?: IpcError;
  undo?: { status: 'running' | 'done' | 'error'; result?: RunResult; error?: IpcError };
}

/** All calls to window.tunnelmedic live here; components get state and callbacks. */
export function useTunnelMedic() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [infoError, setInfoError] = useState<IpcError | null>(null);
  const [scan, setScan] = useState<ScanResult | null>(null);
  const [scanError, setScanError] = useState<IpcError | null>(null);
  const [scanProgress, setScanProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState<Op>(null);
  const [networks, setNetworks] = useState<string[]>([]);
  const [domain, setDomain] = useState<DomainInput | null>(null);
  const [apply, setApply] = useState<ApplyState | null>(null);
  const [history, setHistory] = useState<RunSummary[] | null>(null);
  const [historyError, setHistoryError] = useState<IpcError | null>(null);
  const op = useRef<Op>(null);

  useEffect(() => {
    call(api().appInfo({})).then(setInfo, (e: unknown) => setInfoError(asIpcError(e)));
    return api().onProgress((p) => {
      if (op.current === 'scan') setScanProgress(p);
      else if (op.current === 'apply') setApply((a) => (a ? { ...a, events: [...a.events, p] } : a));
    });
  }, []);

  const begin = (which: Exclude<Op, null>): void => {
    op.current = which;
    setBusy(which);
  };
  const end = (): void => {
    op.current = null;
    setBusy(null);
  };

  const runScan = useCallback(async (corporateNetworks?: string[], domainInput?: DomainInput | null) => {
    const nets = corporateNetworks ?? networks;
    const dom = domainInput === undefined ? domain : domainInput;
    begin('scan');
    setScanProgress(null);
    setScanError(null);
    try {
      const args = { language: currentLanguage(), ...(nets.length ? { corporateNetworks: nets } : {}), ...(dom ? { domain: dom } : {}) };
      setScan(await call(api().scan(args)));
    } catch (e) {
      setScanError(asIpcError(e));
    } finally {
      end();
    }
  }, [networks, domain]);

  const scanWithNetworks = useCallback(async (nets: string[]) => {
    setNetworks(nets);
    await runScan(nets);
  }, [runScan]);

  /** The domain and controller typed in the form (LMHOSTS), kept for later scans in this session. */
  const scanWithDomain = useCallback(async (d: DomainInput) => {
    setDomain(d);
    await runScan(undefined, d);
  }, [runScan]);

  const loadHistory = useCallback(async () => {
    setHistoryError(null);
    try {
      setHistory(await call(api().history({})));
    } catch (e) {
      setHistoryError(asIpcError(e));
    }
  }, []);

  const applyFix = useCallback(async (fix: Fix) => {
    if (!scan) return;
    begin('apply');
    setApply({ fix, status: 'running', events: [] });
    try {
      const result = await call(api().applyFixes({ runToken: scan.runToken, fixIds: [fix.id] }));
      setApply((a) => (a ? { ...a, status: 'done', result } : a));
      setScan((s) => (s ? { ...s, report: result.report } : s));
    } catch (e) {
      setApply((a) => (a ? { ...a, status: 'error', error: asIpcError(e) } : a));
    } finally {
      end();
    }
  }, [scan]);

  /** Undo from the apply view (updates it) or from history (runId only). */
  const undoRun = useCallback(async (runId: string): Promise<RunResult | IpcError> => {
    begin('undo');
    const fromApply = apply?.result?.runId === runId;
    if (fromApply) setApply((a) => (a ? { ...a, undo: { status: 'running' } } : a));
    try {
      const result = await call(api().rollback({ runId }));
      if (fromApply) setApply((a) => (a ? { ...a, undo: { status: 'done', result } } : a));
      end();
      await runScan();
      await loadHistory();
      return result;
    } catch (e) {
      const error = asIpcError(e);
      if (fromApply) setApply((a) => (a ? { ...a, undo: { status: 'error', error } } : a));
      end();
      return error;
    }
  }, [apply, runScan, loadHistory]);

  /**
   * The PPTP path check for one profile of the current scan: only the run token and the profile's
   * name go to main, which looks the server up itself. Throws IpcFailure (e.g. PROBE_NOT_LIVE).
   */
  const checkPptp = useCallback(async (profileName: string): Promise<PptpCheckResult> => {
    if (!scan) throw new IpcFailure({ code: 'NO_SCAN', message: 'Check this computer first.' });
    return call(api().checkPptp({ runToken: scan.runToken, profileName }));
  }, [scan]);

  return {
    checkPptp,
    info, infoError, scan, scanError, scanProgress, busy, networks, domain, apply, history, historyError,
    runScan, scanWithNetworks, scanWithDomain, applyFix, undoRun, loadHistory, clearApply: () => setApply(null),
  };
}

export type TunnelMedicState = ReturnType<typeof useTunnelMedic>;
