import type { ConsoleError } from '../api.ts';
import { useConsole } from './ConsoleContext.ts';

/** What went wrong, in the operator's language: known kinds by name, others with the server's own words. */
export function ProblemText({ error }: { error: ConsoleError }) {
  const { t } = useConsole();
  const seconds = Number(error.body.retryAfterSeconds ?? 60);
  const text =
    error.type === 'network'
      ? t('error.network')
      : error.type === 'forbidden'
        ? t('error.forbidden')
        : error.type === 'sign-in-code-invalid'
          ? t('error.wrongCode')
          : error.type === 'sign-in-code-expired'
            ? t('error.expiredCode')
            : error.type === 'rate-limited'
              ? t('error.tooMany', { seconds })
              : t('error.server', { detail: error.detail });
  return (
    <p class="error" role="alert">
      {text}
    </p>
  );
}
