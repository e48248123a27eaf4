import { isApiError } from '../api/api-error.ts';
import type { SignInKey } from '../i18n/sign-in/en.ts';

/** A sign-in failure as one of our sentences (never the server's own text). */
export function signInErrorKey(error: unknown, step: 'email' | 'code', attemptsLeft: number): SignInKey {
  if (!isApiError(error)) return 'signIn.error.other';
  const type = error.problem?.type ?? '';
  if (type.endsWith('/sign-in-code-expired')) return 'signIn.error.expiredCode';
  if (error.kind === 'rate-limited') return 'signIn.error.tooMany';
  if (type.endsWith('/sign-in-code-invalid'))
    return attemptsLeft > 0 ? 'signIn.error.wrongCode' : 'signIn.error.noCode';
  if (error.kind === 'offline' || error.kind === 'timeout') return 'signIn.error.offline';
  if (error.kind === 'invalid-input') return step === 'email' ? 'signIn.error.email' : 'signIn.error.code';
  return 'signIn.error.other';
}
