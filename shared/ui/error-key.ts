import type { ApiError } from '../api/api-error.ts';
import type { MessageKey } from '../i18n/translate.ts';

/** Where an error happened, for the few kinds whose advice differs by place. */
export type ErrorArea = 'general' | 'consent' | 'request-submit' | 'request-list';

/**
 * The message key for an ApiError: always a localized sentence chosen by `kind`, never the server's own text,
 * so nothing the server (or a network in between) sends is shown as-is.
 */
export function errorKey(error: Pick<ApiError, 'kind'>, area: ErrorArea = 'general'): MessageKey {
  if (error.kind === 'identity-required' && (area === 'request-submit' || area === 'request-list'))
    return 'error.request.identity-required';
  if (error.kind === 'offline' && area === 'request-submit') return 'error.request.offline';
  if (error.kind === 'offline' && area === 'consent') return 'error.consent.offline';
  // A consent choice is a button: "check your answers" would be no help. Said as what it is.
  if (error.kind === 'invalid-input' && area === 'consent') return 'error.consent.invalid-input';
  return `error.${error.kind}`;
}
