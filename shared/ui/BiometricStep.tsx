import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api/api-error.ts';
import type { DecisionOutcome } from '../models/consent-model.ts';
import { justInTimePurposes } from '../notice/purpose-rules.ts';
import { asApiError } from '../models/load-state.ts';
import { useCore } from './CoreContext.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useT } from './I18nContext.ts';

/**
 * The express just-in-time step (R22, R4) for `purpose` (default: the notice's just-in-time purpose, body scans
 * today): what the data is, what it is used for, that consent
 * is explicit and withdrawable, what happens without it; an express statement and two equal buttons.
 * "Not now" records nothing: leaving the question is no decision, never consent (R18).
 * Consenting also confirms the person is 13 or older (the Belgian age of digital consent, R27); "I am under 13"
 * says a parent or guardian must decide, and records nothing.
 */
export function BiometricStep({
  purpose: asked,
  onDone,
}: {
  purpose?: string | undefined;
  onDone(granted: boolean, record?: DecisionOutcome): void;
}) {
  const { t } = useT();
  const { consents, notice } = useCore();
  const purpose = asked ?? justInTimePurposes(notice.response.value?.notice.purposes ?? [])[0] ?? '';
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [child, setChild] = useState(false);
  const pending = consents.pending.value.has(purpose);
  useLayoutEffect(() => heading.current?.focus(), []);

  const consent = async () => {
    setError(null);
    try {
      onDone(true, await consents.decide(purpose, 'grant', 'just-in-time'));
    } catch (caught) {
      setError(asApiError(caught));
    }
  };

  return (
    <section class="tp-jit" aria-labelledby={id}>
      <h3 id={id} tabIndex={-1} ref={heading}>
        {t('jit.title')}
      </h3>
      {child ? (
        <p role="status">{t('jit.child')}</p>
      ) : (
        <>
          <ul>
            <li>{t('jit.special')}</li>
            <li>{t('jit.use')}</li>
            <li>{t('jit.explicit')}</li>
            <li>{t('jit.withdraw')}</li>
            <li>{t('jit.declined')}</li>
          </ul>
          <p class="tp-express">{t('jit.statement')}</p>
          <p>{t('jit.age')}</p>
        </>
      )}
      {/* Both choices stay in view at every size: a sticky bar, so "Not now" is never below the fold */}
      <div class="tp-jit-bar">
        <div class="tp-choice-buttons">
          {!child && (
            <button
              type="button"
              class="tp-btn tp-btn-choice"
              aria-disabled={pending ? 'true' : undefined}
              aria-busy={pending ? 'true' : undefined}
              onClick={() => !pending && void consent()}
            >
              {t('jit.consent')}
            </button>
          )}
          <button type="button" class="tp-btn tp-btn-choice" onClick={() => onDone(false)}>
            {t('jit.notNow')}
          </button>
        </div>
        {!child && (
          <button type="button" class="tp-link" onClick={() => setChild(true)}>
            {t('jit.under13')}
          </button>
        )}
      </div>
      {error && <ErrorMessage error={error} area="consent" />}
    </section>
  );
}
