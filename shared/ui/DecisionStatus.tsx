import type { ApiError } from '../api/api-error.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** The live region for decision results (always present, so updates are announced, R60) and the last error. */
export function DecisionStatus({ status, error }: { status: string; error: ApiError | null }) {
  return (
    <>
      <p role="status" class="tp-status tp-live">
        {status}
      </p>
      {error && <ErrorMessage error={error} area="consent" />}
    </>
  );
}
