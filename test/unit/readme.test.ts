import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { endpoints } from '../../shared/contract/endpoints.ts';

// The README is the reference: these checks fail when the code gains a configuration variable, an endpoint, a
// public API member or a top-level folder that the README does not describe, or when it describes one that is gone.

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The text under a `## heading`, up to the next `## ` heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** Names of environment variables a source file reads: `env.NAME`, `env['NAME']` and `helper(env, 'NAME', …)`. */
function envVarsRead(source: string): string[] {
  const patterns = [
    /\benv\.([A-Z][A-Z0-9_]*)\b/g,
    /\benv\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g,
    /\(\s*env\s*,\s*['"]([A-Z][A-Z0-9_]*)['"]/g,
  ];
  return [...new Set(patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]!)))].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const serverEnvVars = [
  ...new Set(sourceFiles('server').flatMap((file) => envVarsRead(readFileSync(join(root, file), 'utf8')))),
].sort();

/** `#### \`NAME\`` headings: one per configuration variable. */
const documentedVars = [...section(readme, 'Configuration').matchAll(/^#### `([A-Z][A-Z0-9_]*)`$/gm)].map((m) => m[1]!);

describe('README: configuration', () => {
  it('the scan finds every way the server reads a variable', () => {
    const source =
      "const a = env.PORT; const b = process.env.HOST; const c = env['DATA_DIR']; int(env, 'BODY_LIMIT_BYTES', 1);";
    expect(envVarsRead(source)).toEqual(['BODY_LIMIT_BYTES', 'DATA_DIR', 'HOST', 'PORT']);
    // Read through config.ts and data-config.ts: if these are missing, the scan has gone blind.
    expect(serverEnvVars).toEqual(
      expect.arrayContaining(['NODE_ENV', 'DATABASE_URL', 'REQUEST_TIMEOUT_MS', 'RETAIN_PROOF_MONTHS']),
    );
  });

  it('has a section for every environment variable the server reads', () => {
    const missing = serverEnvVars.filter((name) => !documentedVars.includes(name));
    expect(missing, 'add a "#### `NAME`" section under "## Configuration" for each').toEqual([]);
  });

  it('documents no variable the server does not read', () => {
    const stale = documentedVars.filter((name) => !serverEnvVars.includes(name));
    expect(stale, 'remove these sections, or name where they are read').toEqual([]);
  });
});

describe('README: endpoints', () => {
  const rows = [...section(readme, 'The rights API').matchAll(/^\| (GET|POST|DELETE) \| `([^`]+)` \|/gm)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
  const routes = Object.values(endpoints).map((e) => `${e.method.toUpperCase()} ${e.path}`);

  it('lists every route of shared/contract/endpoints.ts, with its method', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(
      routes.filter((route) => !rows.includes(route)),
      'add a row "| METHOD | `path` | …" under "### Endpoints"',
    ).toEqual([]);
  });

  it('lists no route the table does not hold', () => {
    expect(rows.filter((row) => !routes.includes(row))).toEqual([]);
  });
});

describe('README: public API of the widget', () => {
  const api = readFileSync(join(root, 'widget/public-api.ts'), 'utf8');
  const body = /export interface TwikitPrivacyApi \{([\s\S]*?)\n\}/.exec(api)?.[1] ?? '';
  const members = [...body.matchAll(/^ {2}(?:readonly )?(\w+)[(:]/gm)].map((m) => m[1]!);
  const events = [...api.matchAll(/'(twikit-privacy:[a-z-]+)': CustomEvent/g)].map((m) => m[1]!);
  const widget = section(readme, 'Embedding the widget');

  it('has a section for every member of TwikitPrivacy', () => {
    expect(members).toEqual(expect.arrayContaining(['init', 'get', 'requestConsent', 'unmount']));
    const missing = members.filter((name) => !new RegExp(`^#### \`TwikitPrivacy\\.${name}\\b`, 'm').test(widget));
    expect(missing).toEqual([]);
  });

  it('has a section for every DOM event it dispatches', () => {
    expect(events).toEqual(expect.arrayContaining(['twikit-privacy:change']));
    expect(events.filter((name) => !widget.includes(`#### \`${name}\``))).toEqual([]);
  });
});

describe('README: layout', () => {
  const block = /```\n([\s\S]*?)```/.exec(section(readme, 'Layout'))?.[1] ?? '';
  const named = block
    .split('\n')
    .map((line) => line.split(/\s+/)[0]!)
    .filter(Boolean);
  const exists = (path: string) => {
    try {
      const stat = statSync(join(root, path));
      return path.endsWith('/') ? stat.isDirectory() : stat.isFile();
    } catch {
      return false;
    }
  };
  const subfolders = (dir: string) =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${dir}/${entry.name}/`);

  it('names only folders and files that exist', () => {
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((path) => !exists(path))).toEqual([]);
  });

  it('names every folder of shared/ and server/', () => {
    const missing = [...subfolders('shared'), ...subfolders('server')].filter((dir) => !named.includes(dir));
    expect(missing, 'add a line for each to the "## Layout" block').toEqual([]);
  });
});
