import { signal, type Signal } from '@preact/signals-core';
import { ApiError, isApiError } from '../api/api-error.ts';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The status half every model shares: where loading stands, the last error, and whether data came from the cache. */
export interface LoadState {
  status: Signal<LoadStatus>;
  error: Signal<ApiError | null>;
  /** True while what is shown came from this device's cache and the server has not confirmed it. */
  fromCache: Signal<boolean>;
}

export const createLoadState = (): LoadState => ({
  status: signal('idle'),
  error: signal(null),
  fromCache: signal(false),
});

/** Any thrown value as an ApiError (programming errors become `server`, never escape into a host page). */
export const asApiError = (error: unknown): ApiError =>
  isApiError(error) ? error : new ApiError('server', error instanceof Error ? error.message : String(error));
