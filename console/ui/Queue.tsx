import { useState } from 'preact/hooks';
import { AdminRequestList, RequestStatus, RequestType } from '../../shared/contract/requests.ts';
import { SystemHealthList } from '../../shared/contract/systems.ts';
import type { MessageKey } from '../../shared/i18n/translate.ts';
import { useDraft } from '../draft.ts';
import { useConsole } from './ConsoleContext.ts';
import { Flags } from './Flags.tsx';
import { ProblemText } from './ProblemText.tsx';
import { useLoad } from './use-load.ts';

interface Filter {
  q: string;
  type: string;
  status: string;
  flag: string;
  waitingOn: string;
}

const queryOf = (filter: Filter, cursor: string | null): string => {
  const params = new URLSearchParams();
  if (filter.q.trim()) params.set('q', filter.q.trim());
  if (filter.type) params.set('type', filter.type);
  if (filter.status === 'open') params.set('open', 'true');
  else if (filter.status) params.set('status', filter.status);
  if (filter.flag) params.set('flag', filter.flag);
  if (filter.waitingOn) params.set('waitingOn', filter.waitingOn);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', '50');
  return params.toString();
};

/** Open requests by due date, with search and filters; every hit list shown is on the audit log. */
export function Queue() {
  const { model, t, s } = useConsole();
  const [q, setQ] = useDraft('queue.q');
  const [filter, setFilter] = useState<Filter>({ q, type: '', status: 'open', flag: '', waitingOn: '' });
  const [form, setForm] = useState({ type: '', status: 'open', flag: '', waitingOn: '' });
  // The systems to filter by; without any (no SYSTEMS_FILE) the filter is not offered.
  const systems = useLoad(
    async (signal) => (await model.api.call('GET', '/v1/admin/systems', SystemHealthList, { signal })).body.systems,
    [],
  );
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const { data, error, loading } = useLoad(
    async (signal) =>
      (await model.api.call('GET', `/v1/admin/requests?${queryOf(filter, cursor)}`, AdminRequestList, { signal })).body,
    [filter, cursor],
  );

  const apply = (event: Event) => {
    event.preventDefault();
    setCursors([null]);
    setFilter({ q, ...form });
  };

  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t('queue.heading')}</h2>
      <form onSubmit={apply} class="row">
        <div>
          <label for="queue-q">{t('queue.search')}</label>
          <input id="queue-q" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} size={36} />
        </div>
        <div>
          <label for="queue-type">{t('queue.type')}</label>
          <select id="queue-type" value={form.type} onChange={(e) => setForm({ ...form, type: e.currentTarget.value })}>
            <option value="">{t('queue.any')}</option>
            {RequestType.options.map((type) => (
              <option key={type} value={type}>
                {s(`request.type.${type}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="queue-status">{t('queue.status')}</label>
          <select
            id="queue-status"
            value={form.status}
            onChange={(e) => setForm({ ...form, status: e.currentTarget.value })}
          >
            <option value="open">{t('queue.openOnly')}</option>
            <option value="">{t('queue.any')}</option>
            {RequestStatus.options.map((status) => (
              <option key={status} value={status}>
                {s(`request.status.${status}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="queue-flag">{t('queue.flag')}</label>
          <select id="queue-flag" value={form.flag} onChange={(e) => setForm({ ...form, flag: e.currentTarget.value })}>
            <option value="">{t('queue.any')}</option>
            <option value="overdue">{t('queue.flag.overdue')}</option>
            <option value="due-soon">{t('queue.flag.dueSoon')}</option>
          </select>
        </div>
        {systems.data && systems.data.length > 0 && (
          <div>
            <label for="queue-waiting">{t('queue.waitingOn')}</label>
            <select
              id="queue-waiting"
              value={form.waitingOn}
              onChange={(e) => setForm({ ...form, waitingOn: e.currentTarget.value })}
            >
              <option value="">{t('queue.any')}</option>
              {systems.data.map((system) => (
                <option key={system.id} value={system.id}>
                  {system.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <button type="submit">{t('queue.searchButton')}</button>
        </div>
      </form>
      {error && <ProblemText error={error} />}
      <p role="status" aria-live="polite">
        {loading
          ? t('app.loading')
          : data
            ? t(data.totalExact ? 'queue.total' : 'queue.totalAbout', { count: data.total })
            : ''}
      </p>
      {data && data.requests.length === 0 && <p>{t('queue.empty')}</p>}
      {data && data.requests.length > 0 && (
        <div class="table-wrap">
          <table aria-labelledby="queue-heading">
            <thead>
              <tr>
                <th scope="col">{t('queue.col.due')}</th>
                <th scope="col">{t('queue.col.flags')}</th>
                <th scope="col">{t('queue.col.type')}</th>
                <th scope="col">{t('queue.col.status')}</th>
                <th scope="col">{t('queue.col.person')}</th>
                <th scope="col">{t('queue.col.request')}</th>
              </tr>
            </thead>
            <tbody>
              {data.requests.map(({ request, subject, flags }) => (
                <tr key={request.id}>
                  <td>{request.dueAt}</td>
                  <td>
                    <Flags flags={flags} />
                  </td>
                  <td>{s(`request.type.${request.type}` as MessageKey)}</td>
                  <td>{s(`request.status.${request.status}` as MessageKey)}</td>
                  <td>{subject.email ?? t('queue.noEmail')}</td>
                  <td>
                    <a href={`#/requests/${request.id}`} aria-label={t('queue.open', { id: request.id.slice(0, 8) })}>
                      {request.id.slice(0, 8)}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="row">
        {cursors.length > 1 && (
          <button type="button" class="secondary" onClick={() => setCursors([null])}>
            {t('queue.first')}
          </button>
        )}
        {data?.next && (
          <button type="button" class="secondary" onClick={() => setCursors([...cursors, data.next])}>
            {t('queue.next')}
          </button>
        )}
      </p>
    </section>
  );
}
