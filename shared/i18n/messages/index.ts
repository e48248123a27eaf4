import { LOCALE_REGISTRY, type Locale, type LocaleEntry } from '../../registry/locales.ts';
import { unpackMessages } from '../pack.ts';
import type { Messages } from '../translate.ts';
import { en } from './en.ts';

// English ships with the UI (it is the fallback); the other catalogues load on demand, so a person pays for
// one language, not four. Until a catalogue is loaded the UI is English and marked `lang="en"` (R13).
// In the widget they arrive packed (../pack.ts); elsewhere they are the catalogues as written. Their loaders are
// the locale registry's (shared/registry/locales.ts).
const loaded: Partial<Record<Locale, Messages>> = { en };

/** Loads the catalogue of `locale` (once); resolves when `messagesFor(locale)` returns it. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const ready = loaded[locale];
  if (ready) return ready;
  const entry: LocaleEntry | undefined = LOCALE_REGISTRY.find((l) => l.code === locale);
  const load = entry?.load;
  if (!load) return en; // not a language of the registry: English, as messagesFor says
  const messages = unpackMessages(await load());
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
