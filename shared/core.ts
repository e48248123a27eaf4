import { effect } from '@preact/signals-core';
import { authApi } from './api/auth-api.ts';
import { decisionsApi } from './api/decisions-api.ts';
import type { ApiClient } from './api/client.ts';
import { noticeApi } from './api/notice-api.ts';
import { requestsApi } from './api/requests-api.ts';
import { createBaseCore, type BaseCore, type CoreOptions } from './base-core.ts';
import { createNoticeModel, type NoticeModel } from './models/notice-model.ts';
import { createRequestsModel, type RequestsModel } from './models/requests-model.ts';

export type { CoreOptions } from './base-core.ts';

/** Everything a surface shows, created and disposed in one place. */
export interface Core extends BaseCore {
  api: ApiClient;
  notice: NoticeModel;
  requests: RequestsModel;
}

const attached = new WeakMap<BaseCore, Core>();

/** Adds the notice and requests models to a base core (once); the widget does this when its panel loads. */
export function attachPanelModels(base: BaseCore): Core {
  const existing = attached.get(base);
  if (existing) return existing;
  const api: ApiClient = {
    ...base.consentsApi, ...decisionsApi(base.transport), ...noticeApi(base.transport), ...requestsApi(base.transport), ...authApi(base.transport),
  };
  base.installDecisions(api);
  const notice = createNoticeModel(api, base.cache);
  const requests = createRequestsModel(api, base.cache, () => base.identity.subjectKey());
  // The notice on screen is the one decisions are recorded against (R12); a language switch reloads it.
  const stopVersion = effect(() => void (base.shownNoticeVersion.value = notice.response.value?.notice.version ?? null));
  let first = true;
  const stopLocale = effect(() => {
    const locale = base.locale.value;
    if (first) return void (first = false);
    void notice.load(locale, base.signal);
  });
  const core: Core = {
    ...base,
    api,
    notice,
    requests,
    start: async () => {
      await Promise.all([notice.load(base.locale.value, base.signal), base.start()]);
    },
    dispose() {
      stopVersion();
      stopLocale();
      base.dispose();
    },
  };
  attached.set(base, core);
  return core;
}

/** Builds the whole core at once (the extension popup, tests): base plus notice and requests. */
export async function createCore(options: CoreOptions): Promise<Core> {
  return attachPanelModels(await createBaseCore(options));
}
