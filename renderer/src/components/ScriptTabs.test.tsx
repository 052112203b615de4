import i18n from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Fix } from '../../../app/shared/model-types';
import en from '../locales/en.json';
import nl from '../locales/nl.json';
import { FixButton } from './FixCard';
import { ScriptTabs } from './ScriptTabs';

const t = i18n.createInstance();
await t.use(initReactI18next).init({ resources: { en: { translation: en }, nl: { translation: nl } }, lng: 'en', interpolation: { escapeValue: false } });

const fix = (script: Fix['script']): Fix => ({ id: 'x:y', title: 'X', requiresAdmin: true, risk: 'low', steps: ['s'], actions: [], rollbackActions: [], script });
const render = (f: Fix, lng = 'en') => {
  void t.changeLanguage(lng);
  return renderToStaticMarkup(
    <I18nextProvider i18n={t}>
      <ScriptTabs fix={f} />
    </I18nextProvider>,
  );
};

describe('ScriptTabs offers PowerShell only where the fix has it (issue 11.6)', () => {
  it('a Windows 10 fix: Command Prompt and PowerShell, no "not offered" note', () => {
    const html = render(fix({ cmd: '@echo off', rollbackCmd: '@echo off', ps1: '#Requires -Version 4.0', rollbackPs1: '#Requires -Version 4.0' }));
    expect(html).toContain('>PowerShell</button>');
    expect(html).not.toContain('data-testid="ps1-unavailable"');
  });

  it('an XP / NT 4.0 / 9x fix: no PowerShell choice, and the reason is shown instead', () => {
    const reason = 'fix.ps1 is not offered for this PC: Windows NT 4.0 has no PowerShell.';
    const html = render(fix({ cmd: '@echo off', rollbackCmd: '@echo off', ps1Unavailable: reason, dialect: 'cmd-nt4' }));
    expect(html).not.toContain('>PowerShell</button>');
    expect(html).toContain(`data-testid="ps1-unavailable">${reason}</p>`);
    expect(html).toContain('For Windows NT 4.0: a .cmd file written for its cmd.exe.');
    const bat = render(fix({ cmd: '@echo off', rollbackCmd: '@echo off', ps1Unavailable: 'r', dialect: 'command-com' }), 'nl');
    expect(bat).toContain('Voor Windows 95/98/ME: een .bat-bestand voor COMMAND.COM');
  });

  it('saving the script of a 9x / NT 4.0 capture says how to run it there', () => {
    const mode = { kind: 'script' as const, save: async () => ({ saved: true }) };
    const html = (f: Fix) => renderToStaticMarkup(<I18nextProvider i18n={t}><FixButton fix={f} mode={mode} /></I18nextProvider>);
    void t.changeLanguage('en');
    expect(html(fix({ cmd: '', rollbackCmd: '', dialect: 'command-com' }))).toContain('run the .bat file there');
    expect(html(fix({ cmd: '', rollbackCmd: '', dialect: 'cmd-nt4' }))).toContain('log on there as an administrator and run the .cmd file');
    expect(html(fix({ cmd: '', rollbackCmd: '' }))).toContain('Run as administrator');
  });
});
