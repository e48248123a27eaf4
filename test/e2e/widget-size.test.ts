import { describe, expect, it } from 'vitest';
import { BUDGET, formatSizes, measureWidget } from '../../bench/size.ts';

// The build comes from the e2e global setup (a fresh `vite build --mode widget`).
describe('the widget size budget', () => {
  it(`the script a host page loads first, with the runtime it imports at once, is at most ${BUDGET.firstLoadGzipKiB} KiB gzip`, () => {
    const size = measureWidget('dist/widget');
    console.log(formatSizes(size));
    expect(size.firstLoad.gzip, formatSizes(size)).toBeLessThanOrEqual(BUDGET.firstLoadGzipKiB * 1024);
  });

  it('the loader stays a classic script that imports nothing itself', () => {
    const size = measureWidget('dist/widget');
    const loader = size.files.find((f) => f.file === 'twikit-privacy.js');
    expect(loader?.gzip).toBeLessThan(2 * 1024);
  });
});
