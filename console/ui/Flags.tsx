import type { QueueFlags } from '../../shared/contract/requests.ts';
import { useConsole } from './ConsoleContext.ts';

/** A request's deadline marks, as words (never colour alone). */
export function Flags({ flags }: { flags: QueueFlags }) {
  const { t } = useConsole();
  return (
    <>
      {flags.overdue && <span class="flag overdue">{t('queue.flag.overdue')}</span>}
      {flags.dueSoon && !flags.overdue && <span class="flag soon">{t('queue.flag.dueSoon')}</span>}
      {flags.waitingOnSystem && <span class="flag">{t('queue.flag.waiting')}</span>}
    </>
  );
}
