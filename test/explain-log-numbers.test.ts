import { describe, expect, it } from 'vitest';
import { formatFindings, formatServerLogs } from '../app/cli/commands/explain-log';
import { explainServerLogs } from '../app/core/diagnose/server-log';
import { engineT } from '../app/core/i18n';
import { parseServerLog } from '../app/core/parse/server-log';

/**
 * explain-log's text: the counts of a long log in the language's digit grouping ("4,934 of 4,934", "4.934 van 4.934"), as the
 * paste box shows them (round 43; before, "4934 van 4934" and "Niet begrepen regels: 1201"). Line numbers stay as the file's.
 */
const LONG = [
  // (the notes first: after lines of one length, a shorter line is taken for a wrap of the last, first-wrap.ts)
  ...Array.from({ length: 1100 }, (_, i) => `Ticket ${i}: the VPN is down again`),
  ...Array.from({ length: 1500 }, (_, i) => `Nov 18 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} gw pppd[311]: LCP: timeout sending Config-Requests`),
].join('\n');

describe("explain-log's counts in the person's language", () => {
  const text = (lang: 'en' | 'nl') => {
    const { serverLogs, findings } = explainServerLogs([parseServerLog(LONG, 'vpn.log')], engineT(lang));
    return `${formatServerLogs(serverLogs, lang)}\n${formatFindings(findings, lang, serverLogs)}`;
  };

  it('English: 1,500 of 2,600, 1,500 lines, 1,499 more lines saying the same, 1,100 not understood', () => {
    const en = text('en');
    expect(en).toContain('vpn.log — 1,500 of 2,600 log lines understood. (pppd/pptpd/xl2tpd/mpd 1,500 lines');
    expect(en).toContain('…and 1,499 more lines saying the same, up to line 2600');
    expect(en).toContain('Lines not understood: 1,100');
  });

  it('Dutch: 1.500 van 2.600, 1.500 regels, nog 1.499 regels, 1.100 niet begrepen', () => {
    const nl = text('nl');
    expect(nl).toContain('vpn.log — 1.500 van 2.600 logregels begrepen. (pppd/pptpd/xl2tpd/mpd 1.500 regels');
    expect(nl).toContain('…en nog 1.499 regels die hetzelfde zeggen, tot regel 2600');
    expect(nl).toContain('Niet begrepen regels: 1.100');
  });
});
