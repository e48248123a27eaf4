import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesUnder, idsIn, mentionsIn, readEntries, titlesIn } from './obligation-ids.ts';

// docs/obligations.md is the one place that says what each id R1–R74 asks and which tests prove it. These
// checks keep it from going stale: every failure says which row to change and what to put in it.

const root = fileURLToPath(new URL('../../', import.meta.url));
const DOC = 'docs/obligations.md';

/** The checklist's five areas, in its order, with the ids each holds. */
const AREAS = [
  { heading: '(i) Notice display', first: 1, last: 14 },
  { heading: '(ii) Consent toggles & records', first: 15, last: 36 },
  { heading: '(iii) Rights requests & API', first: 37, last: 51 },
  { heading: '(iv) Accessibility', first: 52, last: 64 },
  { heading: '(v) Security', first: 65, last: 74 },
];
const FIRST_ID = AREAS[0]!.first;
const LAST_ID = AREAS.at(-1)!.last;

const SCANNED_DIRS = ['shared', 'widget', 'extension', 'server', 'test', 'bench', 'demo', 'docs'];
const TEXT_FILE = /\.(ts|tsx|js|mjs|cjs|json|md|html|css|txt)$/;
const TEST_FILE = /\.test\.tsx?$/;

const entries = readEntries(readFileSync(join(root, DOC), 'utf8'));
const entryFor = new Map(entries.map((entry) => [entry.id, entry]));
const rowOf = (id: number): string => `the R${id} row of ${DOC}`;

/** Test file → the ids its titles name, each with the first title that names it. */
function namedIds(): Map<string, Map<number, { title: string; line: number }>> {
  const named = new Map<string, Map<number, { title: string; line: number }>>();
  for (const file of filesUnder(root, 'test').filter((path) => TEST_FILE.test(path))) {
    const ids = new Map<number, { title: string; line: number }>();
    for (const title of titlesIn(root, file)) {
      for (const id of idsIn(title.title)) if (!ids.has(id)) ids.set(id, title);
    }
    if (ids.size > 0) named.set(file, ids);
  }
  return named;
}

describe(DOC, () => {
  it('has one entry per obligation, once each, in id order, under its area of the checklist', () => {
    const problems: string[] = [];
    const seen = new Set<number>();
    let previous = 0;
    for (const entry of entries) {
      const where = `${DOC}:${entry.line}`;
      if (entry.id < FIRST_ID || entry.id > LAST_ID)
        problems.push(
          `${where}: R${entry.id} is not an obligation (ids run R${FIRST_ID}–R${LAST_ID}); remove the row.`,
        );
      if (seen.has(entry.id)) problems.push(`${where}: R${entry.id} has a second row; keep one.`);
      if (entry.id < previous)
        problems.push(`${where}: R${entry.id} comes after R${previous}; keep the rows in id order.`);
      const area = AREAS.find((a) => entry.id >= a.first && entry.id <= a.last);
      if (area && entry.area !== area.heading)
        problems.push(
          `${where}: R${entry.id} sits under "${entry.area}"; move it under "## ${area.heading}" (R${area.first}–R${area.last}).`,
        );
      seen.add(entry.id);
      previous = Math.max(previous, entry.id);
    }
    for (let id = FIRST_ID; id <= LAST_ID; id++) {
      if (!seen.has(id))
        problems.push(
          `R${id} has no row in ${DOC}: add "| R${id} | what it asks | source | proven in |" to its area's table.`,
        );
    }
    expect(problems).toEqual([]);
  });

  it('says for every entry where it is proven, or that it is not yet proven, or why it does not apply', () => {
    const problems: string[] = [];
    for (const entry of entries) {
      if (entry.cellCount !== 4)
        problems.push(
          `${rowOf(entry.id)} (line ${entry.line}) has ${entry.cellCount} cells, not 4 (id, what it asks, source, proven in): a \`|\` inside a cell splits it; reword it.`,
        );
      const excused = /^(Not yet proven|Does not apply)\b/.test(entry.provenIn);
      if (entry.testFiles.length === 0 && !excused) {
        problems.push(
          `${rowOf(entry.id)} (line ${entry.line}): its last cell lists no backticked test file and does not start with "Not yet proven" or "Does not apply"; it says "${entry.provenIn}".`,
        );
      }
      if (entry.testFiles.length > 0 && excused) {
        problems.push(
          `${rowOf(entry.id)} (line ${entry.line}): its last cell lists tests but starts with "${entry.provenIn.split(/[:,.]/)[0]}"; keep only the backticked test files.`,
        );
      }
      for (const path of [...entry.provenIn.matchAll(/`([^`]+)`/g)]
        .map((m) => m[1]!)
        .filter((p) => p.includes('/') || p.endsWith('.md'))) {
        if (!existsSync(join(root, path)))
          problems.push(
            `${rowOf(entry.id)} (line ${entry.line}) names \`${path}\`, which does not exist: fix or remove the path.`,
          );
      }
    }
    expect(problems).toEqual([]);
  });

  it('has an entry for every id the source, tests and docs mention', () => {
    const files = [...SCANNED_DIRS.flatMap((dir) => filesUnder(root, dir)), 'README.md'].filter((file) =>
      TEXT_FILE.test(file),
    );
    expect(files).toContain('test/unit/obligations.test.ts'); // the scan really reaches the repository
    const unknown = new Map<number, string[]>();
    for (const mention of files.flatMap((file) => mentionsIn(root, file))) {
      if (!entryFor.has(mention.id))
        unknown.set(mention.id, [...(unknown.get(mention.id) ?? []), `${mention.file}:${mention.line}`]);
    }
    const problems = [...unknown].map(([id, places]) => {
      const shown =
        places.length > 5 ? `${places.slice(0, 5).join(', ')} and ${places.length - 5} more` : places.join(', ');
      return `R${id} has no row in ${DOC} but is mentioned at ${shown}: correct the id there, or add a row for R${id}.`;
    });
    expect(problems).toEqual([]);
  });

  it('lists under each id exactly the test files whose titles name it', () => {
    const named = namedIds();
    expect(named.size).toBeGreaterThan(0); // titles really were read
    const problems: string[] = [];
    // A test names an id the row does not list: the row is out of date.
    for (const [file, ids] of named) {
      for (const [id, { title, line }] of ids) {
        const entry = entryFor.get(id);
        if (entry === undefined)
          problems.push(
            `${file}:${line} names R${id} in the title "${title}", but ${DOC} has no R${id} row: correct the title's id.`,
          );
        else if (!entry.testFiles.includes(file)) {
          const instead = entry.testFiles.length === 0 ? ` (replacing "${entry.provenIn.split(/[:.]/)[0]}")` : '';
          problems.push(
            `${file}:${line} names R${id} in the title "${title}": add \`${file}\` to the "Proven in" cell of ${rowOf(id)} (line ${entry.line})${instead}.`,
          );
        }
      }
    }
    // A row lists a file that does not (or no longer) name its id: the row claims a proof that is not there.
    for (const entry of entries) {
      for (const file of entry.testFiles) {
        if (!existsSync(join(root, file)))
          problems.push(
            `${rowOf(entry.id)} (line ${entry.line}) lists \`${file}\`, which does not exist: remove it from the row.`,
          );
        else if (!named.get(file)?.has(entry.id))
          problems.push(
            `${rowOf(entry.id)} (line ${entry.line}) lists \`${file}\`, but no test title there names R${entry.id}: remove it from the row, or name R${entry.id} in the title of the test that proves it.`,
          );
      }
    }
    expect(problems).toEqual([]);
  });
});
