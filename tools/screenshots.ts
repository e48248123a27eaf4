// `npm run screenshots`: every view of the widget, in English and Dutch, light and dark, at 1280×800 and 360×740,
// as PNGs in screenshots/ (ignored by git), for a person to look at; the measured checks are in
// test/e2e/widget-layout.test.ts. Real parts: the built widget, the rights API on PGlite, system Chromium, a host
// page under the demo's strict CSP.
import { mkdirSync } from 'node:fs';
import { build } from 'vite';
import { launchBrowser } from '../test/e2e/browser.ts';
import { startStaticHost } from '../test/e2e/pages/serve.ts';
import { startTestServer } from '../test/server/harness.ts';

const OUT = process.argv[2] ?? 'screenshots';
const W = 'twikit-privacy';
const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '360x740', width: 360, height: 740 },
];
const VIEWS = ['overview', 'notice', 'consents', 'requests'] as const;

await build({ mode: 'widget', logLevel: 'warn' });
mkdirSync(OUT, { recursive: true });
const [api, browser] = await Promise.all([startTestServer(), launchBrowser()]);
const host = await startStaticHost(api.url);
api.deps.config.allowedOrigins.push(host.origin);
let count = 0;
try {
  for (const lang of ['en', 'nl'])
    for (const scheme of ['light', 'dark'] as const)
      for (const size of SIZES) {
        const context = await browser.newContext({ viewport: size });
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(host.page('widget', { html_lang: lang, lang }));
        await page.locator(`${W} .tp-dialog .tp-first`).waitFor({ timeout: 15_000 });
        const shot = async (what: string) => {
          await page.screenshot({ path: `${OUT}/${what}-${lang}-${scheme}-${size.name}.png` });
          count++;
        };
        for (const [i, view] of VIEWS.entries()) {
          await page.locator(`${W} .tp-nav-btn`).nth(i).click();
          await page.locator(`${W} .tp-view[aria-busy="false"]`).waitFor();
          if (view === 'requests') await page.locator(`${W} .tp-request-list[aria-busy="false"]`).waitFor();
          await shot(view);
        }
        await page.locator(`${W} .tp-nav-btn`).nth(0).click();
        await page.locator(`${W} .tp-choices .tp-btn`).nth(1).click();
        await page.locator(`${W} .tp-dialog`).waitFor({ state: 'detached' });
        await page.locator(`${W} p.status:not(:empty)`).waitFor();
        await shot('after-decision');
        void page.evaluate(`window.TwikitPrivacy.requestConsent('biometric_scans')`).catch(() => undefined); // settles when the step closes, or never: the context closes first
        await page.locator(`${W} .tp-jit`).waitFor();
        await shot('body-scan-step');
        await context.close();
      }
  console.log(`${count} screenshots in ${OUT}/`);
} finally {
  await browser.close();
  await host.close();
  await api.stop();
}
