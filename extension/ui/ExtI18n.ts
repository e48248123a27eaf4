import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '../../shared/contract/common.ts';
import type { MessageKey } from '../../shared/i18n/translate.ts';
import { extT, panelT, type ExtMessageKey } from '../messages/index.ts';

export interface ExtI18n {
  locale: Locale;
  t(key: ExtMessageKey, params?: Record<string, string | number>): string;
  /** A text of the shared UI catalogue ("Language", "Sending…"): written once, there. */
  shared(key: MessageKey, params?: Record<string, string | number>): string;
}

export const extI18n = (locale: Locale): ExtI18n => ({
  locale,
  t: (key, params) => extT(locale, key, params),
  shared: (key, params) => panelT(locale, key, params),
});

/** The extension's own text in the person's language (the panel's text comes from the shared I18nContext). */
export const ExtI18nContext = createContext<ExtI18n>(extI18n('en'));
export const useExtT = (): ExtI18n => useContext(ExtI18nContext);
