import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { warmFormats } from './format';
import en from './locales/en.json';
import nl from './locales/nl.json';

export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base ?? '')) return base as Language;
  }
  return 'en';
}

export function currentLanguage(): Language {
  return pickLanguage([i18n.resolvedLanguage ?? i18n.language ?? 'en']);
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  lng: pickLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

const syncHtmlLang = (lng: string): void => document.documentElement.setAttribute('lang', lng);
syncHtmlLang(i18n.language);
i18n.on('languageChanged', syncHtmlLang);

// the date formatter of the result screen, built while the app waits (see format.ts): not on the
// path from "the result arrived" to "the findings are on screen"
const whenIdle = (work: () => void): void => void (typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 1000 }) : setTimeout(work, 0));
const warm = (lng: string): void => whenIdle(() => warmFormats(lng));
warm(i18n.language);
i18n.on('languageChanged', warm);

export default i18n;
