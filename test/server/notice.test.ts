import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { NoticeResponse } from '../../shared/contract/notice.ts';
import { noticeContentHash } from '../../shared/notice/content-hash.ts';
import { client, DB_KIND, startTestServer, type Client, type TestServer } from './harness.ts';

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
    it('falls back to English for a locale the notice text does not exist in, and says so', async () => {
      const res = await api.get('/v1/notice?locale=nl');
      expect(res.status, res.text).toBe(200);
      expect(res.body.notice.locale).toBe('en');
      expect(res.headers.get('content-language')).toBe('en');
      expect(res.body.requestedLocale).toBe('nl');
      expect(res.body.availableLocales).toContain('en');
      expect(res.body.availableLocales).not.toContain('nl');
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
