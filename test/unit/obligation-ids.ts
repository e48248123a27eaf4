// Reads obligation ids (R1–R74 of docs/obligations.md) out of the repository: where they are mentioned, which
// test titles name them, and what docs/obligations.md says about each. Pure reading, no judging: the checks
// and their messages live in obligations.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** An id alone (`R12`) or a range (`R1–R9`, `R2-R4`); a range names every id in it. */
const ID_OR_RANGE = /\bR(\d{1,3})(?:\s*[–-]\s*R(\d{1,3}))?\b/g;

/** Every obligation id a text names, ranges expanded, in order of appearance (repeats kept). */
export function idsIn(text: string): number[] {
  const ids: number[] = [];
  for (const match of text.matchAll(ID_OR_RANGE)) {
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    for (let id = first; id <= Math.max(first, last); id++) ids.push(id);
  }
  return ids;
}

/** Files under `dir` (relative to `root`, with `/`), skipping node_modules, build output and dot folders. */
export function filesUnder(root: string, dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(join(root, dir));
  return found.sort();
}

export interface Mention {
  id: number;
  file: string;
  line: number;
}

/** Every id named in a text file, with where. */
export function mentionsIn(root: string, file: string): Mention[] {
  return readFileSync(join(root, file), 'utf8')
    .split('\n')
    .flatMap((text, index) => idsIn(text).map((id) => ({ id, file, line: index + 1 })));
}

/** The vitest functions whose first argument is a title. */
const TITLED = new Set(['it', 'test', 'describe', 'suite']);

/** `it`, `it.skip`, `it.each(table)`: the name the callee starts from, if it is a plain identifier. */
function calleeRoot(expression: ts.Expression): string | undefined {
  let current = expression;
  for (;;) {
    if (ts.isIdentifier(current)) return current.text;
    if (ts.isPropertyAccessExpression(current)) current = current.expression;
    else if (ts.isCallExpression(current)) current = current.expression;
    else return undefined;
  }
}

/** A title as written; `${…}` stands for each substitution of a template title. */
function titleText(node: ts.Expression | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `\${…}${span.literal.text}`).join('');
  return undefined;
}

export interface Title {
  title: string;
  line: number;
}

/** The titles of every `describe`/`it`/`test` in a test file, read from its syntax tree, not by pattern. */
export function titlesIn(root: string, file: string): Title[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(root, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const titles: Title[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && TITLED.has(calleeRoot(node.expression) ?? '')) {
      const title = titleText(node.arguments[0]);
      if (title !== undefined)
        titles.push({ title, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return titles;
}

export interface Entry {
  id: number;
  /** 1-based line of the entry's table row in docs/obligations.md. */
  line: number;
  /** The `##` heading the row sits under. */
  area: string;
  /** How many cells the row has (four: id, what it asks, source, proven in). */
  cellCount: number;
  /** The "Proven in" cell as written. */
  provenIn: string;
  /** Backticked test files in the "Proven in" cell. */
  testFiles: string[];
}

const ROW = /^\|\s*R(\d+)\s*\|/;
const TEST_FILE = /^[\w./-]+\.test\.tsx?$/;

/** The entries of docs/obligations.md: every table row whose first cell is an id; "Proven in" is the last cell. */
export function readEntries(markdown: string): Entry[] {
  const entries: Entry[] = [];
  let area = '';
  markdown.split('\n').forEach((text, index) => {
    if (text.startsWith('## ')) area = text.slice(3).trim();
    const row = ROW.exec(text);
    if (!row) return;
    const cells = text
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const provenIn = cells.at(-1) ?? '';
    const testFiles = [...provenIn.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((path) => TEST_FILE.test(path));
    entries.push({ id: Number(row[1]), line: index + 1, area, cellCount: cells.length, provenIn, testFiles });
  });
  return entries;
}
