import { describe, expect, it } from 'vitest';
import { Locale } from '../../shared/contract/common.ts';
import { de } from '../../shared/i18n/messages/de.ts';
import { fr } from '../../shared/i18n/messages/fr.ts';
import { en, loadMessages, messagesFor, messagesLang } from '../../shared/i18n/messages/index.ts';
import { nl } from '../../shared/i18n/messages/nl.ts';
import type { MessageKey, Messages } from '../../shared/i18n/translate.ts';

const translations: Record<Exclude<Locale, 'en'>, Messages> = { nl, fr, de };
const catalogues: Record<Locale, Messages> = { en, ...translations };
const keys = Object.keys(en).sort() as MessageKey[];
const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

describe('UI message catalogues', () => {
  it('R13: every UI string exists in all four locales', () => {
    for (const locale of Locale.options) {
      const messages = catalogues[locale];
      expect(Object.keys(messages).sort(), locale).toEqual(keys);
      for (const key of keys) {
        expect(typeof messages[key], `${locale} ${key}`).toBe('string');
        expect(messages[key].trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('placeholders match the English ones in every locale', () => {
    for (const [locale, messages] of Object.entries(translations)) {
      for (const key of keys) expect(placeholders(messages[key]), `${locale} ${key}`).toEqual(placeholders(en[key]));
    }
  });

  it('nl, fr and de are translations, not copies of English', () => {
    for (const [locale, messages] of Object.entries(translations)) {
      const same = keys.filter((key) => messages[key] === en[key]);
      // Product names and short codes (Twikit Live, TwikFit, JSON, …) may match; sentences may not.
      expect(same.length / keys.length, `${locale}: ${same.join(', ')}`).toBeLessThanOrEqual(0.15);
      for (const key of same) expect(en[key].split(' ').length, `${locale} ${key}`).toBeLessThanOrEqual(3);
    }
  });

  it('Accept all and Reject all carry equal weight in every locale', () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      const [accept, reject] = [messages['first.acceptAll'], messages['first.rejectAll']];
      expect(Math.abs(accept.length - reject.length), locale).toBeLessThanOrEqual(4);
      expect(accept.split(' ').length, locale).toBe(reject.split(' ').length);
    }
  });

  it('"Global Privacy Control" stays a name in every locale', () => {
    for (const messages of Object.values(catalogues))
      expect(messages['consent.gpcHonoured']).toContain('Global Privacy Control');
  });

  it('messagesFor returns the catalogue of each locale once it is loaded', async () => {
    for (const locale of Locale.options) {
      await loadMessages(locale);
      expect(messagesFor(locale)).toBe(catalogues[locale]);
      expect(messagesLang(locale)).toBe(locale);
    }
    expect(messagesFor('nl')['first.acceptAll']).toBe('Alles accepteren');
    expect(messagesFor('fr')['first.acceptAll']).toBe('Tout accepter');
    expect(messagesFor('de')['first.acceptAll']).toBe('Alle akzeptieren');
  });
});
