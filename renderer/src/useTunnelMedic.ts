import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo, DomainInput, IpcError, OpenedCapture, PptpCheckResult, Progress, RunResult, RunSummary, ScanResult } from '../../app/shared/ipc';
import type { Finding, Fix } from '../../app/shared/model-types';
import { api, asIpcError, call, IpcFailure } from './api';
import { currentLanguage } from './i18n';

export type Op = 'scan' | 'apply' | 'undo' | null;

export interface ApplyState {
  fix: Fix;
  /** the finding the fix was for, as the person saw it (it leaves the report once fixed) */
  finding?: Finding;
  status: 'running' | 'done' | 'error';
  events: Progress[];
  result?: RunResult;
  error?: IpcError;
  /** a stale plan (the machine changed since the check): the app checked again by itself */
  rechecked?: boolean;
  undo?: { status: 'running' | 'done' | 'error'; result?: RunResult; error?: IpcError };
}

/** A problem fixed since the person last pressed "Check": it stays in the list as "Fixed — Undo". */
export interface FixedItem {
  finding: Finding;
  fix: Fix;
  runId: string;
}

/** Errors whose meaning is "what you reviewed is out of date": the app checks again by itself. */
const STALE = new Set(['PRECONDITION_FAILED', 'UNKNOWN_RUN_TOKEN']);

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
  const [fixed, setFixed] = useState<FixedItem[]>([]);
  const [history, setHistory] = useState<RunSummary[] | null>(null);
  const [historyError, setHistoryError] = useState<IpcError | null>(null);
  /** increases with every finished check the person started, so screens can announce it and move focus */
  const [scanCount, setScanCount] = useState(0);
  const op = useRef<Op>(null);
  /** bumped after each fix or undo: the route watch takes the table as it is then as its baseline */
  const [settled, setSettled] = useState(0);
  /** findings this session fixed (verified), so a re-check can say that one is back */
  const [fixedFindingIds, setFixedFindingIds] = useState<string[]>([]);
  /** a PC's capture opened in the window: what reading it left out (main's words); an error when the folder was no capture */
  const [captureNotes, setCaptureNotes] = useState<string[]>([]);
  const [captureError, setCaptureError] = useState<IpcError | null>(null);

  const loadInfo = useCallback(() => {
    setInfoError(null);
    call(api().appInfo({})).then(setInfo, (e: unknown) => setInfoError(asIpcError(e)));
  }, []);

  useEffect(() => {
    loadInfo();
    return api().onProgress((p) => {
      // a big server log read in full (phase `read`) is the server-log panel's own progress, also while a scan runs
      if (p.phase === 'read') return;
      if (op.current === 'scan') setScanProgress(p);
      else if (op.current === 'apply') setApply((a) => (a ? { ...a, events: [...a.events, p] } : a));
    });
  }, [loadInfo]);

  const begin = (which: Exclude<Op, null>): void => {
    op.current = which;
    setBusy(which);
  };
  const end = (): void => {
    op.current = null;
    setBusy(null);
  };

  /**
   * A check. `keepFixed`: a check the app makes by itself after a fix or an undo (fresh state and run
   * token) keeps the "Fixed — Undo" rows; a check the person asks for starts a clean list.
   */
  const runScan = useCallback(async (corporateNetworks?: string[], domainInput?: DomainInput | null, opts: { keepFixed?: boolean } = {}): Promise<ScanResult | null> => {
    const nets = corporateNetworks ?? networks;
    const dom = domainInput === undefined ? domain : domainInput;
    begin('scan');
    setScanProgress(null);
    setScanError(null);
    try {
      const args = { language: currentLanguage(), ...(nets.length ? { corporateNetworks: nets } : {}), ...(dom ? { domain: dom } : {}) };
      const result = await call(api().scan(args));
      setScan(result);
      if (!opts.keepFixed) setFixed([]);
      setScanCount((n) => n + 1);
      return result;
    } catch (e) {
      setScanError(asIpcError(e));
      return null;
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

  /** `probe`: the person allowed the reachability check before and after (this PC only) */
  const applyFix = useCallback(async (fix: Fix, probe = false) => {
    if (!scan) return;
    const finding = scan.report.findings.find((f) => f.fixes.some((x) => x.id === fix.id));
    begin('apply');
    setApply({ fix, finding, status: 'running', events: [] });
    let recheck = false;
    try {
      const result = await call(api().applyFixes({ runToken: scan.runToken, fixIds: [fix.id], ...(probe ? { probe } : {}) }));
      setApply((a) => (a ? { ...a, status: 'done', result } : a));
      setScan((s) => (s ? { ...s, report: result.report } : s));
      if (result.verified && finding) setFixed((list) => [...list.filter((x) => x.finding.id !== finding.id), { finding, fix, runId: result.runId }]);
      recheck = true;
      if (result.verified) setFixedFindingIds((ids) => [...new Set([...ids, fix.id.split(':')[0]!])]);
      setSettled((n) => n + 1);
    } catch (e) {
      const error = asIpcError(e);
      recheck = STALE.has(error.code);
      setApply((a) => (a ? { ...a, status: 'error', error, rechecked: recheck } : a));
    } finally {
      end();
    }
    // a fresh check: the next fix is planned against the machine as it is now, not as it was
    if (recheck) await runScan(undefined, undefined, { keepFixed: true });
  }, [scan, runScan]);

  /** Undo from the apply view (updates it), from a "Fixed — Undo" row or from history (runId only). */
  const undoRun = useCallback(async (runId: string): Promise<RunResult | IpcError> => {
    begin('undo');
    const fromApply = apply?.result?.runId === runId;
    if (fromApply) setApply((a) => (a ? { ...a, undo: { status: 'running' } } : a));
    try {
      const result = await call(api().rollback({ runId }));
      if (fromApply) setApply((a) => (a ? { ...a, undo: { status: 'done', result } } : a));
      setFixed((list) => list.filter((x) => x.runId !== runId));
      setSettled((n) => n + 1);
      end();
      await runScan(undefined, undefined, { keepFixed: true });
      await loadHistory();
      return result;
    } catch (e) {
      const error = asIpcError(e);
      if (fromApply) setApply((a) => (a ? { ...a, undo: { status: 'error', error } } : a));
      end();
      return error;
    }
  }, [apply, runScan, loadHistory]);

  /** The window now shows another machine (a capture opened, or back home): nothing of the last one is kept, then it is checked. */
  const showSource = useCallback(async (next: AppInfo, notes: string[]) => {
    setInfo(next);
    setCaptureNotes(notes);
    setScan(null);
    setApply(null);
    setFixed([]);
    setFixedFindingIds([]);
    setHistory(null);
    await runScan();
  }, [runScan]);
  const showSourceRef = useRef(showSource);
  showSourceRef.current = showSource;

  /**
   * File → Open a PC's capture… as a button: main shows the folder dialog and checks the folder (the path never reaches this
   * page); the reading's progress shows in the check panel.
   */
  const openCapture = useCallback(async () => {
    begin('scan');
    setScanProgress(null);
    setCaptureError(null);
    let opened: { opened: false } | OpenedCapture;
    try {
      opened = await call(api().openCapture({ language: currentLanguage() }));
    } catch (e) {
      setCaptureError(asIpcError(e));
      end();
      return;
    }
    end();
    if (opened.opened) await showSource(opened.info, opened.notes);
  }, [showSource]);

  /** Back from a capture to this PC (or the demo). */
  const leaveCapture = useCallback(async () => {
    begin('scan');
    setCaptureError(null);
    try {
      const home = await call(api().leaveCapture({}));
      end();
      await showSource(home, []);
    } catch (e) {
      setCaptureError(asIpcError(e));
      end();
    }
  }, [showSource]);

  // the menu item switched the engine in main: show what it shows now
  useEffect(() => api().onSourceChanged?.((opened) => {
    setCaptureError(null);
    void showSourceRef.current(opened.info, opened.notes);
  }), []);

  /** The report now (fixes applied or undone included), in the UI's language; `redact` for sending to IT. */
  const exportReport = useCallback(async (redact: boolean) => {
    if (!scan) throw new IpcFailure({ code: 'NO_SCAN', message: 'Check this computer first.' });
    return call(api().exportReport({ runToken: scan.runToken, format: 'html', language: currentLanguage(), redact }));
  }, [scan]);

  /** On a capture: saves the fix (or undo) script for the PC the capture came from. */
  const saveFixScript = useCallback(async (fixId: string, which: 'fix' | 'undo', shell: 'cmd' | 'ps1') => {
    if (!scan) throw new IpcFailure({ code: 'NO_SCAN', message: 'Check this computer first.' });
    return call(api().saveFixScript({ runToken: scan.runToken, fixId, which, shell }));
  }, [scan]);

  /**
   * The PPTP path check for one profile of the current scan: only the run token and the profile's
   * name go to main, which looks the server up itself. Throws IpcFailure (e.g. PROBE_NOT_LIVE).
   */
  const checkPptp = useCallback(async (profileName: string): Promise<PptpCheckResult> => {
    if (!scan) throw new IpcFailure({ code: 'NO_SCAN', message: 'Check this computer first.' });
    return call(api().checkPptp({ runToken: scan.runToken, profileName }));
  }, [scan]);

  return {
    checkPptp, exportReport, saveFixScript, loadInfo, openCapture, leaveCapture, captureNotes, captureError, clearCaptureError: () => setCaptureError(null),
    info, infoError, scan, scanError, scanProgress, scanCount, busy, networks, domain, apply, fixed, history, historyError, settled, fixedFindingIds,
    runScan, scanWithNetworks, scanWithDomain, applyFix, undoRun, loadHistory, clearApply: () => setApply(null),
  };
}

export type TunnelMedicState = ReturnType<typeof useTunnelMedic>;
