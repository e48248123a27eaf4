// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../shared/core.ts';
import { isQueued } from '../../../shared/models/consent-model.ts';
import { memoryCache } from '../../../shared/storage/cache.ts';
import { API_BASE, fakeApi, HOST_TOKEN, settle, SUBJECT, withActive } from './fake-api-fetch.ts';

afterEach(() => {
  vi.useRealTimers();
});

async function startedCore() {
  const api = await fakeApi();
  const core = await createCore({
    apiBase: API_BASE,
    surface: { kind: 'widget', app: 'twikfit' },
    locale: 'en',
    hostToken: () => HOST_TOKEN,
    cache: memoryCache(),
    gpc: false,
    fetch: api.fetch,
  });
  await core.start();
  return { api, core };
}

describe('tearing the core down', () => {
  it('is one abort(): afterwards no listener fires, no timer runs, the tab channel is closed and a fetch on its way is aborted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { api, core } = await startedCore();
    const otherTab = new BroadcastChannel(`twikit-privacy|${API_BASE}`);
    const heard: unknown[] = [];
    otherTab.onmessage = (event) => heard.push(event.data);
    try {
      // Offline, a decision waits in the outbox: its retry timer and the `online` listener are armed.
      api.mode = 'offline';
      expect(isQueued(await core.consents.decide('biometric_scans', 'grant', 'toggle'))).toBe(true);
      await settle();
      // Each part works before the teardown (so the checks after it can fail): the timer retries, `online` flushes,
      // the channel carries messages both ways.
      let calls = api.calls.length;
      await vi.advanceTimersByTimeAsync(2_000);
      expect(api.calls.length).toBeGreaterThan(calls);
      calls = api.calls.length;
      window.dispatchEvent(new Event('online'));
      await settle();
      expect(api.calls.length).toBeGreaterThan(calls);
      otherTab.postMessage({ kind: 'consents', subject: SUBJECT, state: withActive(api.state, 'telemetry', true) });
      await settle();
      expect(core.consents.active('telemetry')).toBe(true);
      const posted = heard.length;
      core.sync.post({ kind: 'outbox', subject: SUBJECT });
      await settle();
      expect(heard).toHaveLength(posted + 1);

      // A read on its way when the core goes.
      api.mode = 'hang';
      const reading = core.requests.load();
      await settle();
      const inFlight = api.calls.at(-1);
      expect(inFlight?.path).toBe('/v1/requests');
      expect(inFlight?.signal?.aborted).toBe(false);

      core.dispose();

      await reading; // ends instead of hanging, and quietly: nobody is there to be told
      expect(inFlight?.signal?.aborted).toBe(true);
      expect(core.requests.error.value).toBeNull();
      api.mode = 'online';
      calls = api.calls.length;
      const heardBefore = heard.length;
      window.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(120_000);
      otherTab.postMessage({ kind: 'consents', subject: SUBJECT, state: withActive(api.state, 'telemetry', false) });
      core.sync.post({ kind: 'outbox', subject: SUBJECT });
      await settle();
      expect(api.calls.length, 'no retry, no flush on `online`').toBe(calls);
      expect(core.consents.active('telemetry'), 'another tab is no longer heard').toBe(true);
      expect(heard, 'nothing more is posted').toHaveLength(heardBefore);
    } finally {
      otherTab.close();
    }
  });

  it('stops the language effect: a locale switched after the teardown loads no notice', async () => {
    const { api, core } = await startedCore();
    core.dispose();
    const calls = api.calls.length;
    core.locale.value = 'nl';
    await settle();
    expect(api.calls.length).toBe(calls);
  });
});
