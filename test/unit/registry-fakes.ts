// The extra registry entries test/unit/registries*.test.ts add IN MEMORY: the registry modules swapped for
// longer lists (for what this process imports), and the same entries as source (for the widget build).
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import { vi } from 'vitest';
import { en } from '../../shared/i18n/messages/en.ts';

export const root = resolve(import.meta.dirname, '../..');
const registry = (name: string) => join(root, 'shared/registry', name);

// The extra entries, once as objects (for the modules this process imports) ...
export const fakeCatalogue = { ...en, 'first.acceptAll': 'Xx-accept', 'language.label': 'Xx-language' };
export const fakeLocale = {
  code: 'xx',
  name: 'Xxish',
  months: 'm1|m2|m3|m4|m5|m6|m7|m8|m9|m10|m11|m12',
  longDate: (d: number, m: string, y: string) => `${d}~${m}~${y}`,
  load: async () => fakeCatalogue,
};
/** Not a registry entry: a purpose a notice adds (purposes come from the notice in force, issue 13). */
export const fakePurpose = { id: 'fake_purpose', kind: 'consent', acceptAll: true, gpc: 'off' } as const;
export const fakeApp = { id: 'fake_app' } as const;

// ... and as source, for the widget build, whose bundle reads the registry files themselves.
export const sourceAdditions: Record<string, [anchor: string, entry: string]> = {
  'locales.ts': [
    '] as const satisfies readonly LocaleEntry[];',
    `{ code: 'xx', name: 'Xxish', months: '${fakeLocale.months}', longDate: (d, m, y) => \`\${d}~\${m}~\${y}\`, load: () => import('../i18n/messages/xx.ts').then((m) => m.xx) },`,
  ],
  'request-types.ts': [
    '] as const satisfies readonly RequestTypeEntry[];',
    "{ id: 'fake_request', schema: z.object({ type: z.literal('fake_request'), colour: z.enum(['red', 'blue']), ...Common }), fields: [{ name: 'colour', control: 'radio', label: 'format' }], hasExport: true },",
  ],
  'apps.ts': ['] as const satisfies readonly AppEntry[];', `${JSON.stringify(fakeApp)},`],
};

/** The registry modules, each with one more entry; everything imported after this sees them. */
export async function addFakes(): Promise<void> {
  vi.resetModules();
  vi.doMock(registry('locales.ts'), async (original) => {
    const real = await original<typeof import('../../shared/registry/locales.ts')>();
    return { ...real, LOCALE_REGISTRY: [...real.LOCALE_REGISTRY, fakeLocale] };
  });
  vi.doMock(registry('apps.ts'), async (original) => {
    const real = await original<typeof import('../../shared/registry/apps.ts')>();
    return { ...real, APP_REGISTRY: [...real.APP_REGISTRY, fakeApp] };
  });
  vi.doMock(registry('request-types.ts'), async (original) => {
    const real = await original<typeof import('../../shared/registry/request-types.ts')>();
    const { Locale, Surface } = await import('../../shared/contract/common.ts');
    const schema = z.object({
      type: z.literal('fake_request'),
      colour: z.enum(['red', 'blue']),
      locale: Locale,
      surface: Surface,
      message: z.optional(z.string()),
    });
    const fake = {
      id: 'fake_request',
      schema,
      fields: [{ name: 'colour', control: 'radio', label: 'format' }],
      review: { text: () => 'request.review.erasureAll', send: 'request.review.sendErasure' },
      hasExport: true,
    };
    return { ...real, REQUEST_TYPE_REGISTRY: [...real.REQUEST_TYPE_REGISTRY, fake] };
  });
  // The extension's settings module talks to the browser's extension APIs; the options page needs none of it here.
  vi.doMock('webextension-polyfill', () => ({ default: {} }));
}

/** Back to the real registries, for whatever runs after. */
export function removeFakes(): void {
  for (const name of ['locales.ts', 'apps.ts', 'request-types.ts']) vi.doUnmock(registry(name));
  vi.doUnmock('webextension-polyfill');
  vi.resetModules();
}
