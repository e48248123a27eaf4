// The unpacked extension in headless Chromium (--load-extension needs no display), built against a real
// reference server of its own: the build fixes the API host in the manifest, so each world builds once, into
// a temporary folder, in a child process (a Vite build in this process would set NODE_ENV=production here).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type ConsoleMessage,
  type Page,
  type Worker,
} from 'playwright-core';
import { en } from '../../extension/messages/en.ts';
import { ADMIN_TOKEN, client, latestCode, startTestServer, type TestServer } from '../server/harness.ts';
import { CHROMIUM_ARGS, chromiumPath, waitFor, watchPage, type PageWatch } from './browser.ts';

export interface ExtensionBuild {
  dir: string;
  manifest: Record<string, any>;
  dispose(): void;
}

/** Builds the extension for `mode` with the given API base into a fresh folder. */
export function buildExtension(mode: 'extension' | 'firefox', apiBase: string): ExtensionBuild {
  const dir = mkdtempSync(join(tmpdir(), `tpc-${mode}-`));
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--mode', mode, '--logLevel', 'warn'],
    {
      env: { ...process.env, TWIKIT_API_BASE: apiBase, EXTENSION_OUT_DIR: dir },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`extension build failed:\n${result.stdout}\n${result.stderr}`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, any>;
  return { dir, manifest, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ExtensionWorld {
  server: TestServer;
  build: ExtensionBuild;
  context: BrowserContext;
  id: string;
  /** Console lines of every extension context (pages and the worker) that mention CSP or Trusted Types. */
  cspConsole: string[];
  /** Errors and warnings the background worker logged (every worker, across restarts). */
  workerConsole: string[];
  /** The current background worker (a new one after the old one was stopped). */
  worker(): Promise<Worker>;
  /** Opens the popup in a tab sized like the popup. */
  openPopup(options?: { beforeGoto?: (page: Page) => Promise<unknown> }): Promise<{ page: Page; watch: PageWatch }>;
  openOptions(): Promise<{ page: Page; watch: PageWatch }>;
  /** Closes the browser and starts it again on the same profile. */
  restart(): Promise<void>;
  /** Stops every service worker, as Chrome does to an idle MV3 worker; resolves with a promise of the next one. */
  stopWorker(): Promise<{ running: Promise<void> }>;
  /** An extension page (not the worker) to call extension APIs from, whether or not the worker runs. */
  probe(): Promise<Page>;
  close(): Promise<void>;
}

const CSP_TEXT = /Content Security Policy|Trusted ?(Type|Script|HTML)/i;

/** A reference server (operators complete requests by hand: AUTO_FULFIL=0) and the extension loaded against it. */
export async function startExtensionWorld(env: Record<string, string> = {}): Promise<ExtensionWorld> {
  const server = await startTestServer({ AUTO_FULFIL: '0', ...env });
  const build = buildExtension('extension', server.url);
  const profile = mkdtempSync(join(tmpdir(), 'tpc-ext-profile-'));
  const cspConsole: string[] = [];
  const workerConsole: string[] = [];
  const onConsole = (message: ConsoleMessage) =>
    void (CSP_TEXT.test(message.text()) && cspConsole.push(message.text()));
  const watchWorker = (worker: Worker) =>
    worker.on('console', (message) => {
      onConsole(message);
      if (message.type() === 'error' || message.type() === 'warning') workerConsole.push(message.text());
    });
  // Launching the same profile again is a browser restart: storage, IndexedDB and the extension's id stay.
  const launch = async () => {
    const launched = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 400, height: 640 },
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${build.dir}`, `--load-extension=${build.dir}`],
    });
    launched.on('console', onConsole);
    // The first worker may have started before this listener: watch it directly, and every later one by event.
    const existing = launched.serviceWorkers()[0];
    if (existing) watchWorker(existing);
    launched.on('serviceworker', watchWorker);
    return { launched, first: existing ?? (await launched.waitForEvent('serviceworker')) };
  };
  let { launched: context, first } = await launch();
  const id = new URL(first.url()).host;
  let cdp: CDPSession | null = null;
  let probePage: Page | null = null;

  const world: ExtensionWorld = {
    server,
    build,
    context,
    id,
    cspConsole,
    workerConsole,
    async restart() {
      await context.close();
      ({ launched: context, first } = await launch());
      world.context = context;
      cdp = null;
      probePage = null;
      if (new URL(first.url()).host !== id) throw new Error('the extension id changed across a restart');
    },
    async worker() {
      const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
      return live ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    },
    async openPopup(options = {}) {
      const page = await context.newPage();
      const watch = await watchPage(page);
      await options.beforeGoto?.(page);
      await page.goto(`chrome-extension://${id}/extension/popup.html`);
      await page.waitForSelector('#app[data-ready="true"]');
      return { page, watch };
    },
    async openOptions() {
      const page = await context.newPage();
      const watch = await watchPage(page);
      await page.goto(`chrome-extension://${id}/extension/options.html`);
      await page.waitForSelector('#app[data-ready="true"]');
      return { page, watch };
    },
    async stopWorker() {
      const page = await world.probe();
      cdp ??= await context.newCDPSession(page);
      const session = cdp;
      // The ServiceWorker domain reports each version's running status: wait for ours to stop, then to run again.
      const ours = (v: { scriptURL: string }) => v.scriptURL.startsWith(`chrome-extension://${id}/`);
      const statusIs = (status: string) =>
        new Promise<void>((resolve) => {
          const listener = (event: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
            if (event.versions.some((v) => ours(v) && v.runningStatus === status)) {
              session.off('ServiceWorker.workerVersionUpdated', listener);
              resolve();
            }
          };
          session.on('ServiceWorker.workerVersionUpdated', listener);
        });
      const stopped = statusIs('stopped');
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await stopped;
      const running = statusIs('running');
      return { running };
    },
    async probe() {
      if (probePage && !probePage.isClosed()) return probePage;
      probePage = await context.newPage();
      await probePage.goto(`chrome-extension://${id}/extension/options.html`);
      return probePage;
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      build.dispose();
      await server.stop();
    },
  };
  return world;
}

/** Signs in through the popup's form, reading the code from the server's development outbox. */
export async function signInThroughPopup(world: ExtensionWorld, page: Page, email: string): Promise<void> {
  await page.getByLabel(en['signIn.email']).fill(email);
  await page.getByRole('button', { name: en['signIn.sendCode'] }).click();
  const code = await waitFor(() => {
    try {
      return latestCode(world.server, email);
    } catch {
      return null;
    }
  });
  await page.getByLabel(en['signIn.code']).fill(code);
  await page.getByRole('button', { name: en['signIn.verify'], exact: true }).click();
  await page.getByText(en['session.signedInAs'].replace('{email}', email)).waitFor();
}

/** What the extension keeps in `chrome.storage.local`, read in the worker. */
export async function storedInExtension(world: ExtensionWorld): Promise<Record<string, any>> {
  return (await world.probe()).evaluate(() => (globalThis as any).chrome.storage.local.get(null));
}

/** The toolbar badge text. */
export async function badgeText(world: ExtensionWorld): Promise<string> {
  return (await world.probe()).evaluate(() => (globalThis as any).chrome.action.getBadgeText({}));
}

/** The ids of the notifications the extension shows. */
export async function notificationIds(world: ExtensionWorld): Promise<string[]> {
  return (await world.probe()).evaluate(async () =>
    Object.keys(await (globalThis as any).chrome.notifications.getAll()),
  );
}

/** Fires the poll alarm soon, as the browser would when its period is up. */
export async function pollSoon(world: ExtensionWorld, delayMs = 300): Promise<void> {
  await (await world.probe()).evaluate(
    (when) => (globalThis as any).chrome.alarms.create('poll-requests', { when, periodInMinutes: 15 }),
    Date.now() + delayMs,
  );
}

/** An operator moving a request on the server (any world with a server: Chromium's or Firefox's). */
export async function operatorMoves(
  world: Pick<ExtensionWorld, 'server'>,
  id: string,
  body: Record<string, unknown>,
): Promise<void> {
  const res = await client(world.server.url).post(`/v1/admin/requests/${id}/transitions`, body, {
    token: ADMIN_TOKEN,
    headers: { 'x-operator': 'e2e-operator' },
  });
  if (res.status !== 200) throw new Error(`transition failed: ${res.status} ${res.text}`);
}
