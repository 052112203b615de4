import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Copies through the async clipboard API, falling back to a hidden textarea + execCommand: main
 * denies every permission request, and the fallback needs none.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async (): Promise<void> => {
    setState((await copyText(text)) ? 'copied' : 'failed');
    setTimeout(() => setState('idle'), 2500);
  };
  return (
    <div className="copy">
      <button type="button" className="button button-small" onClick={() => void onClick()}>
        {label ?? t('script.copy')}
      </button>
      <span role="status" aria-live="polite" className="small copy-status">
        {state === 'copied' ? t('script.copied') : state === 'failed' ? t('script.copyFailed') : ''}
      </span>
    </div>
  );
}
