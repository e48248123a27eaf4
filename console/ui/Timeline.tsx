import type { RequestEvent } from '../../shared/contract/requests.ts';
import type { MessageKey } from '../../shared/i18n/translate.ts';
import { useConsole } from './ConsoleContext.ts';

/** The request's steps, oldest first, each with who and when (R51). */
export function Timeline({ events }: { events: readonly RequestEvent[] }) {
  const { t, s, locale } = useConsole();
  return (
    <ol class="timeline">
      {events.map((event) => (
        <li key={`${event.at}-${event.to}`}>
          {t('request.event', {
            to: s(`request.status.${event.to}` as MessageKey),
            actor: event.actorId ?? event.actor,
            at: new Date(event.at).toLocaleString(locale, { timeZone: 'Europe/Brussels' }),
          })}
          {event.reason && <p class="hint">{t('request.eventReason', { reason: event.reason })}</p>}
        </li>
      ))}
    </ol>
  );
}
