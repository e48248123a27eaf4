import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { NoticeResponse } from '../../shared/contract/notice.ts';
import { noticeContentHash } from '../../shared/notice/content-hash.ts';
import { openDatabase } from '../../server/db/open.ts';
import { createNoticeStore } from '../../server/services/notices.ts';
import {
  client,
  createTestDatabase,
  DB_KIND,
  hostToken,
  newKey,
  startTestServer,
  type Client,
  type TestServer,
} from './harness.ts';

describe(`the notice endpoint (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  beforeAll(async () => {
    server = await startTestServer();
    api = client(server.url);
  });
  afterAll(async () => server?.stop());

  /** The ETag of the current English notice, read from a plain GET. */
  async function currentEtag(): Promise<string> {
    const res = await api.get('/v1/notice');
    expect(res.status).toBe(200);
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    return etag!;
  }

  it('serves the notice as the contract describes it, with its content hash as a strong ETag', async () => {
    const res = await api.get('/v1/notice');
    expect(res.status, res.text).toBe(200);
    const parsed = z.safeParse(NoticeResponse, res.body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 5))).toBe(true);
    expect(res.headers.get('etag')).toBe(`"${res.body.notice.contentHash}"`);
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.body.notice.locale).toBe('en');
  });

  it('R12: the notice carries its version id, effective date and content hash', async () => {
    const { body } = await api.get('/v1/notice');
    expect(body.notice.version).toEqual(expect.any(String));
    expect(body.notice.version.length).toBeGreaterThan(0);
    expect(body.notice.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.notice.contentHash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    // The hash is the hash of the text that was served, not a label.
    expect(await noticeContentHash(body.notice)).toBe(body.notice.contentHash);
  });

  describe('conditional requests', () => {
    it('answers If-None-Match with the current ETag with 304 and no body', async () => {
      const etag = await currentEtag();
      const res = await api.get('/v1/notice', { headers: { 'if-none-match': etag } });
      expect(res.status).toBe(304);
      expect(res.text).toBe('');
      expect(res.headers.get('etag')).toBe(etag);
    });

    it('answers If-None-Match with another ETag with 200 and the notice', async () => {
      const etag = await currentEtag();
      const res = await api.get('/v1/notice', {
        headers: { 'if-none-match': '"sha256-someOtherVersionOfTheNoticeXXXXXXXXXXXXXXXXX="' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.body.notice.contentHash).toBe(etag.slice(1, -1));
    });

    it('treats the weak form W/"…" of the current ETag as a match', async () => {
      const etag = await currentEtag();
      const res = await api.get('/v1/notice', { headers: { 'if-none-match': `W/${etag}` } });
      expect(res.status).toBe(304);
    });

    it('treats a list of ETags that includes the current one as a match', async () => {
      const etag = await currentEtag();
      const res = await api.get('/v1/notice', { headers: { 'if-none-match': `"old-one", W/"older-one", ${etag}` } });
      expect(res.status).toBe(304);
    });
  });

  describe('locales', () => {
    const titles = {
      en: 'Privacy Notice',
      nl: 'Privacyverklaring',
      fr: 'Déclaration de confidentialité',
      de: 'Datenschutzerklärung',
    };

    it.each(['nl', 'fr', 'de'] as const)(
      'R13: answers ?locale=%s in that language, as the current version with its own hash',
      async (locale) => {
        const english = (await api.get('/v1/notice')).body.notice;
        const res = await api.get(`/v1/notice?locale=${locale}`);
        expect(res.status, res.text).toBe(200);
        expect(z.safeParse(NoticeResponse, res.body).success).toBe(true);
        const { notice } = res.body;
        expect(notice.locale).toBe(locale);
        expect(res.headers.get('content-language')).toBe(locale);
        expect(notice.title).toBe(titles[locale]);
        expect(notice.version).toBe(english.version);
        // Its own hash, of the text served in this language, and the ETag that goes with it.
        expect(notice.contentHash).not.toBe(english.contentHash);
        expect(await noticeContentHash(notice)).toBe(notice.contentHash);
        expect(res.headers.get('etag')).toBe(`"${notice.contentHash}"`);
        // The English text it translates, which prevails.
        expect(notice.translationOf).toEqual({ locale: 'en', contentHash: english.contentHash });
        expect(res.body.requestedLocale).toBe(locale);
        expect(res.body.availableLocales).toEqual(['de', 'en', 'fr', 'nl']);
        const version = await api.get(`/v1/notice/version?locale=${locale}`);
        expect(version.body).toMatchObject({ locale, contentHash: notice.contentHash, version: notice.version });
      },
    );

    it('R13: the English notice is the original: it names no text it translates', async () => {
      const res = await api.get('/v1/notice?locale=en');
      expect(res.body.notice.locale).toBe('en');
      expect(res.body.notice.translationOf).toBeUndefined();
      expect(res.body.availableLocales).toEqual(['de', 'en', 'fr', 'nl']);
    });

    it('R13: a decision made in Dutch records the hash of the Dutch text, and its receipt cites it', async () => {
      const dutch = (await api.get('/v1/notice?locale=nl')).body.notice;
      const english = (await api.get('/v1/notice?locale=en')).body.notice;
      const token = await hostToken(`notice-nl-${newKey()}`);
      const res = await api.post(
        '/v1/consents',
        {
          purpose: 'third_party_sharing',
          decision: 'grant',
          method: 'ui',
          control: 'toggle',
          surface: { kind: 'widget', app: 'twikit_live' },
          noticeVersion: dutch.version,
          locale: 'nl',
        },
        { token },
      );
      expect(res.status, res.text).toBe(201);
      const record = res.body.record;
      expect(record.locale).toBe('nl');
      expect(record.noticeHash).toBe(dutch.contentHash);
      expect(record.noticeHash).not.toBe(english.contentHash);
      const receipt = await api.get(`/v1/consents/${record.id}/receipt`, { token });
      expect(receipt.status, receipt.text).toBe(200);
      expect(receipt.body.receipt.notice).toEqual({ version: dutch.version, hash: dutch.contentHash, locale: 'nl' });
      // The purpose as the person read it: the Dutch title and data types.
      expect(receipt.body.receipt.purpose.title).toBe('Delen met derden');
      expect(receipt.body.receipt.purpose.dataTypes).toEqual(['Naam', 'E-mailadres']);
      // The notice the receipt links to is the Dutch text with that hash.
      const cited = await api.get(
        `/v1/notice?version=${encodeURIComponent(dutch.version)}&locale=${receipt.body.receipt.notice.locale}`,
      );
      expect(cited.body.notice.contentHash).toBe(record.noticeHash);
    });

    it('falls back to English for a locale the current version was not translated into, and says so', async () => {
      // On a database of its own: the store serves the latest version published in the database, and this
      // server's database has the current version in every language.
      const english = (await api.get('/v1/notice')).body.notice;
      const database = await createTestDatabase();
      const db = await openDatabase({
        databaseUrl: database.env.DATABASE_URL,
        dataDir: database.env.DATA_DIR,
      });
      try {
        const store = await createNoticeStore(db, [english], server.clock.now());
        expect(store.current('nl')).toEqual({ notice: english, availableLocales: ['en'] });
      } finally {
        await db.close();
        await database.dispose();
      }
    });

    it('refuses a locale outside the contract with 422 pointing at /query/locale', async () => {
      const res = await api.get('/v1/notice?locale=xx');
      expect(res.status, res.text).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.type).toBe('https://privacy.twikit.com/problems/validation-failed');
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/query/locale');
    });
  });

  it('names Twikit NV as controller and the Belgian DPA at Rue de la Presse 35 as complaint authority', async () => {
    const { body } = await api.get('/v1/notice');
    expect(body.notice.controller.name).toBe('Twikit NV');
    expect(body.notice.complaint.authority.address).toContain('Rue de la Presse 35');
  });
});
