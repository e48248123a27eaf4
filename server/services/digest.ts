import { brusselsDate } from '../../shared/dates/brussels.ts';
import { addDays } from '../../shared/dates/calendar.ts';
import { canDo } from '../../shared/registry/operator-roles.ts';
import type { Deps } from '../deps.ts';
import { claimDigestDay, digestCounts, liveOperators, releaseDigestDay } from '../store/digest.ts';
import { DUE_SOON_DAYS } from './operator-list.ts';

let hourFormat: Intl.DateTimeFormat | undefined;
const brusselsHour = (at: Date): number =>
  Number(
    (hourFormat ??= new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      hour: '2-digit',
      hourCycle: 'h23',
    }))
      .formatToParts(at)
      .find((p) => p.type === 'hour')?.value ?? 0,
  );

/**
 * The daily e-mail to everyone who handles requests (issue 15, alerts): how many came in over the last day, how many
 * open ones are due within 7 days, how many are overdue. Counts only, and a link to the queue: no person's data
 * travels by e-mail. Sent once per Brussels day from `digestHour` on (one instance claims the day).
 */
export async function sendDigestIfDue(deps: Pick<Deps, 'db' | 'mailer' | 'config'>, now: Date): Promise<boolean> {
  if (brusselsHour(now) < deps.config.console.digestHour) return false;
  const today = brusselsDate(now);
  const recipients = (await liveOperators(deps.db)).filter((o) => canDo(o.roles, 'requests:read'));
  if (recipients.length === 0) return false;
  if (!(await claimDigestDay(deps.db, today, now))) return false;
  try {
    const counts = await digestCounts(
      deps.db,
      new Date(now.getTime() - 86_400_000),
      today,
      addDays(today, DUE_SOON_DAYS),
    );
    const queue = `${deps.config.publicUrl ?? ''}/console/#/queue`;
    for (const { email } of recipients) {
      await deps.mailer.send({
        to: email,
        subject: `Privacy requests on ${today}: ${counts.overdue} overdue, ${counts.dueSoon} due within ${DUE_SOON_DAYS} days`,
        text: `New in the last 24 hours: ${counts.received}\nDue within ${DUE_SOON_DAYS} days: ${counts.dueSoon}\nOverdue: ${counts.overdue}\n\nThe queue: ${queue}`,
      });
    }
  } catch (error) {
    // Not sent: the day is released so the next tick tries again.
    await releaseDigestDay(deps.db, today);
    throw error;
  }
  return true;
}

/** Checks hourly whether the day's digest is due. The timer is unref'd; `stop()` waits for a run in progress. */
export function scheduleDigest(
  deps: Pick<Deps, 'db' | 'mailer' | 'config' | 'now'>,
  log = (m: string) => console.error(m),
) {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = sendDigestIfDue(deps, deps.now())
      .catch((error: unknown) => log(`[digest] failed: ${(error as Error).message}`))
      .finally(() => (running = undefined));
  }, 3_600_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
