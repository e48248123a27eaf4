import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberSeen, seenHint } from '../../widget/seen-hint.ts';
import { noticeApi } from '../../shared/api/notice-api.ts';
import { createTransport } from '../../shared/api/transport.ts';
import { noticeUrl } from '../../widget/early-notice.ts';

/** A Storage as the browser gives it, in memory; `broken` makes every call throw as a blocked one does. */
function storage(broken = false): Storage {
  const map = new Map<string, string>();
  const fail = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return {
    get length() {
      return map.size;
    },
    clear: () => (broken ? fail() : map.clear()),
    getItem: (k) => (broken ? fail() : (map.get(k) ?? null)),
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void (broken ? fail() : map.delete(k)),
    setItem: (k, v) => void (broken ? fail() : map.set(k, String(v))),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('the first-visit hint (widget/seen-hint.ts)', () => {
  it('is per API: remembering one API says nothing of another', () => {
    vi.stubGlobal('localStorage', storage());
    expect(seenHint('https://privacy.twikit.com')).toBe(false);
    rememberSeen('https://privacy.twikit.com');
    expect(seenHint('https://privacy.twikit.com')).toBe(true);
    expect(seenHint('https://privacy-us.twikit.com')).toBe(false);
    expect(localStorage.getItem('twikit-privacy|seen|https://privacy.twikit.com')).toBe('1'); // nothing personal: a flag
  });

  it('reads refused or missing storage as "not seen", and never throws', () => {
    vi.stubGlobal('localStorage', storage(true));
    expect(() => rememberSeen('https://privacy.twikit.com')).not.toThrow();
    expect(seenHint('https://privacy.twikit.com')).toBe(false);
    vi.stubGlobal('localStorage', undefined);
    expect(seenHint('https://privacy.twikit.com')).toBe(false);
    expect(() => rememberSeen('https://privacy.twikit.com')).not.toThrow();
  });

  it('the prefetched notice URL is the one the API client asks for, with or without a trailing slash on the base', async () => {
    for (const base of ['https://privacy.twikit.com', 'https://privacy.twikit.com/', 'https://twikit.com/privacy//']) {
      const asked: string[] = [];
      const fetch: typeof globalThis.fetch = async (input) => {
        asked.push(String(input));
        throw new TypeError('offline');
      };
      const api = noticeApi(createTransport({ baseUrl: base, token: async () => null, fetch }));
      await api.notice('nl').catch(() => undefined);
      expect(asked).toEqual([noticeUrl(base, 'nl')]);
    }
  });
});
