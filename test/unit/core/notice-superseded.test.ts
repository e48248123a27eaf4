import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/api-error.ts';
import type { NoticeDocument } from '../../../shared/contract/notice.ts';
import { createCore } from '../../../shared/core.ts';
import { memoryCache } from '../../../shared/storage/cache.ts';
import { publishNotice } from '../../../server/store/notices.ts';
import { hostToken, newKey, startTestServer, type TestServer } from '../../server/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => server?.stop());

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(ok()).toBe(true);
};

describe('a decision made under a notice the server has replaced', () => {
  it('R12: is refused naming the current version; the core shows the current notice again and the next decision is recorded under it', async () => {
    const current = (await (await fetch(`${server.url}/v1/notice`)).json()).notice as NoticeDocument;
    const older = { ...current, version: `older-${newKey().slice(0, 8)}`, contentHash: 'sha256-older' };
    await publishNotice(server.deps.db, older, server.clock.now());

    const noticeReads: string[] = [];
    const counting: typeof fetch = (input, init) => {
      if (new URL(String(input instanceof Request ? input.url : input)).pathname === '/v1/notice')
        noticeReads.push('x');
      return fetch(input, init);
    };
    const token = await hostToken(`superseded-${newKey()}`);
    const core = await createCore({
      apiBase: server.url,
      surface: { kind: 'widget', app: 'twikfit' },
      locale: 'en',
      hostToken: () => token,
      cache: memoryCache(),
      gpc: false,
      fetch: counting,
    });
    try {
      await core.start();
      expect(noticeReads).toHaveLength(1);
      // The person still has the older text on screen (a tab left open across a new version).
      core.shownNoticeVersion.value = older.version;

      const refused = (await core.consents
        .decide('third_party_sharing', 'grant', 'toggle')
        .catch((e: unknown) => e)) as ApiError;
      expect(refused.kind).toBe('conflict');
      expect(refused.problem?.type).toMatch(/\/notice-version-superseded$/);
      expect(refused.problem?.detail).toContain(`"${current.version}"`);
      expect(core.consents.error.value).toBe(refused); // said, not dropped
      expect(core.consents.active('third_party_sharing')).toBe(false);

      await until(() => core.shownNoticeVersion.value === current.version);
      expect(noticeReads).toHaveLength(2);
      const again = await core.consents.decide('third_party_sharing', 'grant', 'toggle');
      expect(again).toMatchObject({ event: 'given', noticeVersion: current.version });
    } finally {
      core.dispose();
    }
  });
});
