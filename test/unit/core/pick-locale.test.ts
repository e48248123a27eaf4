import { describe, expect, it } from 'vitest';
import { LOCALES, pickLocale } from '../../../shared/i18n/pick-locale.ts';

describe('pickLocale', () => {
  it('R13: an explicit choice wins over the host page and the browser', () => {
    expect(pickLocale('fr', 'nl-BE', ['de-CH', 'en'])).toBe('fr');
    expect(pickLocale('FR-be', 'nl', ['de'])).toBe('fr');
  });

  it("R13: without a choice, the host page's lang (nl-BE → nl)", () => {
    expect(pickLocale(null, 'nl-BE', ['de-CH', 'en'])).toBe('nl');
    expect(pickLocale(undefined, 'nl_BE', ['de'])).toBe('nl');
    expect(pickLocale('', ' NL ', [])).toBe('nl');
  });

  it("R13: without a choice or a host lang, the browser's first supported language (['de-CH','en'] → de)", () => {
    expect(pickLocale(null, null, ['de-CH', 'en'])).toBe('de');
    expect(pickLocale(undefined, undefined, ['en-GB', 'de'])).toBe('en');
  });

  it('R13: falls back to English when nothing is known', () => {
    expect(pickLocale(null, null)).toBe('en');
    expect(pickLocale(undefined, undefined, [])).toBe('en');
    expect(pickLocale('', '', [''])).toBe('en');
  });

  it('R13: skips tags it does not ship at every level', () => {
    expect(pickLocale('es', 'nl-BE', ['de'])).toBe('nl');
    expect(pickLocale('xx', 'pt-BR', ['ja', 'it-CH', 'fr-CA', 'de'])).toBe('fr');
    expect(pickLocale('zh-Hans', 'sv', ['ja', 'ko'])).toBe('en');
    // A prefix is not a language: "nld" and "english" are not nl and en.
    expect(pickLocale('nld', 'english', ['deu'])).toBe('en');
  });

  it('R13: ships English, Dutch, French and German', () => {
    expect([...LOCALES].sort()).toEqual(['de', 'en', 'fr', 'nl']);
  });
});
