import { useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import { AdminRequestView, canTransition } from '../../shared/contract/requests.ts';
import type { MessageKey } from '../../shared/i18n/translate.ts';
import { canDo } from '../../shared/registry/operator-roles.ts';
import { ACTION_LABEL, ActionForm, type ActionId } from './ActionForm.tsx';
import { useConsole } from './ConsoleContext.ts';
import { ExportPreview } from './ExportPreview.tsx';
import { Flags } from './Flags.tsx';
import { SystemsPanel } from './SystemsPanel.tsx';
import { ProblemText } from './ProblemText.tsx';
import { Timeline } from './Timeline.tsx';
import { useLoad } from './use-load.ts';

type View = z.infer<typeof AdminRequestView>;
const ACTIONS: ActionId[] = ['verifying', 'in_progress', 'extended', 'rejected', 'completed'];

/** One request: facts, timeline, identity check, systems, actions and the export preview. Each read is audited. */
export function RequestPage({ id }: { id: string }) {
  const { model, t, s, locale } = useConsole();
  const [override, setOverride] = useState<View | null>(null);
  const [action, setAction] = useState<ActionId | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [stale, setStale] = useState<Array<{ at: string; what: string; by: string | null }> | null>(null);
  const loaded = useLoad(
    async (signal) => (await model.api.call('GET', `/v1/admin/requests/${id}`, AdminRequestView, { signal })).body,
    [id],
  );
  const view = override?.request.id === id ? override : loaded.data;
  const roles = model.me.value?.roles ?? [];
  const mayAct = canDo(roles, 'requests:act');

  if (loaded.error) return <ProblemText error={loaded.error} />;
  if (!view) return <p role="status">{t('app.loading')}</p>;
  const { request, subject } = view;
  const typeName = s(`request.type.${request.type}` as MessageKey);
  const available = ACTIONS.filter((to) => canTransition(request.status, to));
  const date = (iso: string) => new Date(iso).toLocaleString(locale, { timeZone: 'Europe/Brussels' });

  return (
    <article aria-labelledby="request-heading">
      <p>
        <a href="#/queue">{t('request.back')}</a>
      </p>
      <h2 id="request-heading">{t('request.heading', { type: typeName })}</h2>
      {message && (
        <p class="status" role="status">
          {message}
        </p>
      )}
      {stale && (
        <div class="error" role="alert">
          <p>{t('action.stale')}</p>
          <ul>
            {stale.map((change) => (
              <li key={change.at + change.what}>
                {change.what} — {change.by ?? ''}, {date(change.at)}
              </li>
            ))}
          </ul>
          <p>{t('action.staleReload')}</p>
        </div>
      )}
      <h3>{t('request.facts')}</h3>
      <dl class="facts">
        <dt>{t('request.status')}</dt>
        <dd>
          {s(`request.status.${request.status}` as MessageKey)} <Flags flags={view.flags} />
        </dd>
        <dt>{t('request.received')}</dt>
        <dd>{date(request.receivedAt)}</dd>
        <dt>{t('request.due')}</dt>
        <dd>{request.dueAt}</dd>
        <dt>{t('request.originalDue')}</dt>
        <dd>{request.originalDueAt}</dd>
        <dt>{t('request.person')}</dt>
        <dd>{subject.email ?? t('queue.noEmail')}</dd>
        <dt>{t('request.region')}</dt>
        <dd>{subject.region ?? '—'}</dd>
      </dl>
      <h3>{t('request.details')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable region must take focus so that keyboards can scroll it (WCAG 2.1.1) */}
      <section class="scroll" tabIndex={0} aria-label={t('request.details')}>
        <pre>{JSON.stringify(request.input, null, 2)}</pre>
      </section>
      <h3>{t('request.identity')}</h3>
      <p>{t('request.identityText', { via: request.input.surface.kind })}</p>
      <h3>{t('request.systems')}</h3>
      <SystemsPanel
        view={view}
        mayAct={mayAct}
        onChanged={(text, moved) => {
          setMessage(text);
          setStale(null);
          if (moved) setOverride(moved);
          else {
            // A confirmation may have settled the request: read it again.
            setOverride(null);
            loaded.reload();
          }
        }}
      />
      <h3>{t('request.timeline')}</h3>
      <Timeline events={request.events} />
      <h3>{t('request.actions')}</h3>
      {!mayAct ? (
        <p>{t('request.readOnly')}</p>
      ) : available.length === 0 ? (
        <p>{t('request.noActions')}</p>
      ) : (
        <>
          <div class="actions-list">
            {available.map((to) => (
              <button
                key={to}
                type="button"
                class={to === action ? '' : 'secondary'}
                aria-pressed={to === action ? 'true' : 'false'}
                onClick={() => {
                  setAction(to);
                  setMessage(null);
                }}
              >
                {t(ACTION_LABEL[to])}
              </button>
            ))}
          </div>
          {action && available.includes(action) && (
            <ActionForm
              key={`${action}:${view.version}`}
              view={view}
              action={action}
              onCancel={() => setAction(null)}
              onDone={(moved, text) => {
                setOverride(moved);
                setAction(null);
                setStale(null);
                setMessage(text);
              }}
              onStale={(changes) => {
                setStale(changes);
                setOverride(null);
                loaded.reload();
              }}
            />
          )}
        </>
      )}
      <ExportPreview id={request.id} />
    </article>
  );
}
