import type * as z from 'zod/mini';
import type { AdminRequestView as ViewSchema } from '../../shared/contract/requests.ts';
import type { Deps } from '../deps.ts';

type AdminRequestView = z.infer<typeof ViewSchema>;

/**
 * Tells the person, by e-mail, that their request's deadline moved or that it was refused, with the reason
 * (Art. 12(3) and 12(4), R39, R40). Their request page says the same; a person with no address on file reads
 * it there. Sent after the change is committed; a mail that fails is logged, the change stands.
 */
export async function tellPerson(deps: Pick<Deps, 'mailer'>, view: AdminRequestView): Promise<void> {
  const { request, subject } = view;
  if (!subject.email) return;
  const mail =
    request.status === 'extended'
      ? {
          subject: 'Your privacy request: we need more time',
          text: `We need more time to answer your ${request.type} request of ${request.receivedAt.slice(0, 10)}. We will answer by ${request.dueAt}.\n\nWhy: ${request.extensionReason ?? ''}`,
        }
      : {
          subject: 'Your privacy request was refused',
          text: `We cannot act on your ${request.type} request of ${request.receivedAt.slice(0, 10)}.\n\n${request.statusReason ?? ''}`,
        };
  try {
    await deps.mailer.send({ to: subject.email, ...mail });
  } catch (error) {
    console.error(`[mail] could not tell the person about request ${request.id}:`, error);
  }
}
