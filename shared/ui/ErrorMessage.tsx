import type { ApiError } from '../api/api-error.ts';
import { errorKey, type ErrorArea } from './error-key.ts';
import { useT } from './I18nContext.ts';

/** An ApiError as one localized sentence in an alert (text only: the server's own wording is never shown). */
export function ErrorMessage({ error, area }: { error: Pick<ApiError, 'kind'>; area?: ErrorArea }) {
  const { t } = useT();
  return (
    <p role="alert" class="tp-error">
      {t(errorKey(error, area))}
    </p>
  );
}
