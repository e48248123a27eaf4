import type { en } from './messages/en.ts';

/** Every piece of UI text has a key in the English catalogue; other catalogues must have the same keys. */
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The message for `key` with `{name}` placeholders filled from `params`; unknown placeholders stay visible.
 * Any catalogue: the UI's, or a surface's own (the extension's).
 */
export function translate<K extends string = MessageKey>(
  messages: Readonly<Record<K, string>>,
  key: K,
  params?: MessageParams,
): string {
  const text = messages[key] ?? key;
  if (!params) return text;
  return text.replace(PLACEHOLDER, (match, name: string) => (name in params ? String(params[name]) : match));
}

/**
 * Like `translate`, but a placeholder may be filled with any part (e.g. an element carrying its own `lang`).
 * Returns the pieces in order, empty strings dropped, so a UI can mark notice text inside a UI sentence (R13).
 */
export function translateParts<T>(
  messages: Messages,
  key: MessageKey,
  params: Record<string, T | string | number>,
): Array<T | string> {
  const text = messages[key] ?? key;
  const out: Array<T | string> = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    out.push(text.slice(last, match.index));
    const value = params[name];
    out.push(value === undefined ? match[0] : typeof value === 'number' ? String(value) : value);
    last = match.index + match[0].length;
  }
  out.push(text.slice(last));
  return out.filter((part) => part !== '');
}
