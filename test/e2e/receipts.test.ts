import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/messages/en.ts';
import { verifySignedReceipt } from '../../shared/receipt/verify.ts';
import { waitFor } from './browser.ts';
import {
  type ExtensionWorld,
  signInThroughPopup,
  startExtensionWorld,
  storedInExtension,
} from './extension-fixture.ts';
import { apiAs, gone, shown, startWorld, uniqueSub, visit, widget, type World } from './widget-fixture.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);

/** Runs the verifier anyone can run, in a process of its own; resolves with its exit code and output. */
const verifier = (file: string, jwks: string) =>
  run(process.execPath, ['--import', 'tsx', 'tools/verify-receipt.ts', file, '--jwks', jwks], { cwd: root }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

// Issue 13, "Done when": a receipt downloaded from the widget verifies against the JWKS in a separate process, and
// fails once one byte changes. The built widget on the demo host (strict CSP + Trusted Types), the real API on PGlite.
describe('receipts from the widget, in real Chromium', () => {
  let world: World;
  let dir: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    world = await startWorld();
    dir = mkdtempSync(join(tmpdir(), 'tpc-e2e-receipt-'));
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('R34: "Download receipt" saves a JSON receipt that verifies against the JWKS in another process, and fails once one byte changes; the printable one reads as text', async () => {
    const visitor = await visit(world, { sub: uniqueSub('receipt') });
    contexts.push(visitor.context);
    const { page, watch, sub } = visitor;
    const w = widget(page);
    await shown(w.dialog);
    await w.dialog.getByRole('button', { name: 'Allow sharing with third parties', exact: true }).click();
    await waitFor(async () => (await apiAs(world, sub).history()).length > 0, {
      message: 'Accept all never reached the server',
    });
    await gone(w.dialog); // a decision closes the dialog; the launcher opens it again
    await w.launcher.click();
    await shown(w.dialog);
    const [record] = await apiAs(world, sub).history();

    await w.nav('Your choices').click();
    await w.dialog.getByRole('button', { name: en['receipts.show'], exact: true }).click();
    const item = w.dialog.locator(`li.tp-receipt[data-record="${record!.id}"]`);
    await shown(item);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      item.getByRole('button', { name: en['requests.download.json'], exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`twikit-consent-receipt-${record!.id}.json`);
    const file = join(dir, 'receipt.json');
    writeFileSync(file, readFileSync(await download.path()));
    const jwks = join(dir, 'jwks.json');
    writeFileSync(jwks, await (await fetch(`${world.server.url}/.well-known/jwks.json`)).text());

    const valid = await verifier(file, jwks);
    expect(valid, valid.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK: receipt .* verifies/) });
    expect(JSON.parse(readFileSync(file, 'utf8')).receipt).toMatchObject({
      receiptId: record!.id,
      purpose: { id: record!.purpose },
      event: { type: record!.event, control: record!.control },
    });

    // One byte: the decision's control, in the readable part.
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf(`"${record!.control}"`) + 1;
    writeFileSync(file, `${text.slice(0, at)}${text[at] === 'x' ? 'y' : 'x'}${text.slice(at + 1)}`);
    const changed = await verifier(file, jwks);
    expect(changed).toMatchObject({ code: 1, stderr: expect.stringMatching(/^NOT VALID: /m) });

    const [printable] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      item.getByRole('button', { name: en['receipts.print'], exact: true }).click(),
    ]);
    expect(printable.suggestedFilename()).toBe(`twikit-consent-receipt-${record!.id}.html`);
    const html = readFileSync(await printable.path(), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1>Consent receipt</h1>');
    expect(html).toContain('Twikit NV');
    expect(html).toContain(record!.id);
    expect(html).not.toMatch(/<script/i);
    expect(await watch.problems()).toEqual([]);
  });
});

describe('receipts in the extension popup, in real Chromium', () => {
  let world: ExtensionWorld;
  let dir: string;

  beforeAll(async () => {
    world = await startExtensionWorld();
    dir = mkdtempSync(join(tmpdir(), 'tpc-e2e-popup-receipt-'));
  });
  afterAll(async () => {
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("R34: the popup keeps each decision's receipt in extension storage, checkable offline, and its download verifies in another process", async () => {
    const { page, watch } = await world.openPopup();
    await signInThroughPopup(world, page, 'receipts-popup@example.com');
    const nav = (name: string) =>
      page.getByRole('navigation', { name: en['nav.label'] }).getByRole('button', { name, exact: true });
    await nav(en['nav.consents']).click();
    await page.getByRole('switch', { name: /^Sharing/ }).click();
    await waitFor(
      async () => (await page.getByRole('switch', { name: /^Sharing/ }).getAttribute('aria-checked')) === 'true',
      {
        message: 'sharing never switched on',
      },
    );
    // Looking at the choices again copies the new receipt into extension storage.
    await nav(en['nav.overview']).click();
    await nav(en['nav.consents']).click();
    const stored = await waitFor(
      async () => {
        const all = await storedInExtension(world);
        return Object.keys(all.receipts ?? {}).length === 1 ? all : null;
      },
      { message: 'the receipt was never kept in storage.local' },
    );
    const [id] = Object.keys(stored.receipts);
    // Offline: only what the extension kept, the receipt and the keys it fetched.
    expect(await verifySignedReceipt(stored.receipts[id!], { keys: stored.receiptKeys })).toMatchObject({ ok: true });

    await page.getByRole('button', { name: en['receipts.show'], exact: true }).click();
    const item = page.locator(`li.tp-receipt[data-record="${id}"]`);
    await item.waitFor({ timeout: 10_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      item.getByRole('button', { name: en['requests.download.json'], exact: true }).click(),
    ]);
    const file = join(dir, 'receipt.json');
    writeFileSync(file, readFileSync(await download.path()));
    const jwks = join(dir, 'jwks.json');
    writeFileSync(jwks, JSON.stringify({ keys: stored.receiptKeys }));
    const valid = await verifier(file, jwks);
    expect(valid, valid.stderr).toMatchObject({ code: 0 });
    expect(await watch.problems()).toEqual([]);
  });
});
