import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The server's SQL lives in `server/store` (and the driver layer, `server/db`: adapters and migrations).
 * Routes speak HTTP, services and identity speak the domain: read as text, no other file may run a
 * statement or hold one. Another SQL database is then a store to write, not a hunt through the tree.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const SQL_HOMES = ['server/store/', 'server/db/'];

// A call on a database handle (`sql.query(`, `db.query<Row>(`, `tx.exec(`), its text on the same line or
// the next; Hono's `c.req.query()` is not one.
const HANDLE_CALL = /(?<!\breq)\.(query|exec)\s*(<[^>]*>)?\s*\(\s*[`'"]/g;
// A string that opens with a statement: any SQL text, whoever would run it.
const STATEMENT =
  /[`'"]\s*(select\s[^`'"]*?\sfrom\s|insert\s+into\s|update\s+\w+\s+set\s|delete\s+from\s|with\s+\w+\s+as\s*\(|create\s+(table|index)\s|alter\s+table\s)/gi;

/** Each place in `text` that runs or holds SQL, by line (from 1). */
function sqlLines(text: string): Array<{ line: number; text: string }> {
  const found = new Map<number, string>();
  for (const pattern of [HANDLE_CALL, STATEMENT]) {
    for (const match of text.matchAll(pattern)) {
      const line = text.slice(0, match.index).split('\n').length;
      found.set(line, text.split('\n')[line - 1]?.trim() ?? '');
    }
  }
  return [...found].sort(([a], [b]) => a - b).map(([line, source]) => ({ line, text: source }));
}

function serverFiles(dir = join(ROOT, 'server')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(path);
    return entry.name.endsWith('.ts') ? [relative(ROOT, path).replaceAll('\\', '/')] : [];
  });
}

describe('the store boundary', () => {
  it('finds a query a route would run, and the SQL text a service would hold', () => {
    expect(
      sqlLines(
        "    if (principal.tokenHash) await deps.db.query('delete from sessions where token_hash = $1', [principal.tokenHash]);",
      ),
    ).toHaveLength(1);
    expect(
      sqlLines('  const rows = await tx.query<{ n: number }>(`select count(*)::int as n from users`);'),
    ).toHaveLength(1);
    expect(sqlLines('const text = `\n  select id, email from users where id = $1`;')).toHaveLength(1);
    expect(sqlLines("      query = parseOr422(endpoint.query, c.req.query(), 'query');")).toEqual([]);
  });

  it('keeps every SQL statement of the server in server/store or server/db', () => {
    const files = serverFiles();
    expect(files).toContain('server/routes/identity.ts');
    const outside = files
      .filter((file) => !SQL_HOMES.some((home) => file.startsWith(home)))
      .flatMap((file) =>
        sqlLines(readFileSync(join(ROOT, file), 'utf8')).map((found) => `${file}:${found.line}: ${found.text}`),
      );
    expect(outside).toEqual([]);
  });

  it("lets no service or identity module import the HTTP layer's problem type (they throw domain errors)", () => {
    const importers = serverFiles()
      .filter(
        (file) =>
          file.startsWith('server/services/') ||
          file.startsWith('server/identity/') ||
          file.startsWith('server/store/'),
      )
      .filter((file) => /from '\.\.\/http\/problem\.ts'/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(importers).toEqual([]);
  });
});
