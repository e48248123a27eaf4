import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { Draft } from '../models/requests-model.ts';
import { useT } from './I18nContext.ts';

export interface RequestReviewProps {
  type: 'erasure' | 'account_deletion';
  draft: Draft;
  submitting: boolean;
  onBack(): void;
}

/** The confirmation stage before erasure or account deletion (R59): what will happen, then send or go back. */
export function RequestReview({ type, draft, submitting, onBack }: RequestReviewProps) {
  const { t } = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  const specific = type === 'erasure' && draft.scope === 'specific';
  return (
    <section class="tp-review" aria-labelledby={id}>
      <h3 id={id} tabIndex={-1} ref={heading}>
        {t('request.review.title')}
      </h3>
      <p>{t(type === 'account_deletion' ? 'request.review.deletion' : specific ? 'request.review.erasureSpecific' : 'request.review.erasureAll')}</p>
      {specific && typeof draft.details === 'string' && <blockquote class="tp-quote">{draft.details}</blockquote>}
      <p>{t('request.review.kept')}</p>
      <p>{t('request.review.final')}</p>
      <div class="tp-actions">
        <button type="submit" class="tp-btn tp-btn-primary" aria-disabled={submitting ? 'true' : undefined}>
          {submitting ? t('request.sending') : t(type === 'account_deletion' ? 'request.review.sendDeletion' : 'request.review.sendErasure')}
        </button>
        <button type="button" class="tp-btn tp-btn-secondary" onClick={onBack}>
          {t('request.review.back')}
        </button>
      </div>
    </section>
  );
}
