import { useLayoutEffect, useRef } from 'preact/hooks';
import { useT } from './I18nContext.ts';

/**
 * Asked before a purpose GPC keeps off is switched on while the browser sends GPC (R29): the signal says "do not
 * share"; turning sharing on is an exception, made only once the person confirms it. "Not now" records nothing.
 */
export function GpcConfirm({ onAnswer }: { onAnswer(confirmed: boolean): void }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <section class="tp-jit">
      <h3 tabIndex={-1} ref={heading}>
        {t('gpcConfirm.title')}
      </h3>
      <div class="tp-choice-buttons">
        <button type="button" class="tp-btn tp-btn-choice" onClick={() => onAnswer(true)}>
          {t('jit.consent')}
        </button>
        <button type="button" class="tp-btn tp-btn-choice" onClick={() => onAnswer(false)}>
          {t('jit.notNow')}
        </button>
      </div>
    </section>
  );
}
