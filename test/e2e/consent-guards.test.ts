import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../shared/contract/consent.ts';
import { en } from '../../shared/i18n/messages/en.ts';
import { waitFor, watchPage } from './browser.ts';
import { useStaticWorld } from './pages/serve.ts';

// A visitor's body-scan consent lasts for the visit only (issue 13): in real Chromium, a shop page with no account
// gives it through the widget's just-in-time step, then ends the visit with `TwikitPrivacy.endVisit()`.

const W = 'twikit-privacy'; // Playwright's CSS engine pierces the widget's open shadow root
const world = useStaticWorld();

describe("a visitor's body-scan consent and the end of the visit", () => {
  it('R31: endVisit() lapses the consent given in the just-in-time step: get() reads false and the log has an expired record', async () => {
    const context = await world.newContext();
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(world.host.page('visitor', { lang: 'en', html_lang: 'en' }));
    await page.evaluate(`window.TwikitPrivacy.ready()`);
    expect(await page.evaluate(`window.TwikitPrivacy.get('biometric_scans')`)).toBe(false);

    // The host asks just in time; the person consents (which also confirms they are 13 or older, R27).
    await page.evaluate(
      `void window.TwikitPrivacy.requestConsent('biometric_scans').then((g) => (window.__answer = g))`,
    );
    const step = page.locator(`${W} .tp-jit`);
    await step.getByText(en['jit.age']).waitFor({ timeout: 15_000 });
    await step.getByRole('button', { name: en['jit.consent'], exact: true }).click();
    await waitFor(async () => (await page.evaluate(`window.__answer`)) === true, {
      message: 'requestConsent did not resolve true',
    });
    expect(await page.evaluate(`window.TwikitPrivacy.get('biometric_scans')`)).toBe(true);

    expect(await page.evaluate(`window.TwikitPrivacy.endVisit()`)).toBe(true);
    expect(await page.evaluate(`window.TwikitPrivacy.get('biometric_scans')`)).toBe(false);

    // The server's log: given in the just-in-time step, then expired at the end of the visit.
    const rows = await world.api.deps.db.query<{ event: string; control: string | null; method: string }>(
      `select event, control, method from consent_records where subject_kind = 'device' and purpose = 'biometric_scans' order by seq`,
    );
    const last = rows.slice(-2).map((r) => [r.event, r.method, r.control]);
    expect(last).toEqual([
      ['given', 'ui', 'just-in-time'],
      ['expired', 'system', 'end-visit'],
    ] satisfies Array<[ConsentRecord['event'], string, string]>);

    // A reload reads the state from the server: still not given.
    await page.reload();
    await page.evaluate(`window.TwikitPrivacy.ready()`);
    expect(await page.evaluate(`window.TwikitPrivacy.get('biometric_scans')`)).toBe(false);
    expect(await watch.problems()).toEqual([]);
  });
});
