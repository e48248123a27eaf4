import { useState } from 'preact/hooks';
import { ConsentReport, RequestReport } from '../../shared/contract/reports.ts';
import { canDo } from '../../shared/registry/operator-roles.ts';
import type { ConsoleError } from '../api.ts';
import { saveText } from './save-text.ts';
import { useConsole } from './ConsoleContext.ts';
import { ProblemText } from './ProblemText.tsx';
import { useLoad } from './use-load.ts';

/**
 * Reports for a dpo (issue 15, point 7): consent counts per purpose and notice version and request volume per
 * month, in aggregate only; and the audit log of a date range as a CSV file.
 */
export function ReportsView() {
  const { model, t, locale } = useConsole();
  const consents = useLoad(
    async (signal) => (await model.api.call('GET', '/v1/admin/reports/consents', ConsentReport, { signal })).body,
    [],
  );
  const requests = useLoad(
    async (signal) => (await model.api.call('GET', '/v1/admin/reports/requests', RequestReport, { signal })).body,
    [],
  );
  const number = (n: number) => n.toLocaleString(locale);
  const percent = (rate: number | null) =>
    rate === null ? '—' : rate.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });

  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t('reports.heading')}</h2>
      <p>{t('reports.intro')}</p>

      <h3 id="consent-report-heading">{t('reports.consents.heading')}</h3>
      {consents.error && <ProblemText error={consents.error} />}
      {!consents.data && !consents.error && <p role="status">{t('app.loading')}</p>}
      {consents.data && consents.data.rows.length === 0 && <p>{t('reports.empty')}</p>}
      {consents.data && consents.data.rows.length > 0 && (
        <div class="table-wrap">
          <table aria-labelledby="consent-report-heading">
            <thead>
              <tr>
                <th scope="col">{t('reports.col.purpose')}</th>
                <th scope="col">{t('reports.col.version')}</th>
                <th scope="col">{t('reports.col.granted')}</th>
                <th scope="col">{t('reports.col.refused')}</th>
              </tr>
            </thead>
            <tbody>
              {consents.data.rows.map((row) => (
                <tr key={`${row.purpose}|${row.noticeVersion}`}>
                  <th scope="row">{row.purpose}</th>
                  <td>{row.noticeVersion}</td>
                  <td>{number(row.granted)}</td>
                  <td>{number(row.refused)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 id="request-report-heading">{t('reports.requests.heading')}</h3>
      {requests.error && <ProblemText error={requests.error} />}
      {!requests.data && !requests.error && <p role="status">{t('app.loading')}</p>}
      {requests.data && requests.data.months.length === 0 && <p>{t('reports.empty')}</p>}
      {requests.data && requests.data.months.length > 0 && (
        <div class="table-wrap">
          <table aria-labelledby="request-report-heading">
            <thead>
              <tr>
                <th scope="col">{t('reports.col.month')}</th>
                <th scope="col">{t('reports.col.received')}</th>
                <th scope="col">{t('reports.col.answered')}</th>
                <th scope="col">{t('reports.col.onTime')}</th>
                <th scope="col">{t('reports.col.rate')}</th>
                <th scope="col">{t('reports.col.overdue')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.month}</th>
                  <td>{number(m.received)}</td>
                  <td>{number(m.answered)}</td>
                  <td>{number(m.onTime)}</td>
                  <td>{percent(m.onTimeRate)}</td>
                  <td>{number(m.overdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canDo(model.me.value?.roles ?? [], 'audit:read') && <AuditDownload />}
    </section>
  );
}

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' });

/** The audit log of a date range as CSV (the download is itself on the log). */
function AuditDownload() {
  const { model, t } = useConsole();
  const [to, setTo] = useState(today);
  const [from, setFrom] = useState(() => {
    const d = new Date(`${today()}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 30);
    return d.toISOString().slice(0, 10);
  });
  const [error, setError] = useState<ConsoleError | null>(null);
  const [saved, setSaved] = useState(false);
  const download = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const text = await model.api.text(`/v1/admin/reports/audit.csv?from=${from}&to=${to}`);
      saveText(text, `twikit-privacy-audit-${from}-${to}.csv`, 'text/csv');
      setSaved(true);
    } catch (failure) {
      setError(failure as ConsoleError);
    }
  };
  return (
    <>
      <h3 id="audit-csv-heading">{t('reports.audit.heading')}</h3>
      <p>{t('reports.audit.intro')}</p>
      <form class="row" aria-labelledby="audit-csv-heading" onSubmit={download}>
        <div>
          <label for="audit-from">{t('reports.audit.from')}</label>
          <input id="audit-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div>
          <label for="audit-to">{t('reports.audit.to')}</label>
          <input id="audit-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
        <div>
          <button type="submit">{t('reports.audit.download')}</button>
        </div>
      </form>
      {saved && (
        <p class="status" role="status">
          {t('reports.audit.saved')}
        </p>
      )}
      {error && <ProblemText error={error} />}
    </>
  );
}
