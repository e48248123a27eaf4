import type { Database } from '../db/database.ts';
import { checkpointIfDue } from '../services/ledger.ts';

export interface CheckpointDeps {
  db: Database;
  now: () => Date;
  config: { ledger: { checkpointKey: string; checkpointHours: number } };
}

export interface CheckpointSchedule {
  /** Stops the timer and waits for a checkpoint in progress. */
  stop(): Promise<void>;
}

// Checked hourly, so a server restarted more often than `checkpointHours` still takes its checkpoints.
const TICK_MS = 3_600_000;

/**
 * Takes a signed ledger checkpoint whenever the latest is `checkpointHours` old (default daily). Like the
 * retention job's schedule: the timer is unref'd, and with several instances the checkpoint's lock and age check
 * let one of them take it.
 */
export function scheduleCheckpoints(
  deps: CheckpointDeps,
  log: (message: string) => void = (m) => console.error(m),
): CheckpointSchedule | undefined {
  const { checkpointHours, checkpointKey } = deps.config.ledger;
  if (checkpointHours === 0) return undefined;
  let running: Promise<unknown> | undefined;
  const timer = setInterval(
    () => {
      if (running) return;
      running = checkpointIfDue(deps.db, checkpointKey, deps.now(), checkpointHours)
        .catch((error: unknown) => log(`[ledger] checkpoint failed: ${(error as Error).message}`))
        .finally(() => (running = undefined));
    },
    Math.min(TICK_MS, checkpointHours * TICK_MS),
  );
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
