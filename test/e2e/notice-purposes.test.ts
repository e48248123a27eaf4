import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { changedNotice, NEWSLETTER, RETIRED } from '../server/changed-notice.ts';
import { waitFor } from './browser.ts';
import {
  apiAs,
  dismissFirstLayer,
  pageReads,
  shown,
  startWorld,
  uniqueSub,
  visit,
  widget,
  type World,
} from './widget-fixture.ts';

// Purposes come from the notice (issue 13.1), in real Chromium: the built widget, against a server whose notice
// adds a newsletter and retires telemetry, shows the added purpose's switch and nothing of the retired one, and its
// JS API knows exactly the notice's purposes. Nothing in the widget names either: it learns them from the server.
describe('the widget under a notice version that adds and retires purposes', () => {
  let world: World;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    world = await startWorld({ notices: [await changedNotice()] });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await world?.close();
  });

  it("shows the added purpose's switch and not the retired one's, and records the added one", async () => {
    const sub = uniqueSub('purposes');
    const visitor = await visit(world, { sub });
    contexts.push(visitor.context);
    const { page, watch } = visitor;
    const w = widget(page);
    await dismissFirstLayer(page);

    await page.evaluate(`window.TwikitPrivacy.ready()`);
    expect(await pageReads(page, NEWSLETTER.id)).toBe(false);
    expect(await pageReads(page, RETIRED.id)).toBeUndefined();
    // The host may ask for a purpose by id; one the notice in force does not define is never given.
    expect(await page.evaluate(`window.TwikitPrivacy.requestConsent(${JSON.stringify(RETIRED.id)})`)).toBe(false);

    await w.launcher.click();
    await shown(w.dialog);
    await w.nav('Your choices').click();
    const newsletter = w.dialog.getByRole('switch', { name: NEWSLETTER.title });
    await shown(newsletter);
    expect(await newsletter.getAttribute('aria-checked')).toBe('false');
    expect(await w.dialog.getByText(RETIRED.title).count()).toBe(0);

    await newsletter.click();
    await waitFor(async () => (await pageReads(page, NEWSLETTER.id)) === true, {
      message: 'the page never read the newsletter consent as given',
    });
    const records = await apiAs(world, sub).history();
    expect(records.map((r) => [r.purpose, r.event])).toEqual([[NEWSLETTER.id, 'given']]);
    expect(await watch.problems()).toEqual([]);
  });
});
