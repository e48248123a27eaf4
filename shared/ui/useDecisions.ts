import { useState } from 'preact/hooks';
import type { ApiError } from '../api/api-error.ts';
import type { DecisionOutcome } from '../models/consent-model.ts';
import { asApiError } from '../models/load-state.ts';
import { announcement } from './announce.ts';
import { useCore } from './CoreContext.ts';
import { useT } from './I18nContext.ts';

export interface Decisions {
  /** The last announcement ("Consent for body scans withdrawn — recorded …"), for a `role="status"` region. */
  status: string;
  error: ApiError | null;
  /** Runs decisions; announces their records, or keeps the error (the model leaves the state unchanged). */
  run(steps: () => Promise<DecisionOutcome[]>): Promise<void>;
  announce(records: readonly DecisionOutcome[]): void;
}

/** The announce-or-error bookkeeping every consent control shares; the decisions themselves are the model's. */
export function useDecisions(): Decisions {
  const i18n = useT();
  const { notice } = useCore();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const announce = (records: readonly DecisionOutcome[]) =>
    setStatus(records.map((r) => announcement(i18n, r, notice.response.value?.notice.purposes ?? [])).join(' '));
  return {
    status,
    error,
    announce,
    async run(steps) {
      setError(null);
      try {
        announce(await steps());
      } catch (caught) {
        setStatus('');
        setError(asApiError(caught));
      }
    },
  };
}
