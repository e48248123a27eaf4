import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { librariesEntry } from '../../bench/size-floor.ts';
import { de } from '../../shared/i18n/messages/de.ts';
import { en } from '../../shared/i18n/messages/en.ts';
import { fr } from '../../shared/i18n/messages/fr.ts';
import { nl } from '../../shared/i18n/messages/nl.ts';
import { packMessages, unpackMessages } from '../../shared/i18n/pack.ts';
import { panelCss } from '../../shared/ui/styles.ts';
import { dialogCss } from '../../widget/dialog-css.ts';
import { launcherCss } from '../../widget/launcher.ts';
import { minifyCss } from '../../widget/minify-css.ts';

// What the widget build does to the source (widget/vite-builds.ts): languages packed, stylesheets minified.

describe('packed language files', () => {
  it('R13: unpack to the very same catalogue, key for key, in every language', () => {
    for (const messages of [en, nl, fr, de]) {
      const packed = JSON.parse(JSON.stringify(packMessages(messages))) as string[];
      expect(packed).toHaveLength(Object.keys(en).length);
      expect(unpackMessages(packed)).toEqual(messages);
    }
  });

  it('leave a catalogue that is not packed as it is', () => {
    expect(unpackMessages(nl)).toBe(nl);
  });
});

describe('the CSS minifier', () => {
  it('drops comments and the whitespace CSS does not need', () => {
    expect(minifyCss('/* x */\n.a > .b ,  .c:hover {\n  color : red;\n  margin: 0 auto;\n}\n')).toBe(
      '.a>.b,.c:hover{color :red;margin:0 auto}',
    );
  });

  it('keeps the space before a pseudo-class (a descendant) and inside values', () => {
    expect(minifyCss('.tp-panel :focus-visible { outline: 3px solid var(--tp-accent, #000); }')).toBe(
      '.tp-panel :focus-visible{outline:3px solid var(--tp-accent,#000)}',
    );
    expect(minifyCss('.d { max-block-size: calc(100dvh - 16px); font: 16px / 1.5 "Segoe UI", sans-serif; }')).toBe(
      '.d{max-block-size:calc(100dvh - 16px);font:16px / 1.5 "Segoe UI",sans-serif}',
    );
  });

  it('keeps every rule of the widget stylesheets (same selectors, same declarations)', () => {
    const shape = (css: string) =>
      css
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, '')
        .replace(/;}/g, '}');
    for (const css of [panelCss, dialogCss, launcherCss]) {
      const min = minifyCss(css);
      expect(min.length).toBeLessThan(css.length * 0.9);
      expect(shape(min)).toBe(shape(css));
      expect(min.match(/\{/g)?.length).toBe(css.match(/\{/g)?.length);
    }
  });
});

describe('the size floor (bench/size-floor.ts)', () => {
  it('re-exports exactly what the modules import from the libraries, and the zod/mini functions they call', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-floor-'));
    try {
      writeFileSync(
        join(dir, 'a.tsx'),
        "import { render, type VNode } from 'preact';\nimport { useId as id } from 'preact/hooks';\nimport { other } from './b.ts';\nimport '@preact/signals';\n",
      );
      writeFileSync(
        join(dir, 'b.ts'),
        "import * as z from 'zod/mini';\nexport const S = z.object({ a: z.optional(z.string()) });\n",
      );
      const entry = librariesEntry([join(dir, 'a.tsx'), join(dir, 'b.ts')]);
      expect(entry).toContain("export { render } from 'preact';");
      expect(entry).toContain("export { useId } from 'preact/hooks';");
      expect(entry).toContain("import '@preact/signals';");
      expect(entry).toContain('export const zod = [z.object, z.optional, z.string];');
      expect(entry).not.toContain('./b.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
