import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainInput } from '../../../app/shared/ipc';
import { Icon } from './Icon';

/** NetBIOS names: 1–15 characters, letters, digits and - _ . ! # $ % & ' ( ) @ ^ { } ~ (as ipc.ts checks). */
export function netbiosProblem(text: string): string | null {
  if (text.length === 0) return 'domain.errorEmpty';
  if (text.length > 15) return 'domain.errorLong';
  if (!/^[A-Za-z0-9!#$%&'()\-.@^_{}~]+$/.test(text)) return 'domain.errorChars';
  return null;
}

export function ipv4Problem(text: string): string | null {
  if (text.length === 0) return 'domain.errorAddressEmpty';
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return 'domain.errorAddress';
  if (m.slice(1).some((o) => Number(o) > 255)) return 'domain.errorOctet';
  return null;
}

type Field = 'netbios' | 'dcName' | 'dcAddress';

/**
 * Asked when no policy names the domain: LMHOSTS needs the domain's NetBIOS name and a domain
 * controller (name and IPv4 address) for logging on over the VPN (Q180094). Re-scans with them.
 */
export function DomainForm({ domain, disabled, onSubmit }: { domain: DomainInput | null; disabled: boolean; onSubmit: (d: DomainInput) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const dc = domain?.controllers[0];
  const [values, setValues] = useState<Record<Field, string>>({ netbios: domain?.netbiosName ?? '', dcName: dc?.name ?? '', dcAddress: dc?.address ?? '' });
  const [errors, setErrors] = useState<Partial<Record<Field, { key: string; value: string }>>>({});

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const v = { netbios: values.netbios.trim().toUpperCase(), dcName: values.dcName.trim().toUpperCase(), dcAddress: values.dcAddress.trim() };
    const found: typeof errors = {};
    const check = (field: Field, problem: string | null): void => {
      if (problem) found[field] = { key: problem, value: v[field] };
    };
    check('netbios', netbiosProblem(v.netbios));
    check('dcName', netbiosProblem(v.dcName));
    check('dcAddress', ipv4Problem(v.dcAddress));
    setErrors(found);
    setValues(v);
    const first = (['netbios', 'dcName', 'dcAddress'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    onSubmit({ netbiosName: v.netbios, controllers: [{ name: v.dcName, address: v.dcAddress }] });
  };

  const field = (name: Field, placeholder: string) => {
    const error = errors[name];
    return (
      <div className="form-field">
        <label htmlFor={`${id}-${name}`} className="label">{t(`domain.${name}Label`)}</label>
        <input
          id={`${id}-${name}`}
          className="input mono"
          value={values[name]}
          onChange={(e) => setValues({ ...values, [name]: e.target.value })}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-${name}-hint${error ? ` ${id}-${name}-error` : ''}`}
          autoComplete="off"
          spellCheck={false}
          maxLength={name === 'dcAddress' ? 15 : 32}
        />
        <p id={`${id}-${name}-hint`} className="hint">{t(`domain.${name}Hint`)}</p>
        {error && (
          <p id={`${id}-${name}-error`} className="field-error" role="alert">
            <Icon name="warning" /> {t(error.key, { value: error.value })}
          </p>
        )}
      </div>
    );
  };

  return (
    <section className="panel domain" aria-labelledby={`${id}-title`} data-testid="domain-form">
      <h2 id={`${id}-title`}>{t('domain.title')}</h2>
      <p className="muted">{t('domain.intro')}</p>
      <form onSubmit={submit} noValidate className="domain-form">
        {field('netbios', 'CORP')}
        <fieldset className="dc-fieldset">
          <legend className="label">{t('domain.dcLegend')}</legend>
          <div className="dc-fields">
            {field('dcName', 'DC1')}
            {field('dcAddress', '10.13.1.10')}
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={disabled}>{t('domain.submit')}</button>
        {domain && <p className="small muted">{t('domain.using', { domain: domain.netbiosName, dc: domain.controllers.map((c) => `${c.name} ${c.address}`).join(', ') })}</p>}
      </form>
    </section>
  );
}
