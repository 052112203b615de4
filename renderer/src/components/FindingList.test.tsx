import i18n from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../app/shared/model-types';
import en from '../locales/en.json';
import { FINDINGS_PAGE, FindingList } from './FindingList';

const t = i18n.createInstance();
await t.use(initReactI18next).init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });

const finding = (i: number, severity: Finding['severity']) => ({ id: `f-${i}`, severity, title: `Finding ${i}`, summary: 's', evidence: [], fixes: [] }) as unknown as Finding;
const render = (findings: Finding[]) => renderToStaticMarkup(<I18nextProvider i18n={t}><FindingList findings={findings} onOpen={() => {}} /></I18nextProvider>);
const rows = (html: string) => (html.match(/data-finding-id=/g) ?? []).length;

describe('FindingList paints a page per group (issue 16: 1 000 findings)', () => {
  it('shows every finding of a short list and no "show more"', () => {
    const html = render([finding(1, 'critical'), finding(2, 'warning'), finding(3, 'info')]);
    expect(rows(html)).toBe(3);
    expect(html).not.toContain('more (');
  });

  it('shows the first page of each group and says how many are left', () => {
    const many = [...Array.from({ length: 400 }, (_, i) => finding(i, 'warning')), ...Array.from({ length: 30 }, (_, i) => finding(1000 + i, 'critical'))];
    const html = render(many);
    expect(rows(html)).toBe(2 * FINDINGS_PAGE);
    expect(html).toContain(`Show ${FINDINGS_PAGE} more (${400 - FINDINGS_PAGE} not shown)`);
    expect(html).toContain(`Show 5 more (5 not shown)`);
  });
});
