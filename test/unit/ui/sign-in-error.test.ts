import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error.ts';
import { problemTypeUri } from '../../../shared/contract/problem.ts';
import { signInErrorKey } from '../../../shared/ui/sign-in-error.ts';
import { EXT_MESSAGES } from '../../../extension/messages/index.ts';

const problem = (type: Parameters<typeof problemTypeUri>[0], status: number) =>
  new ApiError(status === 429 ? 'rate-limited' : status === 401 ? 'unauthenticated' : 'invalid-input', 'x', status, {
    type: problemTypeUri(type),
    title: 't',
    status,
  } as never);

describe('sign-in errors', () => {
  it('each failure has its own sentence, never the server text', () => {
    expect(signInErrorKey(problem('sign-in-code-invalid', 401), 'code', 3)).toBe('signIn.error.wrongCode');
    expect(signInErrorKey(problem('sign-in-code-invalid', 401), 'code', 0)).toBe('signIn.error.noCode');
    expect(signInErrorKey(problem('sign-in-code-expired', 410), 'code', 3)).toBe('signIn.error.expiredCode');
    expect(signInErrorKey(problem('rate-limited', 429), 'code', 3)).toBe('signIn.error.tooMany');
    expect(signInErrorKey(new ApiError('offline', 'x'), 'email', 1)).toBe('signIn.error.offline');
    expect(signInErrorKey(problem('validation-failed', 422), 'email', 1)).toBe('signIn.error.email');
    expect(signInErrorKey(new Error('boom'), 'email', 1)).toBe('signIn.error.other');
  });

  it('the extension text exists in all four languages, with the same placeholders', () => {
    const keys = Object.keys(EXT_MESSAGES.en).sort();
    for (const [locale, messages] of Object.entries(EXT_MESSAGES)) {
      expect(Object.keys(messages).sort(), locale).toEqual(keys);
      for (const key of keys) {
        const holders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(holders(messages[key as keyof typeof messages]), `${locale} ${key}`).toEqual(
          holders(EXT_MESSAGES.en[key as keyof typeof messages]),
        );
        // The product name, and words that are the same in both languages, may stay as in English.
        if (locale !== 'en' && !['ext.title', 'nl:options.account'].some((k) => k === key || k === `${locale}:${key}`))
          expect(messages[key as keyof typeof messages], `${locale} ${key} is untranslated`).not.toBe(
            EXT_MESSAGES.en[key as keyof typeof messages],
          );
      }
    }
  });
});
