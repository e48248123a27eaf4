import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PanelCore } from '../core.ts';
import { loadMessages } from '../i18n/messages/index.ts';
import { CoreContext } from './CoreContext.ts';
import { createI18n, I18nContext } from './I18nContext.ts';

/** Provides the core and the translation functions for `core.locale` to everything below. */
export function CoreProvider({ core, children }: { core: PanelCore; children?: ComponentChildren }) {
  const locale = core.locale.value;
  // A catalogue that is not loaded yet shows English (marked as such) and swaps in when it arrives.
  const [loadedCount, setLoadedCount] = useState(0);
  useEffect(() => {
    let live = true;
    void loadMessages(locale).then(() => live && setLoadedCount((n) => n + 1));
    return () => void (live = false);
  }, [locale]);
  const i18n = useMemo(() => createI18n(locale), [locale, loadedCount]);
  return (
    <CoreContext.Provider value={core}>
      <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>
    </CoreContext.Provider>
  );
}
