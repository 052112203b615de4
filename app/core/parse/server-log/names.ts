import type { ServerLogResult } from './types';

/**
 * The names a server log holds that `--redact` must hide: user names (CHAP/RADIUS/XAUTH users,
 * certificate subjects), the logging host, and the computer name Windows sends in its LCP
 * Identification (`MSRAS-0-<COMPUTER>`). Addresses are not listed: the Redactor finds public ones
 * by their shape.
 */
export function serverLogNames(r: ServerLogResult): { kind: 'user' | 'host'; value: string }[] {
  const out: { kind: 'user' | 'host'; value: string }[] = [];
  const seen = new Set<string>();
  const add = (kind: 'user' | 'host', value: string | undefined) => {
    const v = value?.trim();
    if (!v || /^<[^>]*>$|^-snip-$|^\?$/.test(v) || seen.has(`${kind}:${v}`)) return;
    seen.add(`${kind}:${v}`);
    out.push({ kind, value: v });
  };
  for (const e of r.entries) {
    add('user', e.user);
    if (e.host && !/^\d/.test(e.host)) add('host', e.host);
    for (const d of e.decoded) {
      const v = d.values ?? {};
      if (typeof v.user === 'string') add('user', v.user);
      if (d.key === 'windowsRasIdent' && typeof v.ident === 'string') add('host', v.ident.match(/^MSRAS-\d+-(.+)$/)?.[1]);
      if (d.key === 'step.certificate' && typeof v.subject === 'string') add('user', v.subject.match(/CN=([^,]+)/)?.[1]);
      if (d.key === 'step.rasServer' && typeof v.server === 'string') add('host', v.server);
    }
    // CHAP challenge/response names: `name = "pptpd"`, IOS `from "CSR1"`
    const named = e.text.match(/name = "([^"]+)"|from "([^"]+)"/);
    if (named) add(/Challenge|CHALLENGE/.test(e.text) ? 'host' : 'user', named[1] ?? named[2]);
  }
  return out;
}
