// Purposes come from the notice (issue 13.1): no component names a purpose id. The server, the core, the widget and
// the popup take every purpose, and every rule about one, from the notice in force, so a new notice version can add,
// change or retire a purpose without a code change. A purpose id written as a string anywhere in them fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';

const root = resolve(import.meta.dirname, '../..');

/** What must not name a purpose: every component, the core and the server. */
const SCANNED = [
  'widget',
  'extension',
  'server',
  'shared/ui',
  'shared/models',
  'shared/api',
  'shared/storage',
  'shared/base-core.ts',
  'shared/core.ts',
  'shared/notice/purpose-rules.ts',
];

const sources = (path: string): string[] =>
  statSync(path).isDirectory()
    ? readdirSync(path).flatMap((f) => sources(join(path, f)))
    : /\.(tsx?|js|html)$/.test(path)
      ? [path]
      : [];

describe('the components', () => {
  it("name no purpose id: every purpose comes from the notice in force (the notice's own data file excepted)", () => {
    const ids = defaultNoticeEn.purposes.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(0);
    // An id as a string literal, in any of the three quotes: a purpose a component would single out.
    const literal = new RegExp(`(['"\`])(${ids.join('|')})\\1`, 'g');
    const found: string[] = [];
    for (const file of SCANNED.flatMap((p) => sources(join(root, p)))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(literal)) {
        const line = text.slice(0, match.index).split('\n').length;
        found.push(`${relative(root, file)}:${line}: ${match[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('would see one if it were there (the scan reads the files it names)', () => {
    const files = SCANNED.flatMap((p) => sources(join(root, p)));
    expect(files.some((f) => f.endsWith('widget/runtime.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith('shared/ui/ConsentList.tsx'))).toBe(true);
    expect(files.some((f) => f.endsWith('server/services/consents.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith('extension/popup.tsx'))).toBe(true);
  });
});
