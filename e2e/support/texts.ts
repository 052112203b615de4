import en from '../../renderer/src/locales/en.json';
import nl from '../../renderer/src/locales/nl.json';

export const LOCALES = { en, nl } as const;
export type Lang = keyof typeof LOCALES;
export const BROWSER_LOCALE: Record<Lang, string> = { en: 'en-US', nl: 'nl-NL' };
