import { useId } from 'preact/hooks';
import { useCore } from './CoreContext.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useT } from './I18nContext.ts';
import { QueuedRequestItem } from './QueuedRequestItem.tsx';
import { RequestItem } from './RequestItem.tsx';

/** The person's rights requests (R38), newest first, each with its status and due date. */
export function RequestList() {
  const { t } = useT();
  const { requests } = useCore();
  const id = useId();
  const list = requests.list.value;
  const queued = requests.queued.value;
  const loading = requests.status.value === 'loading';
  const error = requests.error.value;
  return (
    <section class="tp-request-list" aria-labelledby={id} aria-busy={loading ? 'true' : 'false'}>
      <h3 id={id}>{t('requests.title')}</h3>
      {error && !requests.fromCache.value && <ErrorMessage error={error} area="request-list" />}
      {loading && list.length === 0 && <p class="tp-loading">{t('requests.loading')}</p>}
      {!loading && list.length === 0 && queued.length === 0 && !error && <p>{t('requests.none')}</p>}
      {list.length + queued.length > 0 && (
        <ul class="tp-requests-ul">
          {[...queued].reverse().map((input, i) => (
            <QueuedRequestItem key={`queued-${i}`} input={input} />
          ))}
          {list.map((request) => (
            <RequestItem key={request.id} request={request} />
          ))}
        </ul>
      )}
    </section>
  );
}
