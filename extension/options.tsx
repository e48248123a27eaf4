// The options page: region, language, sign-out, clear local data. Its text follows the chosen language at once.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { Locale } from '../shared/contract/common.ts';
import { API_BASES } from './config.ts';
import { extLocale } from './locale.ts';
import { extT } from './messages/index.ts';
import { setUpPage } from './page-setup.ts';
import { createSessionModel } from './session-model.ts';
import { readStored } from './settings.ts';
import { extI18n, ExtI18nContext } from './ui/ExtI18n.ts';
import { Options } from './ui/Options.tsx';

const stored = await readStored('region', 'locale', 'session');
const initial = extLocale(stored.locale);
setUpPage(initial, extT(initial, 'options.title'));
const session = createSessionModel({
  apiBase: API_BASES[stored.region ?? 'eea'],
  region: stored.region ?? 'eea',
  initial: stored.session,
});

function App() {
  const [locale, setLocale] = useState<Locale>(initial);
  const change = (l: Locale) => {
    setLocale(l);
    setUpPage(l, extT(l, 'options.title'));
  };
  return (
    <ExtI18nContext.Provider value={extI18n(locale)}>
      <Options session={session} region={stored.region ?? 'eea'} locale={locale} onLocaleChange={change} />
    </ExtI18nContext.Provider>
  );
}

const root = document.getElementById('app')!;
root.textContent = '';
render(<App />, root);
root.dataset.ready = 'true';
