import * as z from 'zod/mini';
import { invalid } from './errors.ts';

/**
 * Keyset cursors: the sort key of the last row a page showed, as base64url JSON. Opaque to clients (they
 * only send back what `next` gave them); checked on the way in, so a mangled or foreign cursor is a 422
 * that names it, never a 500 or a silently wrong page.
 */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<S extends z.core.$ZodType>(cursor: string, shape: S, what: string): z.infer<S> {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = z.safeParse(shape, parsed);
  if (!result.success) {
    throw invalid(
      `The cursor "${cursor.slice(0, 64)}" is not one this endpoint issued for ${what}; send back the "next" value of the previous page, or leave it out for the first page.`,
      {
        errors: [{ pointer: '/query/cursor', reason: `Not a ${what} cursor.` }],
      },
    );
  }
  return result.data;
}

/** Any id PostgreSQL stores as uuid (rows written by other tools need not be RFC 4122 version 4). */
export const AnyUuid = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i));

/** A timestamptz as PostgreSQL writes it as text (`2026-03-10 10:00:00.123456+00`): exact to the microsecond. */
export const PgTimestamp = z
  .string()
  .check(z.minLength(10), z.maxLength(40), z.regex(/^\d{4}-\d{2}-\d{2}[ T][\d:.+-]+$/));

/** One page: at most `limit` rows, and the cursor of the next page (null on the last one). Reads limit + 1 rows to know. */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => readonly unknown[],
): { items: Item[]; next: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map(toItem),
    next: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
