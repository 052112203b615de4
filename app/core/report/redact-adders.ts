import { isIpAddress } from './redact-addresses';
import type { SensitiveValue } from './redact';

/** How the readers of redact-values.ts and redact-shapes.ts list a name they found. */
export interface Adders {
  add: (kind: SensitiveValue['kind'], value: string | undefined) => void;
  /** a host or server name, maybe with its DNS domain ("ws-1.corp.example" → ws-1 and corp.example), maybe as `\\NAME` */
  addFqdn: (value: string | undefined, kind?: 'host' | 'vpnServer') => void;
  /** "DOMAIN\user" (both listed) or a bare user name */
  addAccount: (value: string | undefined) => void;
}

/** Adders that push onto `out`, trimmed and without surrounding quotes. */
export function makeAdders(out: SensitiveValue[]): Adders {
  const add = (kind: SensitiveValue['kind'], value: string | undefined) => {
    const v = value == null ? undefined : unquoted(value.trim());
    if (v) out.push({ kind, value: v });
  };
  const addFqdn = (value: string | undefined, kind: 'host' | 'vpnServer' = 'host') => {
    const trimmed = value?.trim();
    const v = trimmed?.startsWith('\\\\') ? trimmed.slice(2) : trimmed;
    if (!v || isIpAddress(v)) return;
    // (a name without a dot, most of them: no split into parts)
    if (!v.includes('.')) return add(kind, v);
    const [first, ...rest] = v.split('.');
    if (kind === 'vpnServer') add('vpnServer', v);
    else add(kind, first);
    // an FQDN becomes HOST-n.domain-m.example: its parts are tokens of their own
    add('dnsDomain', rest.join('.'));
  };
  const addAccount = (value: string | undefined) => {
    const m = value?.trim().match(/^([^\\\s]+)\\([^\\\s]+)$/);
    if (m) {
      add('domain', m[1]);
      add('user', m[2]);
    } else add('user', value);
  };
  return { add, addFqdn, addAccount };
}

/**
 * A trimmed value without one quote at each end, trimmed again: `v.replace(/^["']|["']$/g, '').trim()`,
 * with the regex run only when an end is a quote (5 000 LMHOSTS names have none).
 */
function unquoted(v: string): string {
  const isQuote = (c: number) => c === 0x22 || c === 0x27;
  if (!isQuote(v.charCodeAt(0)) && !isQuote(v.charCodeAt(v.length - 1))) return v;
  return v.replace(/^["']|["']$/g, '').trim();
}
