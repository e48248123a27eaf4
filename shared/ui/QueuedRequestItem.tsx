import { useId } from 'preact/hooks';
import type { RightsRequestInput } from '../contract/requests.ts';
import { useT } from './I18nContext.ts';

/** A request kept on this device until the server can be reached: its type and that it is not sent yet. */
export function QueuedRequestItem({ input }: { input: RightsRequestInput }) {
  const { t } = useT();
  const id = useId();
  return (
    <li class="tp-request tp-request-queued" aria-labelledby={id}>
      <h4 id={id}>{t(`request.type.${input.type}`)}</h4>
      <p>
        <span class="tp-label">{t('requests.status')}</span> <strong>{t('request.status.queued')}</strong>
      </p>
    </li>
  );
}
