// Drivers of the calls that write (a decision, a rights request) and of the notice version a decision is recorded
// against: each answer on a press of the control that makes the call, without reloading the page.
import { waitFor } from '../browser.ts';
import {
  cacheGet,
  choose,
  click,
  ROOT,
  settle,
  SHARING,
  verdict,
  type Driven,
  type Driver,
  type Finding,
} from './driver-kit.ts';
import { isErrorKey } from './inspect.ts';

/** A failed send kept on the device (the outbox) is told as "saved here, sent later": a clear message too. */
const errorOrQueued = (key: string | null) => isErrorKey(key) || /queued/.test(key ?? '');

/** Sends what the outbox keeps (the widget flushes on `online`), to the real server, and waits until it is empty. */
async function flushOutbox(d: Driven): Promise<void> {
  const key = `${d.api}|outbox|host:${d.sub}`;
  const waiting = async () => ((await cacheGet(d.page, key)) as unknown[] | undefined)?.length ?? 0;
  if (!(await waiting())) return;
  await d.page.evaluate(`window.dispatchEvent(new Event('online'))`);
  await waitFor(async () => (await waiting()) === 0, { timeout: 20_000, message: 'the outbox never emptied' });
}

/** POST /v1/consents: each answer on a click of the sharing switch. */
export const consentsPostDriver: Driver = async (d, entries) => {
  const key = `${d.api}|consents|host:${d.sub}`;
  await d.page.evaluate(`window.TwikitPrivacy.open('consents')`);
  await settle(d.page, `!!${SHARING}`, 'no sharing switch');
  const findings: Finding[] = [];
  for (const entry of entries) {
    const before = await cacheGet(d.page, key);
    const served = d.route.arm(entry);
    await click(d, SHARING);
    await served;
    await settle(d.page, `${SHARING}.getAttribute('aria-busy') !== 'true'`, `${entry.id}: the switch stayed busy`);
    d.route.disarm();
    const after = await cacheGet(d.page, key);
    findings.push(
      ...(await verdict(d, entry, {
        cacheBefore: before,
        cacheAfter: after,
        stored: (entry.parsed as { state?: unknown } | undefined)?.state,
        tells: errorOrQueued,
      })),
    );
    await flushOutbox(d);
  }
  return findings;
};

/** POST /v1/requests: each answer on sending an access request from the form. */
export const requestsPostDriver: Driver = async (d, entries) => {
  const key = `${d.api}|requests|host:${d.sub}`;
  const type = `${ROOT}.querySelector('.tp-form select')`;
  const submit = `${ROOT}.querySelector('.tp-form button[type=submit]')`;
  await d.page.evaluate(`window.TwikitPrivacy.open('requests')`);
  await settle(d.page, `!!${type}`, 'the request form never showed');
  const findings: Finding[] = [];
  for (const entry of entries) {
    if ((await d.page.evaluate(`${type}.value`)) !== 'access') {
      await choose(d, type, 'access');
      await settle(d.page, `!!${submit}`, 'no send button');
    }
    const before = ((await cacheGet(d.page, key)) ?? []) as Array<{ id: string }>;
    const served = d.route.arm(entry);
    await click(d, submit);
    await served;
    await settle(
      d.page,
      `!${ROOT}.querySelector('.tp-form').hasAttribute('aria-busy')`,
      `${entry.id}: the form stayed busy`,
    );
    d.route.disarm();
    const filed = entry.parsed as { id: string } | undefined;
    const stored = filed && [filed, ...before.filter((r) => r.id !== filed.id)];
    findings.push(
      ...(await verdict(d, entry, {
        cacheBefore: before,
        cacheAfter: (await cacheGet(d.page, key)) ?? [],
        stored,
        tells: errorOrQueued,
      })),
    );
    await flushOutbox(d);
  }
  return findings;
};

/**
 * GET /v1/notice/version: asked when a decision is made before any notice was shown (the notice never loads here):
 * each answer on a press of "I consent" in the just-in-time step. Decisions are answered 422, so none sticks.
 */
export const noticeVersionDriver: Driver = async (d, entries) => {
  const consent = `${ROOT}.querySelector('.tp-jit .tp-btn-choice')`;
  const fresh = `${ROOT}.querySelector('.tp-jit [role=alert]:not([data-seen])')`;
  await d.page.evaluate(`void window.TwikitPrivacy.requestConsent('biometric_scans')`);
  await settle(d.page, `!!${consent}`, 'the just-in-time step never showed');
  const findings: Finding[] = [];
  for (const entry of entries) {
    const sent = d.route.calls('consentsPost');
    await d.page.evaluate(`${ROOT}.querySelectorAll('[role=alert]').forEach((el) => el.setAttribute('data-seen', ''))`);
    const served = d.route.arm(entry);
    await click(d, consent);
    await served;
    await settle(d.page, `${consent}.getAttribute('aria-busy') !== 'true' && !!${fresh}`, `${entry.id}: no outcome`);
    d.route.disarm();
    const posted = d.route.calls('consentsPost') - sent;
    const extra = entry.valid
      ? posted === 1
        ? []
        : [`the decision was sent ${posted} times`]
      : posted === 0
        ? []
        : ['a decision was sent with a refused notice version'];
    findings.push(...(await verdict(d, entry, { extra })));
  }
  return findings;
};
