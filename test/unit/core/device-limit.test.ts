import { defaultNoticeEn } from '../../../shared/notice/default-notice.ts';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../shared/core.ts';
import { de } from '../../../shared/i18n/messages/de.ts';
import { en } from '../../../shared/i18n/messages/en.ts';
import { fr } from '../../../shared/i18n/messages/fr.ts';
import { nl } from '../../../shared/i18n/messages/nl.ts';
import { openCache } from '../../../shared/storage/cache.ts';
import { announcement } from '../../../shared/ui/announce.ts';
import { createI18n } from '../../../shared/ui/I18nContext.ts';
import { startTestServer, type TestServer } from '../../server/harness.ts';

// Issue 18, point 1: when the server refused a new visitor's device id for a rate limit, the widget said the
// choice would be recorded "when the connection is back" — the connection was fine. The decision still waits
// in the outbox; the person is now told the real reason.
let server: TestServer;
let core: Core | undefined;
beforeAll(async () => {
  server = await startTestServer({ DEVICE_LIMIT_PER_IP_PER_15_MIN: '0' }); // every new device id is refused
}, 60_000);
afterAll(async () => {
  core?.dispose();
  vi.unstubAllGlobals();
  await server?.stop();
});

describe('a new visitor while the server limits new device ids', () => {
  it('the decision waits on the device and the announcement says the service is busy, not that the connection is down', async () => {
    const factory = new IDBFactory();
    vi.stubGlobal('indexedDB', factory);
    core = await createCore({
      apiBase: server.url,
      surface: { kind: 'widget', app: 'twikfit' },
      locale: 'en',
      cache: await openCache(factory),
      gpc: false,
    });
    await core.start();
    const outcome = await core.consents.decide('telemetry', 'grant', 'toggle');
    expect(outcome).toEqual({ queued: true, purpose: 'telemetry', event: 'given', reason: 'rate-limited' });
    expect(core.outbox.entries.value).toHaveLength(1); // nothing the person decided is lost
    const said = announcement(createI18n('en'), outcome, defaultNoticeEn.purposes);
    expect(said).toMatch(/busy right now \(too many requests\)/);
    expect(said).not.toMatch(/connection/);
  });

  it('says so in all four languages, and differently from the offline message', () => {
    for (const messages of [en, nl, de, fr]) {
      expect(messages['announce.queuedBusy']).toContain('{purpose}');
      expect(messages['announce.queuedBusy']).not.toBe(messages['announce.queued']);
    }
  });
});
