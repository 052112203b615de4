import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

/** "a.b.c.d/n" with octets ≤ 255 and n ≤ 32; returns the message key of the first problem. */
export function cidrProblem(text: string): string | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return 'networks.errorFormat';
  if (m.slice(1, 5).some((o) => Number(o) > 255)) return 'networks.errorOctet';
  if (Number(m[5]) > 32) return 'networks.errorPrefix';
  return null;
}

export function parseNetworks(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}

/** Shown when no policy names the company networks: the person (or support on the phone) types them. */
export function NetworksForm({ networks, disabled, onSubmit }: { networks: string[]; disabled: boolean; onSubmit: (nets: string[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(networks.join(', '));
  const [error, setError] = useState<{ key: string; value: string } | null>(null);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const nets = parseNetworks(text);
    if (nets.length === 0) return setError({ key: 'networks.errorEmpty', value: '' });
    if (nets.length > 64) return setError({ key: 'networks.errorTooMany', value: '' });
    for (const net of nets) {
      const problem = cidrProblem(net);
      if (problem) return setError({ key: problem, value: net });
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
            {t(error.key, { value: error.value })}
          </p>
        )}
        <button type="submit" className="button" disabled={disabled}>{t('networks.submit')}</button>
        {networks.length > 0 && <p className="small muted">{t('networks.using', { list: networks.join(', ') })}</p>}
      </form>
    </section>
  );
}
