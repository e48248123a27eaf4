// The Firefox build, installed in headless Firefox ESR, against a real reference server of its own (operators
// complete requests by hand). The add-on is installed temporarily, so it leaves with the browser: a restart
// launches the same profile and installs the same folder again (as Chromium's --load-extension does each
// launch); what the add-on stored in that profile — storage.local, IndexedDB — is what must survive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { GECKO_ID } from '../../extension/manifest.ts';
import { startTestServer, type TestServer } from '../server/harness.ts';
import { buildExtension, type ExtensionBuild } from './extension-fixture.ts';
import { launchFirefox, openInFirefox } from './firefox.ts';

/** The moz-extension:// host the add-on gets here (fixed by pref, so its pages and storage keep one origin). */
export const FIREFOX_EXTENSION_UUID = '3f0c9a52-7d1e-4b8a-9e26-5c4d1b7a8f30';
/** Short, so a test can watch the event page be suspended and woken by its alarm without waiting 30 s. */
export const BACKGROUND_IDLE_MS = 1500;

export interface FirefoxWorld {
  server: TestServer;
  build: ExtensionBuild;
  browser: Browser;
  /** `browser.version()` of the first launch, e.g. "firefox/153.8.0". */
  version: string;
  /** A new tab with the popup, painted. */
  openPopup(): Promise<Page>;
  /** An extension page to call extension APIs from (it does not keep the background awake). */
  probe(): Promise<Page>;
  /** Closes Firefox and starts it again on the same profile, with the add-on installed again from the same folder. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const pageUrl = (path: string) => `moz-extension://${FIREFOX_EXTENSION_UUID}/extension/${path}`;

export async function startFirefoxWorld(): Promise<FirefoxWorld> {
  const profile = mkdtempSync(join(tmpdir(), 'tpc-ff-profile-'));
  const launch = () =>
    launchFirefox({
      profile,
      extensionUuids: { [GECKO_ID]: FIREFOX_EXTENSION_UUID },
      backgroundIdleMs: BACKGROUND_IDLE_MS,
    });
  const install = async (browser: Browser, dir: string) => {
    const id = await browser.installExtension(dir);
    if (id !== GECKO_ID) throw new Error(`the add-on installed as ${id}, not ${GECKO_ID}`);
    return browser;
  };
  // Firefox starts while the server starts and the build runs (the slowest steps, none waiting on another).
  const launching = launch();
  launching.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
  let server: TestServer | undefined;
  let build: ExtensionBuild | undefined;
  let browser: Browser;
  try {
    server = await startTestServer({ AUTO_FULFIL: '0' });
    build = buildExtension('firefox', server.url);
    browser = await install(await launching, build.dir);
  } catch (error) {
    // Nothing left running when a step fails: the browser, the build folder, the server and its database.
    await launching.then((b) => b.close()).catch(() => undefined);
    build?.dispose();
    await server?.stop();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  let probePage: Page | null = null;
  const open = async (path: string) => {
    const page = await world.browser.newPage();
    await openInFirefox(world.browser, page, pageUrl(path));
    return page;
  };
  const world: FirefoxWorld = {
    server,
    build,
    browser,
    version: await browser.version(),
    async openPopup() {
      const page = await open('popup.html');
      await page.waitForSelector('#app[data-ready="true"]');
      return page;
    },
    // Opened first, so every popup opens in front of it: a background tab gets no animation frames, and
    // puppeteer's locators wait for those (a click would stall for seconds).
    async probe() {
      if (!probePage || probePage.isClosed()) probePage = await open('options.html');
      return probePage;
    },
    async restart() {
      await world.browser.close();
      probePage = null;
      world.browser = await install(await launch(), world.build.dir);
      await world.probe();
    },
    async close() {
      await world.browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      build.dispose();
      await server.stop();
    },
  };
  await world.probe();
  return world;
}

// What the background left behind, read from an extension page through Firefox's own `browser.*` APIs.
// (Plain arrow functions: they are sent to the page as source, where transpiler helpers do not exist.)
/** What the add-on keeps in `storage.local`. */
export const storedInExtension = async (world: FirefoxWorld): Promise<Record<string, any>> =>
  (await world.probe()).evaluate(() => (globalThis as any).browser.storage.local.get(null));

/** The toolbar badge text. */
export const badgeText = async (world: FirefoxWorld): Promise<string> =>
  (await world.probe()).evaluate(() => (globalThis as any).browser.action.getBadgeText({}));

/** The ids of the notifications the add-on shows. */
export const notificationIds = async (world: FirefoxWorld): Promise<string[]> =>
  (await world.probe()).evaluate(async () => Object.keys(await (globalThis as any).browser.notifications.getAll()));

/** Whether the event page runs now (`getBackgroundPage()` is null while Firefox has it suspended; asking does not wake it). */
export const backgroundRunning = async (world: FirefoxWorld): Promise<boolean> =>
  (await world.probe()).evaluate(() => (globalThis as any).browser.extension.getBackgroundPage() !== null);

/** Wakes the event page if Firefox suspended it (the async `getBackgroundPage()` does) and marks its window, so a later look can tell a new instance from this one. */
export const wakeAndMarkBackground = async (world: FirefoxWorld): Promise<void> =>
  (await world.probe()).evaluate(
    async () => void ((await (globalThis as any).browser.runtime.getBackgroundPage()).__twikitE2eMark = true),
  );
export const backgroundMarked = async (world: FirefoxWorld): Promise<boolean | null> =>
  (await world.probe()).evaluate(() => {
    const page = (globalThis as any).browser.extension.getBackgroundPage();
    return page ? page.__twikitE2eMark === true : null;
  });

/** Fires the poll alarm soon, as Firefox would when its period is up. */
export const pollSoon = async (world: FirefoxWorld, delayMs = 300): Promise<void> =>
  (await world.probe()).evaluate(
    (when: number) => (globalThis as any).browser.alarms.create('poll-requests', { when, periodInMinutes: 15 }),
    Date.now() + delayMs,
  );

/** Every key and value of the popup's IndexedDB cache. */
export const cachedInIndexedDb = async (world: FirefoxWorld): Promise<Record<string, unknown>> =>
  (await world.probe()).evaluate(async () => {
    // Opening a database that is not there would create it empty, without the popup's store.
    if (!(await indexedDB.databases()).some((d) => d.name === 'twikit-privacy')) return {};
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const open = indexedDB.open('twikit-privacy');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('kv')) return resolve({});
        const store = db.transaction('kv').objectStore('kv');
        const keys = store.getAllKeys();
        const values = store.getAll();
        values.onsuccess = () => {
          db.close();
          resolve(Object.fromEntries(keys.result.map((k, i) => [String(k), values.result[i]])));
        };
      };
    });
  });
