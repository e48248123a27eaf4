import { envInt } from './config-error.ts';

/**
 * Limits on how much one person may hold open or read at once, and how long each kind of data is kept.
 * Read from the environment with the rest of the configuration (see README, "Data retention").
 */
export interface DataConfig {
  /** Open (not yet completed, rejected or cancelled) rights requests one person may have at once. */
  maxOpenRequestsPerPerson: number;
  retention: RetentionConfig;
}

export interface RetentionConfig {
  /** How often the retention job runs; 0 = never on a schedule (run it with `runRetention`). */
  intervalMinutes: number;
  /** Rows deleted per statement, so one run never holds a long transaction. */
  batchSize: number;
  /** Stored answers to idempotent calls are kept this long (a retry needs a live token; tokens live 30 days). */
  idempotencyKeyDays: number;
  /** A device with no live token and no consent recorded for this long is retired. */
  deviceIdleDays: number;
  /** A completed export is kept this long, then regenerated when the person asks again. */
  exportDays: number;
  /** Proof kept after an account is deleted or a device retired (limitation period for claims). */
  proofMonths: number;
}

export function loadDataConfig(env: NodeJS.ProcessEnv): DataConfig {
  return {
    maxOpenRequestsPerPerson: envInt(env, 'MAX_OPEN_REQUESTS_PER_PERSON', 10),
    retention: {
      intervalMinutes: envInt(env, 'RETENTION_INTERVAL_MINUTES', 60, 0),
      batchSize: envInt(env, 'RETENTION_BATCH_SIZE', 5_000),
      idempotencyKeyDays: envInt(env, 'RETAIN_IDEMPOTENCY_KEYS_DAYS', 30),
      deviceIdleDays: envInt(env, 'RETIRE_IDLE_DEVICES_DAYS', 30),
      exportDays: envInt(env, 'RETAIN_EXPORTS_DAYS', 30),
      proofMonths: envInt(env, 'RETAIN_PROOF_MONTHS', 60),
    },
  };
}
