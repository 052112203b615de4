import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import nl from '../locales/nl.json';
import { cidrProblem } from './NetworksForm';

const t = i18n.createInstance();
await t.init({ resources: { en: { translation: en }, nl: { translation: nl } }, lng: 'en', interpolation: { escapeValue: false } });
const say = (value: string, lng: 'en' | 'nl') => {
  const p = cidrProblem(value);
  return p ? t.getFixedT(lng)(p.key, { ...p.params, value }) : null;
};

describe('the networks form says what is wrong before anything is sent (the engine refuses the same)', () => {
  it.each([
    ['10.13.1.0/24', 'en', null],
    ['10.13.1.5/24', 'en', '“10.13.1.5/24” is not where its network starts. Did you mean 10.13.1.0/24?'],
    ['10.13.1.5/24', 'nl', '"10.13.1.5/24" begint niet waar het netwerk begint. Bedoelt u 10.13.1.0/24?'],
    ['0.0.0.0/0', 'nl', '"0.0.0.0/0" is het hele internet'],
    ['128.0.0.0/1', 'en', '“128.0.0.0/1” is 1/2 of all internet addresses'],
    ['010.13.1.0/24', 'en', 'without leading zeros'],
    ['300.1.1.0/24', 'nl', 'bevat een getal boven 255'],
    ['10.1.1.0/40', 'en', 'has a prefix above /32'],
    ['corp', 'nl', 'is geen netwerk'],
  ])('%s (%s)', (value, lng, said) => {
    const text = say(value, lng as 'en' | 'nl');
    if (said === null) expect(text).toBeNull();
    else expect(text).toContain(said);
  });

  it('every reason has a text in both languages (no key shown raw)', () => {
    for (const value of ['10.13.1.5/24', '0.0.0.0/0', '128.0.0.0/1', '010.13.1.0/24', 'x']) {
      const p = cidrProblem(value)!;
      for (const lng of ['en', 'nl'] as const) expect(t.getFixedT(lng)(p.key, { ...p.params, value })).not.toMatch(/^networks\.|\{\{/);
    }
  });
});
