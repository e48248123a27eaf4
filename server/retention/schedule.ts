import { runRetention, type RetentionDeps } from './job.ts';

export interface RetentionSchedule {
  /** Stops the timer and waits for a run in progress, so the database can be closed after it. */
  stop(): Promise<void>;
}

/**
 * Runs the retention job every `intervalMinutes` in this process. The timer is unref'd (it never keeps the
 * process alive); with several instances each schedules it and the job's lock lets one work at a time.
 */
export function scheduleRetention(
  deps: RetentionDeps,
  log: (message: string) => void = (m) => console.error(m),
  run: (deps: RetentionDeps) => Promise<unknown> = runRetention,
): RetentionSchedule | undefined {
  const minutes = deps.config.data.retention.intervalMinutes;
  if (minutes === 0) return undefined;
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    // A run still going when the next is due: skip this tick rather than pile runs up.
    running = run(deps)
      .catch((error: unknown) => log(`[retention] run failed: ${(error as Error).message}`))
      .finally(() => (running = undefined));
  }, minutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
