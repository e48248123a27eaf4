import { en } from './messages/en.ts';
import type { MessageKey, Messages } from './translate.ts';

// A catalogue can ship packed: its strings in the order of the English keys, without the key names (which are the
// same in every language). The widget build packs nl, fr and de (widget/vite-builds.ts); `unpackMessages`
// turns either form back into a catalogue.

const KEYS = Object.keys(en) as MessageKey[];

/** The strings of `messages` in the order of the English keys. */
export const packMessages = (messages: Messages): string[] => KEYS.map((key) => messages[key]);

/** A catalogue from its packed form; a catalogue that is not packed is returned as it is. */
export function unpackMessages(messages: Messages | readonly string[]): Messages {
  if (!Array.isArray(messages)) return messages as Messages;
  const out = {} as Messages;
  for (const [i, key] of KEYS.entries()) out[key] = messages[i] ?? en[key];
  return out;
}
