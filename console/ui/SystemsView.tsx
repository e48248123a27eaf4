import { useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import { SystemHealthList, SystemTestResult } from '../../shared/contract/systems.ts';
import type { MessageKey } from '../../shared/i18n/translate.ts';
import { canDo } from '../../shared/registry/operator-roles.ts';
import type { ConsoleError } from '../api.ts';
import type { ConsoleMessageKey } from '../messages/index.ts';
import { useConsole } from './ConsoleContext.ts';
import { ProblemText } from './ProblemText.tsx';
import { useLoad } from './use-load.ts';

/** The data systems of SYSTEMS_FILE with their health; a dpo sends one a harmless test job and sees what came of it. */
export function SystemsView() {
  const { model, t, s, locale } = useConsole();
  const list = useLoad(
    async (signal) => (await model.api.call('GET', '/v1/admin/systems', SystemHealthList, { signal })).body.systems,
    [],
  );
  const mayTest = canDo(model.me.value?.roles ?? [], 'systems:manage');
  const [testing, setTesting] = useState<string | null>(null);
  const [result, setResult] = useState<{ name: string; result: z.infer<typeof SystemTestResult> } | null>(null);
  const [failure, setFailure] = useState<ConsoleError | null>(null);
  const date = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(locale, { timeZone: 'Europe/Brussels' }) : t('systems.never');

  const test = async (id: string, name: string) => {
    setFailure(null);
    setResult(null);
    setTesting(name);
    try {
      const { body } = await model.api.call(
        'POST',
        `/v1/admin/systems/${encodeURIComponent(id)}/test`,
        SystemTestResult,
      );
      setResult({ name, result: body });
      list.reload();
    } catch (problem) {
      setFailure(problem as ConsoleError);
    } finally {
      setTesting(null);
    }
  };

  return (
    <section aria-labelledby="systems-heading">
      <h2 id="systems-heading">{t('systemsPage.heading')}</h2>
      <p>{t('systemsPage.intro')}</p>
      {list.error && <ProblemText error={list.error} />}
      {!list.data && !list.error && <p role="status">{t('app.loading')}</p>}
      <div aria-live="polite">
        {testing && <p class="status">{t('systemsPage.testing', { system: testing })}</p>}
        {result && (
          <p class={result.result.outcome === 'failed' ? 'error' : 'status'}>
            {t(`systemsPage.outcome.${result.result.outcome}` as ConsoleMessageKey, { system: result.name })}
            {result.result.detail && (
              <>
                {' '}
                <span lang="en">{result.result.detail}</span>
              </>
            )}
          </p>
        )}
      </div>
      {failure && <ProblemText error={failure} />}
      {list.data && list.data.length === 0 && <p>{t('systemsPage.none')}</p>}
      {list.data && list.data.length > 0 && (
        <div class="table-wrap">
          <table aria-labelledby="systems-heading">
            <thead>
              <tr>
                <th scope="col">{t('systems.col.system')}</th>
                <th scope="col">{t('systemsPage.col.connector')}</th>
                <th scope="col">{t('systemsPage.col.handles')}</th>
                <th scope="col">{t('systemsPage.col.lastSuccess')}</th>
                <th scope="col">{t('systemsPage.col.failing')}</th>
                <th scope="col">{t('systemsPage.col.open')}</th>
                {mayTest && <th scope="col">{t('systems.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.map((system) => (
                <tr key={system.id}>
                  <th scope="row">
                    {system.name} <span class="muted">({system.id})</span>
                  </th>
                  <td>{t(`systemsPage.connector.${system.connector}` as ConsoleMessageKey)}</td>
                  <td>
                    {system.handles
                      .map((h) => (h === 'consent' ? t('systemsPage.consent') : s(`request.type.${h}` as MessageKey)))
                      .join(', ')}
                  </td>
                  <td>{date(system.lastSuccessAt)}</td>
                  <td>{system.failing > 0 ? <span class="flag overdue">{system.failing}</span> : system.failing}</td>
                  <td>{system.open}</td>
                  {mayTest && (
                    <td>
                      <button
                        type="button"
                        class="secondary"
                        disabled={testing !== null}
                        onClick={() => test(system.id, system.name)}
                      >
                        {t('systemsPage.test', { system: system.name })}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
