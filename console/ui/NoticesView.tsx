import { useState } from 'preact/hooks';
import { NoticeReleaseList } from '../../shared/contract/notice-admin.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import { NoticeResponse } from '../../shared/contract/notice.ts';
import { canDo } from '../../shared/registry/operator-roles.ts';
import type { ConsoleError } from '../api.ts';
import { useConsole } from './ConsoleContext.ts';
import { NoticeDiff } from './NoticeDiff.tsx';
import { NoticePublish } from './NoticePublish.tsx';
import { ProblemText } from './ProblemText.tsx';
import { useLoad } from './use-load.ts';

/** The notice versions: what was published when, a comparison of two, and (dpo) publishing the next one. */
export function NoticesView() {
  const { model, t, locale } = useConsole();
  const list = useLoad(
    async (signal) => (await model.api.call('GET', '/v1/admin/notices', NoticeReleaseList, { signal })).body.versions,
    [],
  );
  const mayPublish = canDo(model.me.value?.roles ?? [], 'notices:publish');
  const date = (iso: string) => new Date(iso).toLocaleString(locale, { timeZone: 'Europe/Brussels' });

  return (
    <section aria-labelledby="notices-heading">
      <h2 id="notices-heading">{t('notices.heading')}</h2>
      {list.error && <ProblemText error={list.error} />}
      {!list.data && !list.error && <p role="status">{t('app.loading')}</p>}
      {list.data && (
        <>
          <div class="table-wrap">
            <table aria-labelledby="notices-heading">
              <thead>
                <tr>
                  <th scope="col">{t('notices.col.version')}</th>
                  <th scope="col">{t('notices.col.effective')}</th>
                  <th scope="col">{t('notices.col.published')}</th>
                  <th scope="col">{t('notices.col.locales')}</th>
                  <th scope="col">{t('notices.col.material')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((release) => {
                  const material = release.purposes.filter((p) => p.material).map((p) => p.purpose);
                  return (
                    <tr key={release.version}>
                      <th scope="row">
                        {release.version}
                        {release.current && <span class="flag current">{t('notices.current')}</span>}
                      </th>
                      <td>{release.effectiveDate}</td>
                      <td>{date(release.publishedAt)}</td>
                      <td>{release.locales.join(', ')}</td>
                      <td>{material.length > 0 ? material.join(', ') : t('notices.noMaterial')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {/* Keyed by the list: a version just published becomes the later side of the comparison. */}
          <Compare key={list.data.map((r) => r.version).join('|')} versions={list.data.map((r) => r.version)} />
          {mayPublish && list.data[0] && (
            <NoticePublish
              current={list.data.find((r) => r.current)?.version ?? list.data[0].version}
              published={list.data.map((r) => r.version)}
              onPublished={list.reload}
            />
          )}
        </>
      )}
    </section>
  );
}

/** Two published versions side by side, per purpose and per field. */
function Compare({ versions }: { versions: string[] }) {
  const { model, t, locale } = useConsole();
  const [earlier, setEarlier] = useState(versions[1] ?? versions[0] ?? '');
  const [later, setLater] = useState(versions[0] ?? '');
  const [shown, setShown] = useState<{ earlier: NoticeDocument; later: NoticeDocument } | null>(null);
  const [error, setError] = useState<ConsoleError | null>(null);
  const [loading, setLoading] = useState(false);
  const fetchVersion = async (version: string) =>
    (await model.api.call('GET', `/v1/notice/versions/${encodeURIComponent(version)}?locale=${locale}`, NoticeResponse))
      .body.notice;
  const compare = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setLoading(true);
    try {
      const [a, b] = await Promise.all([fetchVersion(earlier), fetchVersion(later)]);
      setShown({ earlier: a, later: b });
      queueMicrotask(() => document.getElementById('compare-result')?.focus());
    } catch (failure) {
      setError(failure as ConsoleError);
    } finally {
      setLoading(false);
    }
  };
  if (versions.length < 2) return <p>{t('notices.compare.one')}</p>;
  return (
    <section aria-labelledby="compare-heading">
      <h3 id="compare-heading">{t('notices.compare.heading')}</h3>
      <form class="row" onSubmit={compare}>
        <VersionSelect
          id="compare-earlier"
          label={t('notices.compare.earlier')}
          versions={versions}
          value={earlier}
          onChange={setEarlier}
        />
        <VersionSelect
          id="compare-later"
          label={t('notices.compare.later')}
          versions={versions}
          value={later}
          onChange={setLater}
        />
        <div>
          <button type="submit">{t('notices.compare.submit')}</button>
        </div>
      </form>
      {error && <ProblemText error={error} />}
      {loading && <p role="status">{t('app.loading')}</p>}
      {shown && (
        <section
          id="compare-result"
          tabIndex={-1}
          aria-label={t('notices.compare.result', { earlier: shown.earlier.version, later: shown.later.version })}
        >
          <NoticeDiff earlier={shown.earlier} later={shown.later} />
        </section>
      )}
    </section>
  );
}

interface VersionSelectProps {
  id: string;
  label: string;
  versions: readonly string[];
  value: string;
  onChange: (version: string) => void;
}

function VersionSelect({ id, label, versions, value, onChange }: VersionSelectProps) {
  return (
    <div>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {versions.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}
