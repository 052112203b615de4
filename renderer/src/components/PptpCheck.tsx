import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, IpcError, PptpCheckResult } from '../../../app/shared/ipc';
import { asIpcError } from '../api';
import { ErrorNotice } from './ErrorNotice';
import { Icon } from './Icon';

type CheckState = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: PptpCheckResult } | { status: 'error'; error: IpcError };

/** gre-blocked / refused / unreachable are something to act on; only a reachable control channel is ok */
export const pptpTone = (verdict: PptpCheckResult['verdict']): 'ok' | 'warning' => (verdict === 'control-ok' ? 'ok' : 'warning');

/**
 * The PPTP path check for one profile (issue 5 item 5). The consent sentence sits right beside the
 * button: clicking is the consent. The check connects from this computer, so on the demo machine or
 * a capture the button stays disabled and says why. The renderer sends only the profile's name;
 * main looks the server up in the scan.
 */
export function PptpCheck({ profileName, server, source, check }: { profileName: string; server: string; source: AppInfo['source'] | undefined; check: (profileName: string) => Promise<PptpCheckResult> }) {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<CheckState>({ status: 'idle' });
  const live = source === 'live';
  const note = live ? t('pptpCheck.consent', { server }) : source === 'demo' ? t('pptpCheck.notLiveDemo') : source === 'capture' ? t('pptpCheck.notLiveCapture') : '';

  const run = async (): Promise<void> => {
    setState({ status: 'running' });
    try {
      setState({ status: 'done', result: await check(profileName) });
    } catch (e) {
      setState({ status: 'error', error: asIpcError(e) });
    }
  };

  return (
    <div className="pptp-check" data-testid="pptp-check">
      <h4 className="col-title">{t('pptpCheck.title')}</h4>
      <div className="pptp-check-row">
        <button type="button" className="button button-small" disabled={!live || state.status === 'running'} aria-describedby={note ? `${id}-note` : undefined} onClick={() => void run()}>
          {t('pptpCheck.button', { server })}
        </button>
        {note && (
          <p id={`${id}-note`} className={live ? 'small pptp-note' : 'small muted pptp-note'} data-testid={live ? 'pptp-consent' : 'pptp-not-live'}>
            {note}
          </p>
        )}
      </div>
      {/* always in the page, so screen readers announce what appears in it */}
      <div role="status" className="pptp-status" data-testid="pptp-status">
        {state.status === 'running' && <p className="small muted">{t('pptpCheck.running', { server })}</p>}
        {state.status === 'done' && (
          <div className={`notice pptp-result pptp-${pptpTone(state.result.verdict)}`} data-verdict={state.result.verdict}>
            <p className="notice-title">
              <Icon name={pptpTone(state.result.verdict) === 'ok' ? 'check' : 'warning'} /> {t(`pptpCheck.verdict.${state.result.verdict}`)}
            </p>
            <p>{state.result.message}</p>
          </div>
        )}
      </div>
      {state.status === 'error' && <ErrorNotice title={t('pptpCheck.failed')} error={state.error} onRetry={live ? () => void run() : undefined} />}
    </div>
  );
}
