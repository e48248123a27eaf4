import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Core } from '../core.ts';
import { CoreContext } from './CoreContext.ts';
import { createI18n, I18nContext } from './I18nContext.ts';

/** Provides the core and the translation functions for `core.locale` to everything below. */
export function CoreProvider({ core, children }: { core: Core; children?: ComponentChildren }) {
  const locale = core.locale.value;
  const i18n = useMemo(() => createI18n(locale), [locale]);
  return (
    <CoreContext.Provider value={core}>
      <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>
    </CoreContext.Provider>
  );
}
