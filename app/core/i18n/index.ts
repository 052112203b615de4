import i18next, { type TFunction } from 'i18next';
import en from './en.json';
import nl from './nl.json';

export const ENGINE_LANGUAGES = ['en', 'nl'] as const;
export type EngineLanguage = (typeof ENGINE_LANGUAGES)[number];

const RESOURCES: Record<EngineLanguage, typeof en> = { en, nl };
const instances = new Map<EngineLanguage, TFunction>();

/** Engine texts (findings, fix steps) in one language; i18next with bundled resources, synchronous. */
export function engineT(language: EngineLanguage = 'en'): TFunction {
  const cached = instances.get(language);
  if (cached) return cached;
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    // only the language asked for and the English fallback: i18next copies what it is given
    resources: language === 'en' ? { en: { translation: en } } : { en: { translation: en }, [language]: { translation: RESOURCES[language] } },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  const t = instance.t.bind(instance) as TFunction;
  instances.set(language, t);
  return t;
}

export function pickLanguage(value: string | undefined): EngineLanguage {
  const base = (value ?? '').toLowerCase().slice(0, 2);
  return (ENGINE_LANGUAGES as readonly string[]).includes(base) ? (base as EngineLanguage) : 'en';
}
