import { effect } from '@preact/signals-core';
import { authApi } from './api/auth-api.ts';
import type { ApiClient } from './api/client.ts';
import type { ConsentsApi } from './api/consents-api.ts';
import { decisionsApi, type DecisionsApi } from './api/decisions-api.ts';
import { noticeApi, type NoticeApi } from './api/notice-api.ts';
import { receiptsApi, type ReceiptsApi } from './api/receipts-api.ts';
import { requestsApi, type RequestsApi } from './api/requests-api.ts';
import { createBaseCore, type BaseCore, type CoreOptions } from './base-core.ts';
import { createNoticeModel, type NoticeModel } from './models/notice-model.ts';
import { createRequestsModel, type RequestsModel } from './models/requests-model.ts';

export type { CoreOptions } from './base-core.ts';

/** The calls the models and the UI make: all the widget ships. `createCore` adds sign-in and history. */
export type PanelApi = ConsentsApi & DecisionsApi & NoticeApi & RequestsApi & ReceiptsApi;

/** What the UI components read (shared/ui): the base core plus the notice and requests models. */
export interface PanelCore extends BaseCore {
  api: PanelApi;
  notice: NoticeModel;
  requests: RequestsModel;
}

/** Everything a surface shows, created and disposed in one place, with the whole API client. */
export interface Core extends PanelCore {
  api: ApiClient;
}

const attached = new WeakMap<BaseCore, PanelCore>();

/** Runs `stop` when `signal` aborts (at once if it already has). */
function untilAborted(signal: AbortSignal, stop: () => void): void {
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
}

/**
 * Adds the notice and requests models to a base core (once); the widget does this when its panel loads.
 * `moreApi` joins `core.api` (createCore adds the sign-in and history calls).
 */
export function attachPanelModels(base: BaseCore, moreApi: object = {}): PanelCore {
  const existing = attached.get(base);
  if (existing) return existing;
  const api: PanelApi = {
    ...base.consentsApi,
    ...decisionsApi(base.transport),
    ...noticeApi(base.transport),
    ...requestsApi(base.transport),
    ...receiptsApi(base.transport),
    ...moreApi,
  };
  const notice = createNoticeModel(api, base.cache);
  const subject = () => base.identity.subjectKey();
  const requests = createRequestsModel(api, base.cache, subject, {
    outbox: base.outbox,
    broadcast: () => void subject().then((s) => base.sync.post({ kind: 'requests', subject: s })),
  });
  base.sync.listen((message) => {
    if (message.kind === 'requests')
      void subject().then((s) => (s === message.subject ? requests.reloadCached() : undefined));
  }, base.signal);
  // The notice on screen is the one decisions are recorded against (R12); a language switch reloads it.
  untilAborted(
    base.signal,
    effect(() => void (base.shownNoticeVersion.value = notice.response.value?.notice.version ?? null)),
  );
  // A decision citing a replaced notice was refused: show the current notice, so the person decides again under it.
  let refused = base.consents.noticeChanged.peek();
  untilAborted(
    base.signal,
    effect(() => {
      if (base.consents.noticeChanged.value === refused) return;
      refused = base.consents.noticeChanged.value;
      void notice.load(base.locale.peek(), base.signal, { networkFirst: true });
    }),
  );
  let first = true;
  untilAborted(
    base.signal,
    effect(() => {
      const locale = base.locale.value;
      if (first) return void (first = false);
      void notice.load(locale, base.signal);
    }),
  );
  const core: PanelCore = {
    ...base,
    api,
    notice,
    requests,
    start: async () => {
      await Promise.all([notice.load(base.locale.value, base.signal), base.start()]);
    },
  };
  attached.set(base, core);
  return core;
}

/** Builds the whole core at once (the extension popup, tests): base plus notice and requests, with the whole API. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const base = await createBaseCore(options);
  return attachPanelModels(base, authApi(base.transport)) as Core;
}
