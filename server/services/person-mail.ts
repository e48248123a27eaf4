import type { Locale } from '../../shared/contract/common.ts';
import type { RightsRequest } from '../../shared/contract/requests.ts';
import type { Sql } from '../db/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import { subjectForJobs } from '../store/jobs.ts';

/** The moments the person is told about their request by e-mail (Art. 12(3), (4)). */
export type RequestNews = 'received' | 'extended' | 'rejected' | 'completed' | 'lifted';

interface Texts {
  subject: Record<RequestNews, string>;
  received: (due: string) => string;
  extended: (due: string, reason: string) => string;
  rejected: (reason: string) => string;
  completed: string;
  lifted: (reason: string) => string;
  systems: string;
  /** Where the person sees the request and its export (PRIVACY_CENTER_URL), and how to get to it. */
  link: (url: string) => string;
  /** Without PRIVACY_CENTER_URL: how to find "Your requests" in the app. */
  noLink: string;
  rights: string;
}

// Written per language, not translated word for word; the rights paragraph names the Belgian authority (R40).
const TEXTS: Record<Locale, Texts> = {
  en: {
    subject: {
      received: 'We received your privacy request',
      extended: 'Your privacy request needs more time',
      rejected: 'We cannot carry out your privacy request',
      completed: 'Your privacy request is done',
      lifted: 'The restriction of your data is being lifted',
    },
    received: (due) => `We received your request and will answer by ${due} at the latest.`,
    extended: (due, reason) => `We need more time for your request: ${reason}\nWe will answer by ${due}.`,
    rejected: (reason) => `We cannot carry out your request, for this reason: ${reason}`,
    completed: 'Your request has been carried out.',
    lifted: (reason) =>
      `We are lifting the restriction you asked for: from now on, your data may be processed again as before. The reason: ${reason}`,
    systems: 'Who was asked and what each did:',
    link: (url) =>
      `See your request, and its export if it has one: open ${url}, sign in if asked, open the privacy controls and choose “Your requests”.`,
    noLink:
      'See your request, and its export if it has one: open the privacy controls in the Twikit app you use and choose “Your requests”.',
    rights:
      'If you disagree, you may complain to the Belgian Data Protection Authority (Gegevensbeschermingsautoriteit / Autorité de protection des données, Rue de la Presse 35, 1000 Brussels, www.dataprotectionauthority.be) and you may go to court.',
  },
  nl: {
    subject: {
      received: 'We hebben je privacyverzoek ontvangen',
      extended: 'Je privacyverzoek vraagt meer tijd',
      rejected: 'We kunnen je privacyverzoek niet uitvoeren',
      completed: 'Je privacyverzoek is afgehandeld',
      lifted: 'De beperking van je gegevens wordt opgeheven',
    },
    received: (due) => `We hebben je verzoek ontvangen en antwoorden uiterlijk op ${due}.`,
    extended: (due, reason) =>
      `We hebben meer tijd nodig voor je verzoek: ${reason}\nJe krijgt antwoord uiterlijk op ${due}.`,
    rejected: (reason) => `We kunnen je verzoek niet uitvoeren, om deze reden: ${reason}`,
    completed: 'Je verzoek is uitgevoerd.',
    lifted: (reason) =>
      `We heffen de beperking op waar je om vroeg: vanaf nu mogen je gegevens weer verwerkt worden zoals voordien. De reden: ${reason}`,
    systems: 'Wie we hebben gevraagd en wat elk deed:',
    link: (url) =>
      `Je verzoek, en de export als die er is, vind je zo: open ${url}, meld je aan als dat gevraagd wordt, open de privacy-instellingen en kies „Uw verzoeken”.`,
    noLink:
      'Je verzoek, en de export als die er is, vind je in de privacy-instellingen van de Twikit-app die je gebruikt, onder „Uw verzoeken”.',
    rights:
      'Ben je het er niet mee eens, dan kun je klacht indienen bij de Gegevensbeschermingsautoriteit (Drukpersstraat 35, 1000 Brussel, www.gegevensbeschermingsautoriteit.be) en naar de rechter stappen.',
  },
  fr: {
    subject: {
      received: 'Nous avons bien reçu votre demande',
      extended: 'Votre demande nous prend plus de temps',
      rejected: 'Nous ne pouvons pas donner suite à votre demande',
      completed: 'Votre demande a été traitée',
      lifted: 'La limitation de vos données va être levée',
    },
    received: (due) => `Nous avons bien reçu votre demande et y répondrons au plus tard le ${due}.`,
    extended: (due, reason) =>
      `Nous avons besoin de plus de temps pour votre demande : ${reason}\nNous répondrons au plus tard le ${due}.`,
    rejected: (reason) => `Nous ne pouvons pas donner suite à votre demande, pour la raison suivante : ${reason}`,
    completed: 'Votre demande a été exécutée.',
    lifted: (reason) =>
      `Nous levons la limitation que vous aviez demandée : vos données pourront de nouveau être traitées comme auparavant. Motif : ${reason}`,
    systems: 'Qui a été sollicité et ce que chacun a fait :',
    link: (url) =>
      `Pour consulter votre demande, et son export le cas échéant : ouvrez ${url}, connectez-vous si on vous le demande, ouvrez les paramètres de confidentialité et choisissez « Vos demandes ».`,
    noLink:
      'Votre demande, et son export le cas échéant, se trouvent dans les paramètres de confidentialité de l’application Twikit que vous utilisez, sous « Vos demandes ».',
    rights:
      "Si vous n'êtes pas d'accord, vous pouvez introduire une plainte auprès de l'Autorité de protection des données (rue de la Presse 35, 1000 Bruxelles, www.autoriteprotectiondonnees.be) et saisir la justice.",
  },
  de: {
    subject: {
      received: 'Wir haben Ihre Datenschutzanfrage erhalten',
      extended: 'Ihre Datenschutzanfrage braucht mehr Zeit',
      rejected: 'Wir können Ihre Datenschutzanfrage nicht ausführen',
      completed: 'Ihre Datenschutzanfrage ist erledigt',
      lifted: 'Die Einschränkung Ihrer Daten wird aufgehoben',
    },
    received: (due) => `Wir haben Ihre Anfrage erhalten und antworten spätestens am ${due}.`,
    extended: (due, reason) =>
      `Wir brauchen mehr Zeit für Ihre Anfrage: ${reason}\nSie erhalten spätestens am ${due} eine Antwort.`,
    rejected: (reason) => `Wir können Ihre Anfrage aus folgendem Grund nicht ausführen: ${reason}`,
    completed: 'Ihre Anfrage wurde ausgeführt.',
    lifted: (reason) =>
      `Wir heben die von Ihnen verlangte Einschränkung auf: Ihre Daten dürfen ab jetzt wieder wie zuvor verarbeitet werden. Der Grund: ${reason}`,
    systems: 'Wen wir gefragt haben und was jeweils geschah:',
    link: (url) =>
      `So finden Sie Ihre Anfrage und gegebenenfalls ihren Export: Öffnen Sie ${url}, melden Sie sich an, falls verlangt, öffnen Sie die Datenschutzeinstellungen und wählen Sie „Ihre Anträge“.`,
    noLink:
      'Ihre Anfrage und gegebenenfalls ihren Export finden Sie in den Datenschutzeinstellungen der Twikit-App, die Sie nutzen, unter „Ihre Anträge“.',
    rights:
      'Wenn Sie nicht einverstanden sind, können Sie sich bei der belgischen Datenschutzbehörde beschweren (Autorité de protection des données, Rue de la Presse 35, 1000 Brüssel, www.dataprotectionauthority.be) und den Rechtsweg beschreiten.',
  },
};

/** The e-mail about one moment of the request, in the language the person filed it in. */
export function requestMail(
  request: RightsRequest,
  news: RequestNews,
  privacyCenterUrl: string | undefined,
): { subject: string; text: string } {
  const t = TEXTS[request.input.locale as Locale] ?? TEXTS.en;
  const reason = request.statusReason ?? '';
  const lines: string[] = [];
  if (news === 'received') lines.push(t.received(request.dueAt));
  if (news === 'extended') lines.push(t.extended(request.dueAt, request.extensionReason ?? reason));
  if (news === 'rejected') lines.push(t.rejected(reason), '', t.rights);
  if (news === 'lifted') lines.push(t.lifted(reason), '', t.rights);
  if (news === 'completed') {
    lines.push(t.completed);
    if (request.systems?.length) {
      lines.push(
        '',
        t.systems,
        ...request.systems.map((s) => `- ${s.name}: ${s.state}${s.reason ? ` (${s.reason})` : ''}`),
      );
    }
    // The API's own URL needs a bearer token no mail carries: the person is sent where they see their requests.
    lines.push('', privacyCenterUrl ? t.link(privacyCenterUrl) : t.noLink, '', t.rights);
  }
  return { subject: t.subject[news], text: lines.join('\n') };
}

/**
 * Tells the person, after the change was committed. A mail that cannot be sent is logged, not retried: the
 * request itself, with its status and systems, stays readable in the widget and the extension.
 */
export async function tellPerson(
  sql: Sql,
  mailer: Mailer,
  userId: string,
  request: RightsRequest,
  news: RequestNews,
  privacyCenterUrl: string | undefined,
): Promise<void> {
  try {
    await mailPerson(sql, mailer, userId, request, news, privacyCenterUrl);
  } catch (error) {
    console.error(`[mail] request ${request.id} (${news}) not mailed: ${(error as Error).message}`);
  }
}

/** Mails the person and throws when it cannot (no address, the mailer failed): for news that must reach them first. */
export async function mailPerson(
  sql: Sql,
  mailer: Mailer,
  userId: string,
  request: RightsRequest,
  news: RequestNews,
  privacyCenterUrl: string | undefined,
): Promise<string> {
  const email = (await subjectForJobs(sql, userId))?.email;
  if (!email) throw new Error('the person has no e-mail address on file');
  await mailer.send({ to: email, ...requestMail(request, news, privacyCenterUrl) });
  return email;
}

/** What a status change tells the person, if anything. */
export const newsOf = (status: RightsRequest['status']): RequestNews | undefined =>
  status === 'extended' || status === 'rejected' || status === 'completed' ? status : undefined;
