import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import type { Locale } from '../contract/common.ts';
import type { NoticeDocument, Purpose } from '../contract/notice.ts';
import { formatAddress } from './format.ts';
import { useT } from './I18nContext.ts';

export interface ConsentSwitchProps {
  purpose: Purpose;
  controller: NoticeDocument['controller'];
  noticeLang: Locale;
  checked: boolean;
  pending: boolean;
  /** The latest decision is kept on this device, not yet recorded by the server. */
  queued?: boolean;
  onToggle(): void;
  switchRef?: Ref<HTMLButtonElement>;
}

/**
 * One consent as an APG switch (R53): a native button (Space and Enter toggle) with `role="switch"` and
 * `aria-checked`, a label that never changes, and a description giving the purpose, data types, controller
 * and the right to withdraw (R19). While a decision is on its way it is `aria-disabled` (focus stays) and busy.
 */
export function ConsentSwitch({
  purpose,
  controller,
  noticeLang,
  checked,
  pending,
  queued = false,
  onToggle,
  switchRef,
}: ConsentSwitchProps) {
  const { t, tx } = useT();
  const id = useId();
  const ids = [`${id}-purpose`, `${id}-data`, `${id}-controller`, `${id}-withdraw`] as const;
  return (
    <div class="tp-switch-item">
      <button
        type="button"
        role="switch"
        class="tp-switch"
        aria-checked={checked ? 'true' : 'false'}
        aria-describedby={(queued ? [`${id}-queued`, ...ids] : ids).join(' ')}
        aria-disabled={pending ? 'true' : undefined}
        aria-busy={pending ? 'true' : undefined}
        onClick={() => !pending && onToggle()}
        ref={switchRef}
      >
        <span class="tp-switch-label" lang={noticeLang}>
          {purpose.title}
        </span>
        <span class="tp-switch-track" aria-hidden="true">
          <span class="tp-switch-thumb" />
        </span>
        <span class="tp-switch-state" aria-hidden="true">
          {checked ? t('consent.on') : t('consent.off')}
        </span>
      </button>
      {queued && (
        <p id={`${id}-queued`} class="tp-queued">
          {t('consent.notSent')}
        </p>
      )}
      <div class="tp-switch-desc">
        <p id={ids[0]} lang={noticeLang}>
          {purpose.description}
        </p>
        <p id={ids[1]}>
          {tx('consent.dataTypes', { types: <span lang={noticeLang}>{purpose.dataTypes.join(', ')}</span> })}
        </p>
        <p id={ids[2]}>
          {tx('consent.controller', {
            controller: <span lang={noticeLang}>{`${controller.name}, ${formatAddress(controller.address)}`}</span>,
          })}
        </p>
        <p id={ids[3]}>{t('consent.withdrawAnyTime')}</p>
      </div>
    </div>
  );
}
