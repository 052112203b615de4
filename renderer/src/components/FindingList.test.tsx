import i18n from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../app/shared/model-types';
import en from '../locales/en.json';
import { FINDINGS_PAGE, FindingList, firstRows } from './FindingList';

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

  it('fills the first page with the most serious findings and collapses the groups that got no rows', () => {
    const many = [...Array.from({ length: 400 }, (_, i) => finding(i, 'warning')), ...Array.from({ length: 20 }, (_, i) => finding(1000 + i, 'critical')), ...Array.from({ length: 9 }, (_, i) => finding(2000 + i, 'info'))];
    const html = render(many);
    expect(rows(html)).toBe(FINDINGS_PAGE);
    // every critical one, then warnings up to the page; the notes group keeps its heading and count
    expect((html.match(/finding-row finding-critical/g) ?? []).length).toBe(20);
    expect((html.match(/finding-row finding-warning/g) ?? []).length).toBe(FINDINGS_PAGE - 20);
    expect(html).toContain(`Show ${FINDINGS_PAGE} more (${400 - (FINDINGS_PAGE - 20)} not shown)`);
    expect(html).toContain('id="group-info"');
    expect(html).toContain('Show 9 of 9');
    expect(html).not.toContain('finding-row finding-info');
  });

  it('keeps the first paint of 1 000 findings small (a DOM bound, not a timing)', () => {
    const severities = ['critical', 'warning', 'info'] as const;
    const html = render(Array.from({ length: 1000 }, (_, i) => finding(i, severities[i % 3]!)));
    expect(rows(html)).toBe(FINDINGS_PAGE);
    const elements = (html.match(/<[a-z][a-z0-9]*/g) ?? []).length;
    expect(elements).toBeLessThanOrEqual(FINDINGS_PAGE * 12 + 40);
  });

  it('gives the page to the groups in order', () => {
    expect(firstRows([3, 4, 5])).toEqual([3, 4, 5]);
    expect(firstRows([30, 400, 9])).toEqual([FINDINGS_PAGE, 0, 0]);
    expect(firstRows([10, 400, 9])).toEqual([10, FINDINGS_PAGE - 10, 0]);
    expect(firstRows([0, 2, 100], 10)).toEqual([0, 2, 8]);
  });
});
