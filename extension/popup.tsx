// The popup: the shared core with the person's e-mail session, over this extension's IndexedDB cache.
// It paints from the cache at once and revalidates (the notice by ETag, consents and requests by reload).
import { effect } from '@preact/signals-core';
import { render } from 'preact';
import { createCore } from '../shared/core.ts';
import { loadMessages } from '../shared/i18n/messages/index.ts';
import { CoreProvider } from '../shared/ui/CoreProvider.tsx';
import { API_BASES } from './config.ts';
import { extLocale } from './locale.ts';
import { extT } from './messages/index.ts';
import { setUpPage } from './page-setup.ts';
import { createSessionModel } from './session-model.ts';
import { readStored, writeStored } from './settings.ts';
import { extI18n, ExtI18nContext } from './ui/ExtI18n.ts';
import { Popup } from './ui/Popup.tsx';

const stored = await readStored('region', 'locale', 'session');
const locale = extLocale(stored.locale);
const apiBase = API_BASES[stored.region ?? 'eea'];
setUpPage(locale, extT(locale, 'ext.title'));
const session = createSessionModel({ apiBase, region: stored.region ?? 'eea', initial: stored.session });
const [core] = await Promise.all([
  createCore({
    apiBase,
    surface: { kind: 'extension' },
    region: stored.region ?? undefined,
    locale,
    session: session.source,
  }),
  loadMessages(locale),
]);

// The language switch in the panel is the person's choice for the whole extension.
let shownLocale = locale;
effect(() => {
  const chosen = core.locale.value;
  if (chosen === shownLocale) return;
  shownLocale = chosen;
  void writeStored({ locale: chosen });
  document.documentElement.lang = chosen;
});

function App() {
  return (
    <ExtI18nContext.Provider value={extI18n(core.locale.value)}>
      <CoreProvider core={core}>
        <Popup core={core} session={session} />
      </CoreProvider>
    </ExtI18nContext.Provider>
  );
}

const root = document.getElementById('app')!;
root.textContent = '';
render(<App />, root);
if (session.session.value) void core.start();
else void core.notice.load(locale, core.signal);
root.dataset.ready = 'true';
