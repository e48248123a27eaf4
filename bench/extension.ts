// The extension's popup: open to interactive, for a signed-in person. The extension is built against a rights API
// of the bench's own (PGlite in a temp folder, in this process), loaded unpacked in headless Chromium, and its
// popup page opened at popup size per run, CPU-throttled like the page-load runs. "Interactive" is the first
// animation frame in which the panel's view switcher is rendered (its buttons work from then on). The first open
// on a fresh profile (nothing cached) is reported apart from the usual one (the IndexedDB cache filled).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from '../server/config.ts';
import { createOutboxMailer } from '../server/mail/mailer.ts';
import { startServer } from '../server/start.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../test/e2e/browser.ts';
import { openPage } from './page-session.ts';
import { spread, type Spread } from './stats.ts';

export interface ExtensionResult {
  /** Per CPU rate: popup opened → its first view interactive, ms, with the cache filled. */
  popupInteractive: Array<{ cpuRate: number; spread: Spread }>;
  /** The very first open on a fresh profile (empty cache, notice and state from the server), ms, at 1×. */
  firstOpenMs: number;
}

// Records, in the page, when the panel's view switcher first renders (plain source: no transpiler helpers).
const PROBE = `(() => {
  const check = () => {
    if (document.querySelector('.tp-nav-btn')) { window.__interactiveAt = performance.now(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

export async function measureExtension(options: { runs: number; cpuRates: number[] }): Promise<ExtensionResult | null> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tpc-bench-ext-db-'));
  const outDir = mkdtempSync(join(tmpdir(), 'tpc-bench-ext-'));
  const profile = mkdtempSync(join(tmpdir(), 'tpc-bench-ext-profile-'));
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    HOST_TOKEN_SECRET: 'bench-extension-host-secret-0123456789ab',
    ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
    RATE_LIMIT_PER_MINUTE: '100000',
    SIGN_IN_LIMIT_PER_15_MIN: '100000',
    WIDGET_DIR: '',
  } as NodeJS.ProcessEnv);
  const mailer = createOutboxMailer(() => undefined);
  const api = await startServer(config, { mailer });
  try {
    const built = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--mode', 'extension', '--logLevel', 'warn'],
      {
        env: { ...process.env, TWIKIT_API_BASE: api.url, EXTENSION_OUT_DIR: outDir },
        encoding: 'utf8',
      },
    );
    if (built.status !== 0) throw new Error(`extension build failed: ${built.stderr}`);

    // A signed-in person, as the popup's own sign-in would leave it.
    const email = 'bench@example.com';
    const post = async (path: string, body: unknown) =>
      (
        await fetch(api.url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json() as Promise<Record<string, string>>;
    await post('/v1/auth/email/start', { email });
    const code = /\b(\d{6})\b/.exec(mailer.outbox?.at(-1)?.text ?? '')?.[1];
    const session = await post('/v1/auth/email/verify', { email, code });

    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 400, height: 600 },
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${outDir}`, `--load-extension=${outDir}`],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const popupUrl = `chrome-extension://${new URL(worker.url()).host}/extension/popup.html`;
      await worker.evaluate((s) => (globalThis as any).chrome.storage.local.set({ session: s }), {
        token: session.token,
        email,
        subjectId: session.subjectId,
        expiresAt: session.expiresAt,
      });
      const open = async (cpuRate: number): Promise<number> => {
        const { page } = await openPage(context, cpuRate, PROBE);
        await page.goto(popupUrl);
        const at = await page.waitForFunction(() => (window as any).__interactiveAt as number | undefined, undefined, {
          timeout: 30_000,
        });
        const ms = (await at.jsonValue()) as number;
        await page.close();
        return ms;
      };
      const firstOpenMs = await open(1);
      await open(1); // warm-up: the cache is full from here on
      const popupInteractive: ExtensionResult['popupInteractive'] = [];
      for (const cpuRate of options.cpuRates) {
        const samples: number[] = [];
        for (let run = 0; run < options.runs; run++) samples.push(await open(cpuRate));
        popupInteractive.push({ cpuRate, spread: spread(samples) });
      }
      return { popupInteractive, firstOpenMs };
    } finally {
      await context.close();
    }
  } finally {
    await api.close();
    for (const dir of [dataDir, outDir, profile]) rmSync(dir, { recursive: true, force: true });
  }
}
