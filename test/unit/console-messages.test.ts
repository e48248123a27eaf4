import { describe, expect, it } from 'vitest';
import { CONSOLE_MESSAGES } from '../../console/messages/index.ts';
import { en } from '../../console/messages/en.ts';
import { Locale } from '../../shared/contract/common.ts';

const keys = Object.keys(en).sort();
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('console message catalogues', () => {
  it('every console text exists in all four locales, with the same placeholders', () => {
    for (const locale of Locale.options) {
      const messages = CONSOLE_MESSAGES[locale];
      expect(Object.keys(messages).sort(), locale).toEqual(keys);
      for (const key of keys) {
        const text = messages[key as keyof typeof en];
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });

  it('nl, fr and de are translations, not copies of English', () => {
    for (const locale of ['nl', 'fr', 'de'] as const) {
      const same = keys.filter(
        (key) => CONSOLE_MESSAGES[locale][key as keyof typeof en] === en[key as keyof typeof en],
      );
      expect(same.length / keys.length, `${locale}: ${same.join(', ')}`).toBeLessThanOrEqual(0.1);
      // A text of placeholders and punctuation only (`{to} — {actor}, {at}`) has no words to translate.
      const worded = same.filter((key) => /\p{L}/u.test(en[key as keyof typeof en].replace(/\{\w+\}/g, '')));
      for (const key of worded)
        expect(en[key as keyof typeof en].split(' ').length, `${locale} ${key}`).toBeLessThanOrEqual(3);
    }
  });
});
