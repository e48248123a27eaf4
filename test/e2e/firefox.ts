// Headless Firefox ESR driven by puppeteer-core over WebDriver BiDi (../shared/docs/toolchain.md, "Firefox"):
// Debian's binary, a fixed moz-extension:// origin, notifications kept alive headless, and the raw navigation
// extension pages need. Playwright cannot drive stock Firefox; puppeteer-core downloads nothing.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX } from '../browsers/browsers.ts';
import { BrowserSetupError } from '../browsers/ensure.ts';
import { findBrowser } from '../browsers/find.ts';
import { thisMachine } from '../browsers/machine.ts';

/** Firefox ESR ≥ 153: `FIREFOX_PATH`, else the first usual path; a clear stop otherwise (never a download). */
export function firefoxPath(): string {
  const found = findBrowser(FIREFOX, process.env, thisMachine());
  if (found.kind === 'found') return found.path;
  throw new BrowserSetupError(
    `No usable Firefox ESR (${found.kind}): run \`npx tsx test/browsers/run.ts\`, which installs Debian's firefox-esr or names the command.`,
  );
}

export interface FirefoxOptions {
  profile: string;
  /** Gecko add-on id → the moz-extension:// host it gets, fixed so pages can be opened by URL. */
  extensionUuids?: Record<string, string>;
  /** After this many ms without events Firefox suspends an event page (its default is 30 s). */
  backgroundIdleMs?: number;
}

export async function launchFirefox(options: FirefoxOptions): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    headless: true,
    executablePath: firefoxPath(),
    userDataDir: options.profile,
    // Extension pages are privileged contexts: BiDi reaches into them only with this.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify(options.extensionUuids ?? {}),
      // Headless, the system alert backend drops notifications at once; Firefox's own keeps them listed.
      'alerts.useSystemBackend': false,
      ...(options.backgroundIdleMs ? { 'extensions.background.idle.timeout': options.backgroundIdleMs } : {}),
    },
  });
}

interface BidiInternals {
  connection: { send(method: string, params: Record<string, unknown>): Promise<unknown> };
}

/**
 * Opens `url` (a moz-extension:// page) in `page` and waits until it is loaded. `page.goto` hangs on these URLs in
 * Firefox 153 (its navigation tracking breaks), so this navigates raw and waits on the document itself;
 * `page.url()` stays `about:blank` afterwards.
 */
export async function openInFirefox(browser: Browser, page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  await (browser as unknown as BidiInternals).connection.send('browsingContext.navigate', {
    context,
    url,
    wait: 'none',
  });
  await page.waitForFunction((u: string) => location.href === u && document.readyState === 'complete', {}, url);
}
