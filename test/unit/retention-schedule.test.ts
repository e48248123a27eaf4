import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataConfig } from '../../server/data-config.ts';
import type { RetentionDeps } from '../../server/retention/job.ts';
import { scheduleRetention } from '../../server/retention/schedule.ts';

const deps = (env: Record<string, string>): RetentionDeps => ({
  db: {} as RetentionDeps['db'],
  now: () => new Date(),
  config: { data: loadDataConfig(env) },
});

afterEach(() => void vi.useRealTimers());

describe('the retention schedule', () => {
  it('runs the job every RETENTION_INTERVAL_MINUTES, never two at once, and stop waits for the run in progress', async () => {
    vi.useFakeTimers();
    let finish: () => void = () => undefined;
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const schedule = scheduleRetention(deps({ RETENTION_INTERVAL_MINUTES: '5' }), () => undefined, run)!;
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    expect(run).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5 * 60_000); // still running: this tick is skipped
    expect(run).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await vi.advanceTimersByTimeAsync(60 * 60_000); // stopped: no more runs
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('keeps running after a failed run, and says so in the log', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const run = vi.fn(async () => {
      throw new Error('database gone');
    });
    const schedule = scheduleRetention(deps({ RETENTION_INTERVAL_MINUTES: '1' }), (line) => lines.push(line), run)!;
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(lines).toEqual(['[retention] run failed: database gone', '[retention] run failed: database gone']);
    await schedule.stop();
  });

  it('RETENTION_INTERVAL_MINUTES=0 schedules nothing; a wrong value is refused naming the variable', () => {
    expect(scheduleRetention(deps({ RETENTION_INTERVAL_MINUTES: '0' }))).toBeUndefined();
    expect(() => loadDataConfig({ RETAIN_EXPORTS_DAYS: '0' })).toThrow(
      /RETAIN_EXPORTS_DAYS must be an integer of at least 1, got "0"/,
    );
    expect(() => loadDataConfig({ MAX_OPEN_REQUESTS_PER_PERSON: 'ten' })).toThrow(/MAX_OPEN_REQUESTS_PER_PERSON/);
  });
});
