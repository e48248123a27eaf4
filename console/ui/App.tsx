import { useEffect } from 'preact/hooks';
import { ConsoleMe } from '../../shared/contract/console.ts';
import { Locale } from '../../shared/contract/common.ts';
import { LOCALE_REGISTRY } from '../../shared/registry/locales.ts';
import { canDo, type OperatorRole } from '../../shared/registry/operator-roles.ts';
import { hrefOf, parseRoute, type Route } from '../models/console-model.ts';
import { AuditView } from './AuditView.tsx';
import { useConsole } from './ConsoleContext.ts';
import { KeysView } from './KeysView.tsx';
import { NoticesView } from './NoticesView.tsx';
import { Queue } from './Queue.tsx';
import { ReportsView } from './ReportsView.tsx';
import { RequestPage } from './RequestPage.tsx';
import { SignIn } from './SignIn.tsx';
import { SystemsView } from './SystemsView.tsx';

/** The console shell: header, navigation (only what the roles allow), and the view of the route. */
export function App() {
  const { model, t, locale } = useConsole();
  const { me, token, route } = model;

  useEffect(() => {
    const onHash = () => {
      model.route.value = parseRoute(location.hash);
      document.getElementById('main')?.focus();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [model]);
  useEffect(() => {
    document.title = t('app.title');
    document.documentElement.lang = locale;
  }, [locale, t]);
  // A stored token from before a reload: ask who it is (a 401 sends the operator to sign in).
  useEffect(() => {
    if (token.value && !me.value)
      model.api.call('GET', '/v1/console/me', ConsoleMe).then(
        ({ body }) => (me.value = body),
        () => undefined,
      );
  }, [token.value, me.value, model]);

  const roles: OperatorRole[] = me.value?.roles ?? [];
  const links: Array<{ route: Route; label: string; show: boolean }> = [
    { route: { view: 'queue' }, label: t('nav.queue'), show: canDo(roles, 'requests:read') },
    { route: { view: 'audit' }, label: t('nav.audit'), show: canDo(roles, 'audit:read') },
    { route: { view: 'keys' }, label: t('nav.keys'), show: canDo(roles, 'keys:manage') },
    { route: { view: 'notices' }, label: t('nav.notices'), show: canDo(roles, 'requests:read') },
    { route: { view: 'systems' }, label: t('nav.systems'), show: canDo(roles, 'requests:read') },
    { route: { view: 'reports' }, label: t('nav.reports'), show: canDo(roles, 'reports:read') },
  ];
  const current = route.value;
  const signOut = async () => {
    await model.api.call('DELETE', '/v1/console/auth/session', null).catch(() => undefined);
    model.signedOut();
  };

  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header>
        <h1>{t('app.title')}</h1>
        {me.value && (
          <nav aria-label={t('app.nav')}>
            <ul>
              {links
                .filter((link) => link.show)
                .map((link) => (
                  <li key={link.route.view}>
                    <a href={hrefOf(link.route)} aria-current={current.view === link.route.view ? 'page' : undefined}>
                      {link.label}
                    </a>
                  </li>
                ))}
            </ul>
          </nav>
        )}
        <div class="who">
          {me.value && t('nav.signedInAs', { name: me.value.name, roles: roles.map((r) => t(`role.${r}`)).join(', ') })}
        </div>
        <div>
          <label for="console-lang" class="inline">
            {t('app.language')}
          </label>
          <select
            id="console-lang"
            value={locale}
            onChange={(e) => model.setLocale(Locale.parse(e.currentTarget.value))}
          >
            {LOCALE_REGISTRY.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        {me.value && (
          <button type="button" class="secondary" onClick={signOut}>
            {t('nav.signOut')}
          </button>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {!token.value ? (
          <SignIn />
        ) : !me.value ? (
          <p role="status">{t('app.loading')}</p>
        ) : current.view === 'request' ? (
          <RequestPage id={current.id} />
        ) : current.view === 'audit' && canDo(roles, 'audit:read') ? (
          <AuditView />
        ) : current.view === 'keys' && canDo(roles, 'keys:manage') ? (
          <KeysView />
        ) : current.view === 'notices' && canDo(roles, 'requests:read') ? (
          <NoticesView />
        ) : current.view === 'systems' && canDo(roles, 'requests:read') ? (
          <SystemsView />
        ) : current.view === 'reports' && canDo(roles, 'reports:read') ? (
          <ReportsView />
        ) : (
          <Queue />
        )}
      </main>
    </>
  );
}
