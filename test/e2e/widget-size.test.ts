import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET, formatSizes, measureWidget, ONE_LANGUAGE_CEILING_GZIP_KIB } from '../../bench/size.ts';

// The build comes from the e2e global setup (a fresh `vite build --mode widget`).
describe('the widget size budget', () => {
  it(`the script a host page loads first, with the runtime it imports at once, is at most ${BUDGET.firstLoadGzipKiB} KiB gzip`, () => {
    const size = measureWidget('dist/widget');
    console.log(formatSizes(size));
    expect(size.firstLoad.gzip, formatSizes(size)).toBeLessThanOrEqual(BUDGET.firstLoadGzipKiB * 1024);
  });

  // Issue 16 asks 40 KiB for one language; not met yet (see bench/size.ts). Every .js file a person of that
  // language can fetch counts (all but the other languages' files), each gzipped on its own.
  it(`the whole widget for any one language stays within ${ONE_LANGUAGE_CEILING_GZIP_KIB} KiB gzip (issue 16 budget: ${BUDGET.oneLanguageGzipKiB})`, () => {
    const size = measureWidget('dist/widget');
    expect(size.files.map((f) => f.file.replace(/-[\w-]{8}\.js$/, ''))).toEqual([
      'twikit-privacy-core.js',
      'twikit-privacy-de',
      'twikit-privacy-fr',
      'twikit-privacy-nl',
      'twikit-privacy-panel',
      'twikit-privacy.js',
    ]);
    expect(size.perLanguage.map((l) => l.locale)).toEqual(['en', 'de', 'fr', 'nl']);
    for (const language of size.perLanguage)
      expect(language.gzip, `${language.locale}\n${formatSizes(size)}`).toBeLessThanOrEqual(
        ONE_LANGUAGE_CEILING_GZIP_KIB * 1024,
      );
  });

  it('each library ships once: the panel imports what the runtime already has instead of carrying a copy', () => {
    const { files } = measureWidget('dist/widget');
    const holding = (marker: string) =>
      files.filter((f) => readFileSync(`dist/widget/${f.file}`, 'utf8').includes(marker)).map((f) => f.file);
    expect(holding('preact-signals'), '@preact/signals-core').toEqual(['twikit-privacy-core.js']);
    expect(holding('IDBCursor'), 'idb').toEqual(['twikit-privacy-core.js']);
    expect(holding('does not match the contract'), 'the first-load checks').toEqual(['twikit-privacy-core.js']);
    expect(holding('$ZodType'), 'zod (only the panel needs it)').toEqual([
      expect.stringMatching(/^twikit-privacy-panel-/),
    ]);
    expect(holding('debounceRendering'), 'preact').toEqual([expect.stringMatching(/^twikit-privacy-panel-/)]);
  });

  it('is the production build even under vitest: no development JSX, no file paths of the machine that built it', () => {
    const { files } = measureWidget('dist/widget');
    for (const { file } of files) {
      const code = readFileSync(`dist/widget/${file}`, 'utf8');
      expect(code, file).not.toMatch(/jsxDEV|_jsxFileName/);
      expect(code, file).not.toContain(process.cwd());
    }
  });

  it('the loader stays a classic script that imports nothing itself', () => {
    const size = measureWidget('dist/widget');
    const loader = size.files.find((f) => f.file === 'twikit-privacy.js');
    expect(loader?.gzip).toBeLessThan(2 * 1024);
  });
});
