/**
 * Text PostgreSQL cannot store as sent: a NUL character (refused by `text` and `jsonb`) or a lone UTF-16
 * surrogate (not Unicode; it would be stored as U+FFFD, changing what was sent). Checked once where text
 * enters — every JSON body, query, path and host-token claim — so no field can reach the database with it.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is matched on purpose: PostgreSQL cannot store it in text
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function badTextReason(text: string): string | null {
  if (text.includes('\u0000')) return 'Must not contain a NUL character (U+0000).';
  if (LONE_SURROGATE.test(text)) return 'Must be valid Unicode text (it contains a lone surrogate).';
  return null;
}

/** The first string (value or object key) in `value` that is bad text, as a JSON Pointer path below `base`. */
export function findBadText(value: unknown, base = ''): { pointer: string; reason: string } | null {
  if (typeof value === 'string') {
    const reason = badTextReason(value);
    return reason ? { pointer: base, reason } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], `${base}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const pointer = `${base}/${escapePointer(key)}`;
      const keyReason = badTextReason(key);
      if (keyReason)
        return { pointer, reason: `The member name ${keyReason.charAt(0).toLowerCase()}${keyReason.slice(1)}` };
      const found = findBadText(item, pointer);
      if (found) return found;
    }
  }
  return null;
}

// A pointer is itself reported as text: the bad characters in a key are shown escaped, not echoed.
const escapePointer = (key: string): string =>
  key
    .replaceAll('~', '~0')
    .replaceAll('/', '~1')
    .replace(UNSTORABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
