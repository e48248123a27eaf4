import type { Locale } from '../../contract/common.ts';
import { unpackMessages } from '../pack.ts';
import type { Messages } from '../translate.ts';
import { en } from './en.ts';

// English ships with the UI (it is the fallback); the other catalogues load on demand, so a person pays for
// one language, not four. Until a catalogue is loaded the UI is English and marked `lang="en"` (R13).
const loaded: Partial<Record<Locale, Messages>> = { en };
// In the widget these modules arrive packed (../pack.ts); elsewhere they are the catalogues as written.
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Messages | readonly string[]>> = {
  nl: () => import('./nl.ts').then((m) => m.nl),
  fr: () => import('./fr.ts').then((m) => m.fr),
  de: () => import('./de.ts').then((m) => m.de),
};

/** Loads the catalogue of `locale` (once); resolves when `messagesFor(locale)` returns it. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const ready = loaded[locale];
  if (ready) return ready;
  const messages = unpackMessages(await loaders[locale as Exclude<Locale, 'en'>]());
  loaded[locale] = messages;
  return messages;
}

/** The UI messages for a locale: its own once loaded, English until then. */
export function messagesFor(locale: Locale): Messages {
  return loaded[locale] ?? en;
}

/** The language the messages for `locale` are actually written in, for `lang` attributes (R13). */
export function messagesLang(locale: Locale): Locale {
  return loaded[locale] ? locale : 'en';
}

export { en };
