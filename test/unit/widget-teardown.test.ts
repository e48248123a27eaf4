// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeDetail } from '../../widget/public-api.ts';
import { startRuntime } from '../../widget/runtime.ts';
import { API_BASE, fakeApi, HOST_TOKEN, settle, SUBJECT, withActive } from './core/fake-api-fetch.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('unmounting the widget', () => {
  it('is one abort(): the element goes, and no event, subscriber, listener or timer acts afterwards', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const api = await fakeApi();
    vi.stubGlobal('fetch', api.fetch);
    const otherTab = new BroadcastChannel(`twikit-privacy|${API_BASE}`);
    const events: ChangeDetail[] = [];
    const subscribed: ChangeDetail[] = [];
    const onChange = (event: CustomEvent<ChangeDetail>) => events.push(event.detail);
    document.addEventListener('twikit-privacy:change', onChange);
    try {
      const runtime = await startRuntime({ api: API_BASE, autoOpen: false, getToken: () => HOST_TOKEN });
      await runtime.ready();
      runtime.subscribe('*', (detail) => subscribed.push(detail));
      expect(document.querySelector('twikit-privacy')).not.toBeNull();
      // Mounted, another tab's change reaches the page as an event and a subscriber call.
      otherTab.postMessage({ kind: 'consents', subject: SUBJECT, state: withActive(api.state, 'telemetry', true) });
      await settle();
      expect(events).toEqual([{ purpose: 'telemetry', active: true }]);
      expect(subscribed).toEqual([{ purpose: 'telemetry', active: true }]);

      runtime.unmount();

      expect(document.querySelector('twikit-privacy')).toBeNull();
      const calls = api.calls.length;
      otherTab.postMessage({ kind: 'consents', subject: SUBJECT, state: withActive(api.state, 'telemetry', false) });
      window.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(120_000);
      await settle();
      expect(events, 'no DOM event after unmount').toHaveLength(1);
      expect(subscribed, 'no subscriber call after unmount').toHaveLength(1);
      expect(api.calls.length, 'no fetch after unmount').toBe(calls);
      // Asked after unmount, a just-in-time consent answers at once, with no dialog and no timer left waiting.
      expect(await runtime.requestConsent('biometric_scans')).toBe(false);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      document.removeEventListener('twikit-privacy:change', onChange);
      otherTab.close();
    }
  });
});
