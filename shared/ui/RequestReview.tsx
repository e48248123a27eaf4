import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { Draft } from '../models/requests-model.ts';
import type { RequestTypeEntry } from '../registry/request-types.ts';
import { useT } from './I18nContext.ts';

export interface RequestReviewProps {
  /** The type's review stage, from the request-type registry. */
  review: NonNullable<RequestTypeEntry['review']>;
  draft: Draft;
  submitting: boolean;
  onBack(): void;
}

/** The confirmation stage before a type that asks for one (R59): what will happen, then send or go back. */
export function RequestReview({ review, draft, submitting, onBack }: RequestReviewProps) {
  const { t } = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  const quote = review.quote?.(draft);
  return (
    <section class="tp-review" aria-labelledby={id}>
      <h3 id={id} tabIndex={-1} ref={heading}>
        {t('request.review.title')}
      </h3>
      <p>{t(review.text(draft))}</p>
      {typeof quote === 'string' && <blockquote class="tp-quote">{quote}</blockquote>}
      <p>{t('request.review.kept')}</p>
      <p>{t('request.review.final')}</p>
      <div class="tp-actions">
        <button type="submit" class="tp-btn tp-btn-primary" aria-disabled={submitting ? 'true' : undefined}>
          {submitting ? t('request.sending') : t(review.send)}
        </button>
        <button type="button" class="tp-btn tp-btn-secondary" onClick={onBack}>
          {t('request.review.back')}
        </button>
      </div>
    </section>
  );
}
