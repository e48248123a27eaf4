// @vitest-environment happy-dom
// One concept, one registry (issue 12; the widget build: registries-build.test.ts): a locale, a request type and an app added to their registry
// IN MEMORY (the registry modules swapped for longer lists) reach every list, enum, build input, UI control and
// OpenAPI enum. A consumer that keeps its own list does not see the extra entry, and this file fails. Purposes are
// no registry since issue 13: the notice defines them, and a purpose a notice adds reaches the same places.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import * as z from 'zod/mini';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/messages/en.ts';
import { addFakes, fakePurpose, removeFakes, root } from './registry-fakes.ts';

beforeAll(addFakes);
afterEach(() => cleanup());
afterAll(removeFakes);

describe('a locale added to the locale registry', () => {
  it('is in the contract enum, pickLocale, the catalogue loader and long dates', async () => {
    const { Locale } = await import('../../shared/contract/common.ts');
    const { LOCALES, pickLocale } = await import('../../shared/i18n/pick-locale.ts');
    const { loadMessages, messagesLang } = await import('../../shared/i18n/messages/index.ts');
    const { formatDueDate } = await import('../../shared/ui/format.ts');
    expect(Locale.options).toContain('xx');
    expect(LOCALES).toContain('xx');
    expect(pickLocale(null, 'xx-YY', [])).toBe('xx');
    expect((await loadMessages('xx' as never))['first.acceptAll']).toBe('Xx-accept');
    expect(messagesLang('xx' as never)).toBe('xx');
    expect(formatDueDate('2026-03-02', 'xx')).toBe('2~m3~2026');
  });

  it("is offered by the panel's and the extension's language pickers, named in itself", async () => {
    const { createFakeCore, renderWithCore } = await import('./ui/fake-core.ts');
    const { LanguageSwitch } = await import('../../shared/ui/LanguageSwitch.tsx');
    const { core } = await createFakeCore();
    renderWithCore(core, h(LanguageSwitch, {}));
    expect(screen.getByRole('option', { name: 'Xxish' }).getAttribute('value')).toBe('xx');
    cleanup();
    const { Options } = await import('../../extension/ui/Options.tsx');
    const session = { session: { value: null }, signOut: async () => undefined };
    render(h(Options, { session: session as never, region: 'eea', locale: 'en', onLocaleChange: () => undefined }));
    expect(screen.getByRole('option', { name: 'Xxish' }).getAttribute('lang')).toBe('xx');
  });

  it("falls back to English for the extension's own text until its catalogue is written", async () => {
    const { extT } = await import('../../extension/messages/index.ts');
    expect(extT('xx' as never, 'ext.loading')).toBe('Loading…');
  });
});

describe('a purpose a notice adds (purposes come from the notice, not a registry: issue 13)', () => {
  const decision = { method: 'ui', surface: { kind: 'api' }, noticeVersion: 'v1', locale: 'en' } as const;

  it("is a well-formed id the contract takes; which ids exist is the notice's (the server checks them)", async () => {
    const { PurposeId } = await import('../../shared/contract/purpose.ts');
    const { ConsentDecisionInput } = await import('../../shared/contract/consent.ts');
    expect(z.safeParse(PurposeId, 'fake_purpose').success).toBe(true);
    expect(z.safeParse(PurposeId, 'Fake Purpose!').success).toBe(false);
    expect(z.safeParse(ConsentDecisionInput, { ...decision, purpose: 'fake_purpose', decision: 'grant' }).success).toBe(
      true,
    );
    expect(z.safeParse(ConsentDecisionInput, { ...decision, purpose: 'fake_purpose', decision: 'maybe' }).success).toBe(
      false,
    );
  });

  it('is covered by the GPC rule the client and the server use, and by accept all / reject all', async () => {
    const rules = await import('../../shared/notice/purpose-rules.ts');
    const { gpcDecisionsNeeded } = await import('../../shared/models/gpc.ts');
    const { defaultNoticeEn } = await import('../../shared/notice/default-notice.ts');
    const purposes = [...defaultNoticeEn.purposes, { ...fakePurpose, specialCategory: false, justInTime: false }];
    // The consent state carries the purpose's GPC rule, as the server writes it from the notice.
    const state = (active: boolean) => ({
      subjectId: 'x',
      subjectKind: 'device' as const,
      gpc: { signal: true, honored: false },
      purposes: [
        {
          purpose: 'fake_purpose',
          kind: 'consent' as const,
          active,
          decided: true,
          byGpc: false,
          updatedAt: null,
          noticeVersion: null,
          gpc: 'off' as const,
        },
      ],
    });
    expect(gpcDecisionsNeeded(state(true), true)).toContainEqual({ purpose: 'fake_purpose', decision: 'deny' });
    expect(gpcDecisionsNeeded(state(false), true)).not.toContainEqual(
      expect.objectContaining({ purpose: 'fake_purpose' }),
    );
    expect(rules.gpcTargets(purposes).map(([id]) => id)).toContain('fake_purpose');
    expect(rules.acceptAllDecisions(purposes, true, () => false)).toContainEqual({
      purpose: 'fake_purpose',
      decision: 'grant',
    });
    expect(rules.acceptAllDecisions(purposes, false, () => false)).toContainEqual({
      purpose: 'fake_purpose',
      decision: 'deny',
    });
  });

  it('is granted by the "Accept all" button and named on the first layer', async () => {
    const { createFakeCore, publishedNotice, renderWithCore } = await import('./ui/fake-core.ts');
    const { FirstLayer } = await import('../../shared/ui/FirstLayer.tsx');
    const published = await publishedNotice();
    const sharing = published.purposes.find((p) => p.kind === 'consent' && !p.specialCategory)!;
    const notice = {
      ...published,
      purposes: [...published.purposes, { ...sharing, ...fakePurpose, title: 'Fake purpose' }],
    } as typeof published;
    const { core, server } = await createFakeCore({ notice });
    await core.start();
    renderWithCore(core, h(FirstLayer, { onViewChange: () => undefined }));
    expect(screen.getByText('Fake purpose')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    await waitFor(() =>
      expect(server.decisions.map((d) => [d.purpose, d.decision])).toContainEqual(['fake_purpose', 'grant']),
    );
  });
});

describe('a request type added to the request-type registry', () => {
  it('is in the contract enum and input union, with its form fields taken from its schema', async () => {
    const { RequestType, RightsRequestInput, ExportDocument } = await import('../../shared/contract/requests.ts');
    const { fieldsFor, reviewOf } = await import('../../shared/ui/request-fields.ts');
    const { hasExport } = await import('../../shared/registry/request-type-rules.ts');
    expect(RequestType.options).toContain('fake_request');
    const input = { type: 'fake_request', colour: 'red', locale: 'en', surface: { kind: 'api' } };
    expect(z.safeParse(RightsRequestInput, input).success).toBe(true);
    expect(z.safeParse(RightsRequestInput, { ...input, colour: 'green' }).success).toBe(false);
    const fields = fieldsFor('fake_request' as never, {});
    expect(fields.map((f) => f.name)).toEqual(['colour', 'message']);
    expect(fields[0]?.options).toEqual([
      ['red', 'request.option.red'],
      ['blue', 'request.option.blue'],
    ]);
    expect(reviewOf('fake_request' as never)?.send).toBe('request.review.sendErasure');
    expect(hasExport('fake_request')).toBe(true);
    expect(ExportDocument.shape.request.shape.type.options).toContain('fake_request');
  });

  it('is offered by the request form, with a confirmation stage when its entry asks for one', async () => {
    const { createFakeCore, renderWithCore } = await import('./ui/fake-core.ts');
    const { RequestForm } = await import('../../shared/ui/RequestForm.tsx');
    const { core } = await createFakeCore();
    await core.start();
    renderWithCore(core, h(RequestForm, {}));
    const picker = screen.getByRole('combobox', { name: 'What do you want to ask?' }) as HTMLSelectElement;
    fireEvent.change(picker, { target: { value: 'fake_request' } });
    await waitFor(() =>
      expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['red', 'blue']),
    );
    expect(screen.getByRole('button', { name: en['request.reviewButton'] })).toBeTruthy();
  });
});

describe('an app added to the app registry', () => {
  it('is in the contract enum and in the notice rows that apply to every app', async () => {
    const { AppId } = await import('../../shared/contract/common.ts');
    const { defaultNoticeEn } = await import('../../shared/notice/default-notice.ts');
    expect(AppId.options).toContain('fake_app');
    expect(defaultNoticeEn.processing.rows[0]?.apps).toContain('fake_app');
  });
});

describe('the OpenAPI document, generated with the extra entries', () => {
  it('lists each of them in its enums', async () => {
    const { generateOpenApi } = await import('../../server/openapi/generate.ts');
    const schemas = generateOpenApi().components.schemas as Record<string, { enum?: string[]; oneOf?: unknown[] }>;
    expect(schemas.Locale?.enum).toContain('xx');
    expect(schemas.RequestType?.enum).toContain('fake_request');
    expect(schemas.AppId?.enum).toContain('fake_app');
    expect(JSON.stringify(schemas.RightsRequestInput)).toContain('fake_request');
  });
});

describe('the code outside the registries', () => {
  const sources = (path: string): string[] =>
    statSync(path).isDirectory()
      ? readdirSync(path).flatMap((f) => sources(join(path, f)))
      : /\.tsx?$/.test(path)
        ? [path]
        : [];

  it('writes no list of locales, purposes, request types or apps of its own', async () => {
    const ids = {
      locale: (await import('../../shared/registry/locales.ts')).LOCALE_REGISTRY.map((l) => l.code),
      purpose: (await import('../../shared/notice/default-notice.ts')).defaultNoticeEn.purposes.map((p) => p.id),
      'request type': (await import('../../shared/registry/request-types.ts')).REQUEST_TYPE_REGISTRY.map((t) => t.id),
      app: (await import('../../shared/registry/apps.ts')).APP_REGISTRY.map((a) => a.id),
    };
    const found: string[] = [];
    // Two ids of one registry side by side in a list or a union (`['en', 'nl']`, `'nl' | 'fr'`) is a copy of it.
    const files = ['shared', 'widget', 'extension', 'server', 'vite.config.ts'].flatMap((dir) =>
      sources(join(root, dir)),
    );
    for (const file of files) {
      const path = relative(root, file).replaceAll('\\', '/');
      // The registries themselves, and a file generated from the contract (its staleness test: first-load-checks).
      // The notice data names its purposes: that is where they are defined (no-purpose-ids.test.ts: nowhere else).
      if (
        path.startsWith('shared/registry/') ||
        path.endsWith('.generated.ts') ||
        path === 'shared/notice/default-notice.ts'
      )
        continue;
      const text = readFileSync(file, 'utf8');
      for (const [concept, list] of Object.entries(ids)) {
        const id = `(${list.join('|')})`;
        const pair = new RegExp(`(['"\`])${id}\\1\\s*[,|]\\s*(['"\`])${id}\\3`, 'g');
        for (const match of text.matchAll(pair)) found.push(`${path}: ${concept}s ${match[0]}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe("the extension's catalogues", () => {
  it('hold only its own text: nothing the shared catalogues already say, in any language', async () => {
    const { EXT_MESSAGES } = await import('../../extension/messages/index.ts');
    const { LOCALE_REGISTRY } = await import('../../shared/registry/locales.ts');
    const repeated: string[] = [];
    for (const { code, load } of LOCALE_REGISTRY as ReadonlyArray<{ code: string; load?: () => Promise<unknown> }>) {
      const own = EXT_MESSAGES[code as keyof typeof EXT_MESSAGES];
      if (!own) continue; // the in-memory language has no extension text yet
      const shared = new Set(Object.values(code === 'en' ? en : ((await load?.()) as Record<string, string>)));
      for (const [key, text] of Object.entries(own)) if (shared.has(text)) repeated.push(`${code} ${key}: ${text}`);
    }
    expect(repeated).toEqual([]);
  });
});
