// One concept, one registry (issue 12): the widget build, run with a locale and an app added to their
// registries IN MEMORY, ships, preloads and types each of them (the rest: registries.test.ts).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addFakes, removeFakes, root, sourceAdditions } from './registry-fakes.ts';

// The build writes here, not into the dist/widget other tests serve (read when widget/vite-builds.ts loads).
const out = mkdtempSync(join(tmpdir(), 'tp-registries-'));
beforeAll(async () => {
  vi.stubEnv('WIDGET_OUT_DIR', out);
  await addFakes();
});
afterAll(() => {
  vi.unstubAllEnvs();
  removeFakes();
  rmSync(out, { recursive: true, force: true });
});

describe('a locale added to the locale registry', () => {
  it("is in the widget build's packed and preloaded languages", async () => {
    const { lazyLocales, preloadable } = await import('../../widget/vite-builds.ts');
    expect(lazyLocales().map((l) => l.code)).toContain('xx');
    expect(preloadable()).toContain('xx');
  });
});

describe('the widget build, run with the extra entries', () => {
  /** The registry files as the bundle reads them, each with its extra entry; the extra language's catalogue. */
  const fakeSources: Plugin = {
    name: 'registries-test-fakes',
    enforce: 'pre',
    resolveId(source, importer) {
      // A catalogue file that does not exist: the build's packed-languages step writes its module.
      if (source === '../i18n/messages/xx.ts' && importer) return resolve(importer, '..', source);
      return null;
    },
    transform(code, id) {
      const file = id.replaceAll('\\', '/');
      for (const [name, [anchor, entry]] of Object.entries(sourceAdditions)) {
        if (!file.endsWith(`/shared/registry/${name}`)) continue;
        if (!code.includes(anchor))
          throw new Error(`registries test: ${name} no longer ends its list with "${anchor}"`);
        return code.replace(anchor, `${entry}\n${anchor}`);
      }
      return null;
    },
  };

  it('ships the extra language packed, preloads it from the loader, and types every extra entry', async () => {
    const { build } = await import('vite');
    const { widgetBuild } = await import('../../widget/vite-builds.ts');
    await build({
      ...widgetBuild,
      configFile: false,
      logLevel: 'warn',
      root,
      plugins: [fakeSources, ...(widgetBuild.plugins ?? [])],
    });
    const files = readdirSync(out);
    const chunk = files.find((f) => /^twikit-privacy-xx-[\w-]+\.js$/.test(f));
    expect(chunk, files.join(', ')).toBeTruthy();
    const packed = readFileSync(join(out, chunk!), 'utf8');
    expect(packed).toContain('Xx-accept');
    expect(packed).not.toContain('first.acceptAll'); // packed: strings only, no keys
    const loader = readFileSync(join(out, 'twikit-privacy.js'), 'utf8');
    expect(loader).toContain(chunk);
    // The languages the loader and the runtime pick among, as the build wrote them in.
    const pickList = /\[[`"]en[`"],[^\]]*[`"]xx[`"]\]/;
    expect(loader).toMatch(pickList);
    const types = readFileSync(join(out, 'twikit-privacy.d.ts'), 'utf8');
    expect(types).toMatch(/export type Locale = .*"xx"/);
    // Purposes are the notice's, not the build's: the type names the default notice's and accepts any other.
    expect(types).toMatch(/export type PurposeId = .*\| \(string & \{\}\);/);
    expect(types).toMatch(/export type AppId = .*"fake_app"/);
    expect(existsSync(join(out, 'twikit-privacy-core.js'))).toBe(true);
    const core = readFileSync(join(out, 'twikit-privacy-core.js'), 'utf8');
    expect(core).toMatch(pickList);
  }, 120_000);
});
