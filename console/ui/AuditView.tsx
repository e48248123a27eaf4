import { useState } from 'preact/hooks';
import { AuditList } from '../../shared/contract/console.ts';
import type { ConsoleError } from '../api.ts';
import { useConsole } from './ConsoleContext.ts';
import { ProblemText } from './ProblemText.tsx';
import { saveText } from './save-text.ts';
import { useLoad } from './use-load.ts';

const queryOf = (actor: string, cursor: string | null, format?: 'csv') => {
  const params = new URLSearchParams();
  if (actor.trim()) params.set('actor', actor.trim());
  if (cursor) params.set('cursor', cursor);
  if (format) params.set('format', format);
  return params.toString();
};

/** The audit log, newest first, for a DPO; a page can be saved as CSV. */
export function AuditView() {
  const { model, t, locale } = useConsole();
  const [actor, setActor] = useState('');
  const [filter, setFilter] = useState({ actor: '', cursor: null as string | null });
  const [csvError, setCsvError] = useState<ConsoleError | null>(null);
  const { data, error, loading } = useLoad(
    async (signal) =>
      (await model.api.call('GET', `/v1/console/audit?${queryOf(filter.actor, filter.cursor)}`, AuditList, { signal }))
        .body,
    [filter],
  );
  const download = async () => {
    setCsvError(null);
    try {
      const text = await model.api.text(`/v1/console/audit?${queryOf(filter.actor, filter.cursor, 'csv')}`);
      saveText(text, 'twikit-privacy-audit.csv', 'text/csv');
    } catch (failure) {
      setCsvError(failure as ConsoleError);
    }
  };
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      <p>{t('audit.intro')}</p>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ actor, cursor: null });
        }}
      >
        <div>
          <label for="audit-actor">{t('audit.actor')}</label>
          <input id="audit-actor" value={actor} onInput={(e) => setActor(e.currentTarget.value)} />
        </div>
        <div>
          <button type="submit">{t('audit.filter')}</button>
        </div>
        <div>
          <button type="button" class="secondary" onClick={download}>
            {t('audit.csv')}
          </button>
        </div>
      </form>
      {error && <ProblemText error={error} />}
      {csvError && <ProblemText error={csvError} />}
      {loading && <p role="status">{t('app.loading')}</p>}
      {data && data.entries.length === 0 && <p>{t('audit.empty')}</p>}
      {data && data.entries.length > 0 && (
        <div class="table-wrap">
          <table aria-labelledby="audit-heading">
            <thead>
              <tr>
                <th scope="col">{t('audit.col.at')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.request')}</th>
                <th scope="col">{t('audit.col.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((entry) => (
                <tr key={entry.seq}>
                  <td>{new Date(entry.at).toLocaleString(locale, { timeZone: 'Europe/Brussels' })}</td>
                  <td>{entry.actor}</td>
                  <td>{entry.action}</td>
                  <td>
                    {entry.requestId ? (
                      <a href={`#/requests/${entry.requestId}`}>{entry.requestId.slice(0, 8)}</a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <code>{JSON.stringify(entry.detail)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data?.next && (
        <p>
          <button type="button" class="secondary" onClick={() => setFilter({ ...filter, cursor: data.next })}>
            {t('audit.next')}
          </button>
        </p>
      )}
    </section>
  );
}
