// Drivers of the calls that read (notice, consent state, requests, a visitor's device token): each makes the real
// widget call its endpoint once per corpus answer, without reloading the page, waits until the widget has dealt with
// the answer, and judges what it shows and stores.
import { isDeepStrictEqual } from 'node:util';
import { waitFor } from '../browser.ts';
import {
  cacheGet,
  cacheReader,
  choose,
  click,
  defineStart,
  deleteCache,
  getTokenOption,
  ROOT,
  settle,
  SHARING,
  STATUS,
  verdict,
  writeCache,
  type Driver,
  type Finding,
} from './driver-kit.ts';

/** GET /v1/notice: each answer on a language switch of the open notice (both languages cached). */
export const noticeDriver: Driver = async (d, entries) => {
  const key = (locale: string) => `${d.api}|notice|${locale}`;
  const language = `${ROOT}.querySelector('.tp-language select')`;
  await d.page.evaluate(`window.TwikitPrivacy.open('notice')`);
  await settle(d.page, `!!${ROOT}.querySelector('.tp-notice')`, 'the notice never showed');
  for (const locale of ['nl', 'en']) {
    await choose(d, language, locale);
    await waitFor(() => cacheGet(d.page, key(locale)), {
      timeout: 10_000,
      message: `the ${locale} notice was never cached`,
    });
  }
  const findings: Finding[] = [];
  let current = 'en';
  for (const [i, entry] of entries.entries()) {
    const target = current === 'en' ? 'nl' : 'en';
    if (await d.page.evaluate(STATUS)) {
      // The last answer's error still shows: a "not modified" for a third language clears it.
      const cleared = d.route.arm({ endpoint: 'notice', status: 304, headers: {}, body: '' });
      await choose(d, language, 'fr');
      await cleared;
      await settle(d.page, `!${STATUS}`, 'the error never cleared');
    }
    const before = await cacheGet(d.page, key(target));
    const etag = `"corpus-${i}"`;
    const served = d.route.arm({ ...entry, headers: { ...entry.headers, etag } });
    await choose(d, language, target);
    current = target;
    await served;
    await settle(
      d.page,
      `(async () => ${STATUS} !== '' || ${JSON.stringify(etag)} === (await (${cacheReader})(${JSON.stringify(key(target))}))?.etag)()`,
      `${entry.id}: the widget never settled`,
    );
    d.route.disarm();
    const after = await cacheGet(d.page, key(target));
    findings.push(
      ...(await verdict(d, entry, { cacheBefore: before, cacheAfter: after, stored: { etag, value: entry.parsed } })),
    );
  }
  return findings;
};

/** GET /v1/consents: a fresh runtime per answer, over a cached state in which sharing is given. */
export const consentsGetDriver: Driver = async (d, entries) => {
  const key = `${d.api}|consents|host:${d.sub}`;
  await d.page.evaluate(`window.TwikitPrivacy.open('consents')`);
  await settle(d.page, `!!${SHARING}`, 'no sharing switch');
  await click(d, SHARING);
  const baseline = await waitFor(
    async () => {
      const state = (await cacheGet(d.page, key)) as
        | { purposes: Array<{ purpose: string; active: boolean }> }
        | undefined;
      return state?.purposes.find((p) => p.purpose === 'third_party_sharing')?.active ? state : null;
    },
    { timeout: 10_000, message: 'the decision never reached the cache' },
  );
  // The state is cached a moment before the sent decision leaves the outbox: unmounting in between would leave it
  // there, and the next runtime would send it again (the server replays it) — and show that answer, not the corpus's.
  await waitFor(
    async () =>
      ((await cacheGet(d.page, `${d.api}|outbox|host:${d.sub}`)) as unknown[] | undefined)?.length === 0 || null,
    {
      timeout: 10_000,
      message: 'the decision never left the outbox',
    },
  );
  await d.page.evaluate(`window.TwikitPrivacy.unmount()`);
  await defineStart(d, getTokenOption(d.sub));
  const findings: Finding[] = [];
  for (const entry of entries) {
    if (!isDeepStrictEqual(await cacheGet(d.page, key), baseline)) await writeCache(d.page, key, baseline);
    const served = d.route.arm(entry);
    await d.page.evaluate(`window.__start('consents')`);
    await served;
    // Refused: the cached state stays, with a "could not be reached" status. Valid: the answer's state (sharing off).
    await settle(
      d.page,
      `${STATUS} !== '' || ${SHARING}?.getAttribute('aria-checked') === 'false'`,
      `${entry.id}: the widget never settled`,
    );
    d.route.disarm();
    // The switch shows the new state before its write to IndexedDB has finished (the model stores after showing):
    // for an answer that must be stored, give the write a moment instead of reading the cache mid-write.
    const cacheAfter = entry.valid
      ? await waitFor(
          async () => {
            const cached = await cacheGet(d.page, key);
            return isDeepStrictEqual(cached, entry.parsed) ? { cached } : null;
          },
          { timeout: 3_000, interval: 25 },
        ).then(
          (r) => r.cached,
          () => cacheGet(d.page, key),
        )
      : await cacheGet(d.page, key);
    findings.push(...(await verdict(d, entry, { cacheBefore: baseline, cacheAfter, stored: entry.parsed })));
    await d.page.evaluate(`window.__rt.unmount()`);
  }
  return findings;
};

/** GET /v1/requests: each answer on opening the requests view again (the person has one request, cached). */
export const requestsGetDriver: Driver = async (d, entries) => {
  const key = `${d.api}|requests|host:${d.sub}`;
  const nav = (i: number) => click(d, `${ROOT}.querySelectorAll('.tp-nav-btn')[${i}]`);
  await d.page.evaluate(`window.TwikitPrivacy.open('requests')`);
  await settle(d.page, `!!${ROOT}.querySelector('.tp-request')`, 'the request list never showed');
  const findings: Finding[] = [];
  for (const entry of entries) {
    await nav(0);
    await settle(d.page, `!${ROOT}.querySelector('.tp-request-list')`, 'the requests view never closed');
    const before = await cacheGet(d.page, key);
    const served = d.route.arm(entry);
    await nav(3);
    await served;
    await settle(
      d.page,
      `${ROOT}.querySelector('.tp-request-list')?.getAttribute('aria-busy') === 'false'`,
      `${entry.id}: the list stayed busy`,
    );
    d.route.disarm();
    const stored = (entry.parsed as { requests?: unknown } | undefined)?.requests;
    findings.push(
      ...(await verdict(d, entry, { cacheBefore: before, cacheAfter: await cacheGet(d.page, key), stored })),
    );
  }
  return findings;
};

/** POST /v1/auth/device: a fresh visitor runtime (no host token, nothing cached) per answer, then one that must recover. */
export const deviceDriver: Driver = async (d, entries) => {
  const keys = {
    token: `${d.api}|device-token`,
    last: `${d.api}|last-subject`,
    state: `${d.api}|consents|device`,
    outbox: `${d.api}|outbox|device`,
  };
  await d.page.evaluate(`window.TwikitPrivacy.unmount()`);
  await defineStart(d, '{}');
  const findings: Finding[] = [];
  for (const entry of entries) {
    await deleteCache(d.page, Object.values(keys));
    const served = d.route.arm(entry);
    const known = await d.page.evaluate(`window.__start('ready')`);
    await served;
    await d.page.evaluate(`window.__rt.open('consents')`);
    await settle(
      d.page,
      `!!${ROOT}.querySelector('.tp-consents [role=alert]') || !!${SHARING}`,
      `${entry.id}: the consents view never showed`,
    );
    if (known === null)
      await settle(
        d.page,
        `!!${ROOT}.querySelector('.tp-consents [role=alert]')`,
        `${entry.id}: no state and no error`,
      );
    d.route.disarm();
    const token = await cacheGet(d.page, keys.token);
    const extra: string[] = [];
    // A later, unrouted try may get a real token from the server (the identity retries a device token it could not
    // get): that one may be kept. What must never be kept is a token taken from the refused answer.
    if (!entry.valid && typeof token === 'string' && entry.body.includes(token))
      extra.push('a refused device token was stored');
    if (!entry.valid && known !== null) extra.push('a state was shown without a device token');
    if (entry.valid && token !== undefined && token !== (entry.parsed as { token: string }).token)
      extra.push('another token was stored');
    findings.push(...(await verdict(d, entry, { extra })));
    await d.page.evaluate(`window.__rt.unmount()`);
    if (entry.valid) {
      // Once the server answers properly again, the widget must not stay stuck on what it kept.
      const recovered = await d.page.evaluate(`window.__start('ready')`);
      if (recovered === null)
        findings.push({ id: entry.id, problem: 'the visitor stays without a state after the server recovered' });
      await d.page.evaluate(`window.__rt.unmount()`);
    }
  }
  return findings;
};
