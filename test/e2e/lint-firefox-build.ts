// The Firefox build as published (production API hosts), built and run through addons-linter in child processes
// that do not hold up the test process: it happens while Firefox starts and the other tests run.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRODUCTION_API_BASES } from '../../extension/api-bases.ts';

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

export interface LintedBuild {
  manifest: Record<string, any>;
  errors: LintMessage[];
  warnings: LintMessage[];
}

function run(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    // addons-linter exits non-zero when it finds errors: its JSON report says which, so only the output counts.
    child.on('close', () => resolve(out || err));
  });
}

export async function lintPublishedFirefoxBuild(): Promise<LintedBuild> {
  const dir = await mkdtemp(join(tmpdir(), 'tpc-firefox-published-'));
  try {
    const built = await run(['node_modules/vite/bin/vite.js', 'build', '--mode', 'firefox', '--logLevel', 'warn'], {
      TWIKIT_API_BASE: PRODUCTION_API_BASES.eea,
      EXTENSION_OUT_DIR: dir,
    });
    const manifest = JSON.parse(
      await readFile(join(dir, 'manifest.json'), 'utf8').catch(() => {
        throw new Error(`the Firefox build failed:\n${built}`);
      }),
    );
    const out = await run(['node_modules/addons-linter/bin/addons-linter', dir, '--output', 'json'], {});
    let report: { errors: LintMessage[]; warnings: LintMessage[] };
    try {
      report = JSON.parse(out);
    } catch {
      throw new Error(`addons-linter printed no report:\n${out}`);
    }
    return { manifest, errors: report.errors, warnings: report.warnings };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
