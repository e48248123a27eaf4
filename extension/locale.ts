import type { Locale } from '../shared/contract/common.ts';
import { pickLocale } from '../shared/i18n/pick-locale.ts';

/** The extension's language: the person's choice in the options, else the browser's languages, else English. */
export const extLocale = (chosen: Locale | null | undefined): Locale =>
  pickLocale(chosen ?? null, null, globalThis.navigator?.languages ?? []);
