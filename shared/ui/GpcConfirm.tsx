import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { useT } from './I18nContext.ts';

/**
 * Asked before a purpose GPC keeps off is switched on while the browser sends GPC (R29): the signal says "do not
 * share"; turning sharing on is an exception, made only once the person confirms it. "Keep it off" records nothing.
 */
export function GpcConfirm({ onAnswer }: { onAnswer(confirmed: boolean): void }) {
  const { t } = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <section class="tp-jit tp-gpc-confirm" aria-labelledby={id}>
      <h3 id={id} tabIndex={-1} ref={heading}>
        {t('gpcConfirm.title')}
      </h3>
      <p>{t('gpcConfirm.text')}</p>
      <div class="tp-choice-buttons">
        <button type="button" class="tp-btn tp-btn-choice" onClick={() => onAnswer(true)}>
          {t('gpcConfirm.confirm')}
        </button>
        <button type="button" class="tp-btn tp-btn-choice" onClick={() => onAnswer(false)}>
          {t('gpcConfirm.keepOff')}
        </button>
      </div>
    </section>
  );
}
