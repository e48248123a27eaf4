import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorKind } from '../../../shared/api/api-error.ts';
import { Locale } from '../../../shared/contract/common.ts';
import { en, loadMessages, messagesFor, messagesLang } from '../../../shared/i18n/messages/index.ts';
import { translate, translateParts } from '../../../shared/i18n/translate.ts';
import { errorKey } from '../../../shared/ui/error-key.ts';
import { formatDateTime, formatDueDate, safeHref, telHref } from '../../../shared/ui/format.ts';
import { checkDraft, fieldsFor, problemMessage } from '../../../shared/ui/request-fields.ts';
import { panelCss } from '../../../shared/ui/styles.ts';

describe('formatDueDate', () => {
  it('R38: writes a due date in words in the person’s language', () => {
    expect(formatDueDate('2026-03-02', 'en')).toBe('March 2, 2026');
    expect(formatDueDate('2026-03-02', 'nl')).toBe('2 maart 2026');
    expect(formatDueDate('2026-03-02', 'fr')).toBe('2 mars 2026');
    expect(formatDueDate('2026-03-02', 'de')).toBe('2. März 2026');
  });

  it('R38: keeps the calendar day whatever the device’s time zone', () => {
    const before = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
        process.env.TZ = zone;
        expect(formatDueDate('2026-12-31', 'en')).toBe('December 31, 2026');
      }
    } finally {
      process.env.TZ = before;
    }
  });

  it('R38: writes every day of two years exactly as Intl’s long date does, in all four languages', () => {
    // The four languages are written out (no Intl on the first layer's path); another language still goes through Intl.
    let checked = 0;
    for (const locale of [...Locale.options, 'es']) {
      const intl = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Brussels' });
      for (let day = Date.UTC(2026, 0, 1, 12); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
        const iso = new Date(day).toISOString().slice(0, 10);
        expect(formatDueDate(iso, locale), `${locale} ${iso}`).toBe(intl.format(new Date(day)));
        checked++;
      }
    }
    expect(checked).toBe(5 * 730);
  });

  it('shows an impossible day as given, as it shows an unreadable one', () => {
    expect(formatDueDate('2026-02-30', 'nl')).toBe('2026-02-30');
    expect(formatDueDate('2026-13-01', 'en')).toBe('2026-13-01');
  });

  it('shows an unreadable date as given rather than throwing', () => {
    expect(formatDueDate('soon', 'en')).toBe('soon');
    expect(formatDateTime('not a time', 'en')).toBe('not a time');
  });
});

describe('formatDateTime', () => {
  it('writes an instant as date and time in the given zone', () => {
    expect(formatDateTime('2026-01-31T23:30:00.000Z', 'en', 'Europe/Brussels').replace(/\s/g, ' ')).toBe(
      'Feb 1, 2026, 12:30 AM',
    );
    expect(formatDateTime('2026-01-31T23:30:00.000Z', 'nl', 'UTC')).toBe('31 jan 2026, 23:30');
  });
});

describe('links from notice data', () => {
  it('only http(s) URLs become links', () => {
    expect(safeHref('https://www.dataprotectionauthority.be')).toBe('https://www.dataprotectionauthority.be/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });

  it('phone numbers become tel: links of digits only', () => {
    expect(telHref('02 274 48 00')).toBe('tel:022744800');
    expect(telHref('+32 (0)2 274 48 00')).toBe('tel:+3222744800');
  });
});

describe('messages', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(en, 'requests.dueBy', { date: 'March 2, 2026' })).toBe('Answer due by March 2, 2026');
    expect(translate(en, 'requests.dueBy')).toBe('Answer due by {date}');
  });

  it('fills placeholders with parts, keeping their order', () => {
    const strong = { tag: 'strong' };
    expect(translateParts(en, 'first.sharingLine', { title: strong })).toEqual([strong, ': only if you agree.']);
  });

  it("R13: a catalogue not loaded yet is English and says so; once loaded it is the locale's own", async () => {
    for (const locale of Locale.options) {
      expect(Object.keys(messagesFor(locale))).toEqual(Object.keys(en));
      await loadMessages(locale);
      expect(messagesLang(locale)).toBe(locale);
      expect(Object.keys(messagesFor(locale))).toEqual(Object.keys(en));
    }
  });

  it('every ApiError kind has its own message', () => {
    const kinds: ApiErrorKind[] = [
      'offline',
      'timeout',
      'unauthenticated',
      'identity-required',
      'not-found',
      'invalid-input',
      'rate-limited',
      'conflict',
      'server',
      'invalid-response',
    ];
    const texts = kinds.map((kind) => en[errorKey(new ApiError(kind, 'raw'))]);
    expect(new Set(texts).size).toBe(kinds.length);
    expect(en[errorKey({ kind: 'identity-required' }, 'request-submit')]).toBe(
      'Filing a request needs you to be signed in to your Twikit account.',
    );
    expect(en[errorKey({ kind: 'offline' }, 'request-submit')]).toBe(
      'No connection: your request was not sent; what you typed is kept.',
    );
  });
});

describe('request fields', () => {
  const extra = { locale: 'en', surface: { kind: 'widget', app: 'twikfit' } } as const;

  it('R37: asks for the details of a specific erasure only when the scope is specific', () => {
    expect(fieldsFor('erasure', { scope: 'all' }).map((f) => f.name)).toEqual([
      'scope',
      'ground',
      'message',
      'confirmed',
    ]);
    expect(fieldsFor('erasure', { scope: 'specific' }).map((f) => f.name)).toEqual([
      'scope',
      'details',
      'ground',
      'message',
      'confirmed',
    ]);
  });

  it('R59: checks a draft like the model does, blank text counting as absent', () => {
    const result = checkDraft('erasure', { scope: 'specific', details: '   ' }, extra);
    expect(result.ok).toBe(false);
    // Both at once, though the contract's refinement alone would only run once the box is ticked.
    if (!result.ok) expect(result.problems).toEqual({ details: 'required', confirmed: 'confirm' });
    expect(checkDraft('erasure', { scope: 'all', confirmed: true }, extra).ok).toBe(true);
  });

  it('R59: each problem says how to fix it', () => {
    const [correction] = fieldsFor('rectification', {}).filter((f) => f.name === 'correction');
    expect(problemMessage(correction, 'required', undefined)).toEqual(['request.required.correction']);
    expect(problemMessage(correction, 'too-long', 'x'.repeat(600))).toEqual([
      'request.problem.tooLong',
      { max: 500, count: 600 },
    ]);
    expect(problemMessage(undefined, 'confirm', false)).toEqual(['request.problem.confirm']);
  });
});

describe('components', () => {
  const dir = new URL('../../../shared/ui/', import.meta.url);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => [f, readFileSync(new URL(f, dir), 'utf8')] as const);

  it('never inject HTML or inline styles (strict CSP, R66)', () => {
    for (const [file, source] of sources) {
      expect(source, file).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
      expect(source, file).not.toMatch(/\sstyle=/);
    }
  });

  it('carry no literal UI words in JSX text: all text comes from the messages or the notice', () => {
    for (const [file, source] of sources)
      expect(source, file).not.toMatch(/(?<![=-])>[^<>{}\n]*[A-Za-z]{2,}[^<>{}\n]*</);
  });

  it('the stylesheet has light and dark defaults, focus outlines and reduced motion', () => {
    expect(panelCss).toContain('@media (prefers-color-scheme: dark)');
    expect(panelCss).toContain(':focus-visible');
    expect(panelCss).toContain('prefers-reduced-motion');
    // No fixed widths that would stop reflow at 320 px (R61); the 1 px of the visually-hidden helper is fine.
    expect(panelCss).not.toMatch(/(?<![-\w])width:\s*\d{2,}px/);
  });
});
