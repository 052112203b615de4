import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { corporateNetworkIssue } from '../../../app/shared/corporate-network';
import { Icon } from './Icon';

/** What is wrong with one typed network, as a message key of networks.* and its values; null when it is usable. */
export interface CidrProblem {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * "a.b.c.d/n" with octets ≤ 255 and n ≤ 32 (each said on its own), then the engine's own rule
 * (app/shared/corporate-network): the network's own address, and never so wide that the VPN would
 * take the Internet with it — the person reads why here, before anything is sent.
 */
export function cidrProblem(text: string): CidrProblem | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return { key: 'networks.errorFormat' };
  if (m.slice(1, 5).some((o) => Number(o) > 255)) return { key: 'networks.errorOctet' };
  if (Number(m[5]) > 32) return { key: 'networks.errorPrefix' };
  const issue = corporateNetworkIssue(text);
  if (!issue) return null;
  switch (issue.reason) {
    case 'notCidr':
      return { key: 'networks.errorFormat' };
    case 'notPlain':
      return { key: 'networks.errorPlain' };
    case 'notNetworkAddress':
      return { key: 'networks.errorNotNetworkAddress', params: { suggestion: issue.suggestion } };
    case 'wholeInternet':
      return { key: 'networks.errorWholeInternet' };
    case 'tooWide':
      return { key: 'networks.errorTooWide', params: { share: issue.share, minPrefix: issue.minPrefix } };
  }
}

export function parseNetworks(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}

/** Shown when no policy names the company networks: the person (or support on the phone) types them. */
export function NetworksForm({ networks, disabled, onSubmit }: { networks: string[]; disabled: boolean; onSubmit: (nets: string[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(networks.join(', '));
  const [error, setError] = useState<(CidrProblem & { value: string }) | null>(null);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const nets = parseNetworks(text);
    if (nets.length === 0) return setError({ key: 'networks.errorEmpty', value: '' });
    if (nets.length > 64) return setError({ key: 'networks.errorTooMany', value: '' });
    for (const net of nets) {
      const problem = cidrProblem(net);
      if (problem) return setError({ ...problem, value: net });
    }
    setError(null);
    onSubmit(nets);
  };

  return (
    <section className="panel networks" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('networks.title')}</h2>
      <p className="muted">{t('networks.intro')}</p>
      <form onSubmit={submit} noValidate className="networks-form">
        <label htmlFor={`${id}-input`} className="label">{t('networks.label')}</label>
        <input
          id={`${id}-input`}
          className="input mono"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="10.13.1.0/24, 10.20.0.0/16"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          autoComplete="off"
          spellCheck={false}
        />
        <p id={`${id}-hint`} className="hint">{t('networks.hint')}</p>
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            <Icon name="warning" /> 
            {t(error.key, { ...error.params, value: error.value })}
          </p>
        )}
        <button type="submit" className="button" disabled={disabled}>{t('networks.submit')}</button>
        {networks.length > 0 && <p className="small muted">{t('networks.using', { list: networks.join(', ') })}</p>}
      </form>
    </section>
  );
}
