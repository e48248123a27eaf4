import type { Messages } from '../translate.ts';

// French (formal "vous"). GDPR terms as in the French text of the RGPD. Same keys and placeholders as en.ts.
// French typography: a no-break space before : ; ? ! and inside « ».

/** The French UI messages. */
export const fr: Messages = {
  // Panel and views
  'nav.label': 'Paramètres de confidentialité',
  'language.label': 'Langue',
  'nav.overview': 'Vue d’ensemble',
  'nav.notice': 'Déclaration de confidentialité',
  'nav.consents': 'Vos choix',
  'nav.requests': 'Vos demandes',
  'view.overview': 'Votre vie privée chez Twikit',
  'view.notice': 'Déclaration de confidentialité',
  'view.consents': 'Vos choix en matière de vie privée',
  'view.requests': 'Exercer vos droits sur vos données',
  'panel.loading': 'Chargement de la déclaration de confidentialité…',
  'panel.noticeUnavailable': 'La déclaration de confidentialité n’a pas pu être chargée.',
  'panel.retry': 'Réessayer',
  'panel.offline':
    'Vous êtes hors ligne — vous voyez ce que cet appareil a enregistré. Ce que vous modifiez est gardé ici et envoyé dès le retour de la connexion.',
  'panel.memoryOnly':
    'Cet appareil ne retiendra pas vos choix : votre navigateur ne permet pas aux paramètres de confidentialité d’enregistrer quoi que ce soit ici. Ils fonctionnent quand même, et vos décisions sont toujours envoyées à Twikit.',
  'panel.stale':
    'Le service de confidentialité est injoignable — affichage des données enregistrées sur cet appareil. Toute modification nécessite une connexion.',

  // Errors, one per ApiError kind; never the server's own text
  'error.offline': 'Pas de connexion au service de confidentialité. Vérifiez votre connexion et réessayez.',
  'error.timeout': 'Le service de confidentialité a mis trop de temps à répondre. Réessayez dans un instant.',
  'error.unauthenticated': 'Votre session a pris fin. Reconnectez-vous, puis réessayez.',
  'error.identity-required': 'Cette action nécessite une connexion à votre compte Twikit.',
  'error.not-found': 'Élément introuvable. Il a peut-être été supprimé ; rechargez la page pour voir l’état actuel.',
  'error.invalid-input': 'Certaines informations envoyées n’ont pas été acceptées. Vérifiez vos réponses et réessayez.',
  'error.rate-limited': 'Trop de tentatives en peu de temps. Patientez une minute, puis réessayez.',
  'error.conflict': 'Ceci a été modifié entre-temps. Rechargez la page pour voir l’état actuel, puis réessayez.',
  'error.server': 'Un problème est survenu de notre côté. Réessayez plus tard.',
  'error.invalid-response': 'Le service de confidentialité a envoyé une réponse illisible. Réessayez plus tard.',
  'error.consent.offline': 'Pas de connexion : votre choix n’a pas été enregistré. Réessayez une fois en ligne.',
  'error.consent.invalid-input':
    'Votre choix n’a pas été enregistré : le service de confidentialité l’a refusé. L’erreur vient de la façon dont cette page a configuré les paramètres de confidentialité, pas de votre choix. Réessayez plus tard ou écrivez à privacy@twikit.com.',
  'error.request.offline': 'Pas de connexion : votre demande n’a pas été envoyée ; votre saisie est conservée.',
  'error.request.identity-required': 'Pour introduire une demande, vous devez vous connecter à votre compte Twikit.',

  // First layer
  'first.keyPoints': 'L’essentiel',
  'first.biometric':
    'Les scans corporels réalisés dans TwikFit relèvent des catégories particulières de données : ils peuvent révéler des informations sur votre santé. Ils ne sont utilisés qu’avec votre consentement explicite, que TwikFit vous demande au moment du scan.',
  'first.residency':
    'Comme vous résidez dans la région « {residents} », vos données sont stockées par {provider} à l’emplacement suivant : {location}.',
  'first.residencyBoth':
    '{provider} stocke vos données : {eea} si vous résidez dans l’EEE, {usCa} si vous résidez aux États-Unis ou au Canada.',
  'first.controller': 'Responsable du traitement',
  'first.privacyContact': 'Contact vie privée :',
  'first.purposes': 'À quoi servent vos données',
  'first.sharingLine': '{title} : uniquement avec votre accord.',
  'first.rights': 'Vos droits',
  'first.rightsShort':
    'Vous pouvez accéder à vos données, les faire rectifier, effacer ou transférer, en faire limiter le traitement ou vous y opposer, retirer votre consentement à tout moment et introduire une réclamation auprès d’une autorité de protection des données.',
  'first.useRights': 'Exercer vos droits',
  'first.readNotice': 'Lire la déclaration de confidentialité complète',
  'first.choices': 'Votre choix',
  'first.choicesIntro':
    'Acceptez ou refusez en une fois toutes les utilisations facultatives de vos données. Vous pouvez modifier ce choix à tout moment dans « Vos choix ».',
  'first.acceptAll': 'Tout accepter',
  'first.rejectAll': 'Tout refuser',
  'first.scansSeparately':
    'Le consentement pour les scans corporels est toujours demandé séparément, au moment du scan.',
  'first.oneByOne': 'Choisir un par un',
  'first.oneQuestion':
    'Twikit ne partage vos données ({data}) avec des entreprises, organisations ou personnes extérieures à Twikit que si vous l’autorisez. Vous pouvez modifier ce choix à tout moment dans « Vos choix ».',
  'first.allowOne': 'Autoriser {purpose}',
  'first.denyOne': 'Ne pas autoriser',
  'first.unchanged': 'Rien n’a été modifié.',

  // Full notice
  'notice.versionLine': 'Version {version}, en vigueur à partir du {date}',
  'notice.controller': 'Responsable du traitement de vos données',
  'notice.dpo': 'Délégué à la protection des données :',
  'notice.processing': 'Quelles données à caractère personnel nous traitons et pourquoi',
  'notice.table.caption':
    'Données à caractère personnel traitées : comment elles sont obtenues, où et pourquoi, et sur quelle base juridique',
  'notice.table.dataType': 'Type de données à caractère personnel',
  'notice.table.what': 'Ce qu’elles comprennent',
  'notice.table.how': 'Comment nous les obtenons',
  'notice.table.apps': 'Applications Twikit',
  'notice.table.uses': 'Ce que nous en faisons',
  'notice.table.basis': 'Base juridique',
  'notice.table.openEnded': 'La déclaration les cite à titre d’exemples ; la liste n’est pas exhaustive.',
  'notice.table.specialCategory':
    'Catégorie particulière de données (santé) : traitées uniquement avec votre consentement explicite.',
  'notice.categories': 'Catégories de données',
  'notice.residency': 'Stockage et transfert de vos données',
  'notice.yourRegion': 'Vous concerne',
  'notice.retention': 'Durée de conservation des données',
  'notice.sharing': 'Partage des données',
  'notice.security': 'Sécurité des données',
  'notice.rights': 'Vos droits',
  'notice.withdrawal':
    'Vous pouvez retirer un consentement à tout moment. Le retrait n’affecte pas les traitements effectués auparavant.',
  'notice.complaint': 'Réclamations',
  'notice.phone': 'Téléphone :',
  'notice.fax': 'Fax :',
  'notice.newTab': '(s’ouvre dans un nouvel onglet)',
  'notice.complainElsewhere':
    'Vous pouvez aussi introduire une réclamation auprès de l’autorité de protection des données du pays de l’UE où vous résidez, où vous travaillez ou où vous estimez que vos droits ont été violés.',
  'notice.automated': 'Prise de décision automatisée',
  'notice.noAutomatedStatement': 'La déclaration ne dit rien de la prise de décision automatisée.',

  // Names of things
  'app.twikit_live': 'Twikit Live',
  'app.twikit_create': 'Twikit Create',
  'app.twikfit': 'TwikFit',
  'app.admin_portal': 'Portail d’administration',
  'basis.contract': 'Contrat',
  'basis.legitimate_interests': 'Intérêts légitimes',
  'basis.vital_interests': 'Sauvegarde des intérêts vitaux',
  'basis.legal_obligation': 'Obligation légale',
  'basis.consent': 'Consentement',
  'basis.explicit_consent': 'Consentement explicite',
  'purpose.biometric_scans': 'les scans corporels',
  'purpose.third_party_sharing': 'le partage avec des tiers',
  'purpose.telemetry': 'la télémétrie',

  // Consents
  // Receipts (R34)
  'receipts.show': 'Afficher mes choix',
  'receipts.print': 'Reçu imprimable',
  'consent.legend': 'Consentements : désactivés tant que vous ne les activez pas',
  'consent.on': 'Activé',
  'consent.off': 'Désactivé',
  'consent.notSent': 'Pas encore envoyé',
  'consent.dataTypes': 'Données utilisées : {types}.',
  'consent.controller': 'Responsable du traitement : {controller}.',
  'consent.withdrawAnyTime': 'Vous pouvez retirer votre consentement à tout moment.',
  'consent.gpcHonoured':
    'Signal Global Privacy Control respecté : le partage avec des tiers est désactivé et vous vous opposez à la télémétrie.',
  'consent.gpcConflicts': 'Avec Global Privacy Control, le partage n’est actif que si vous le confirmez.',
  'announce.given': 'Consentement donné pour {purpose} — enregistré le {time}',
  'announce.renewed': 'Consentement renouvelé pour {purpose} — enregistré le {time}',
  'announce.refused': 'Consentement refusé pour {purpose} — enregistré le {time}',
  'announce.withdrawn': 'Consentement retiré pour {purpose} — enregistré le {time}',
  'announce.objected': 'Opposition concernant {purpose} enregistrée le {time}',
  'announce.objection-withdrawn': 'Retrait de l’opposition concernant {purpose} — enregistré le {time}',
  'announce.expired': 'Consentement pour {purpose} expiré',
  'announce.queued':
    'Votre choix pour {purpose} est enregistré sur cet appareil et sera consigné dès le retour de la connexion.',
  'announce.queuedBusy':
    'Votre choix pour {purpose} est enregistré sur cet appareil. Le service de confidentialité est surchargé (trop de demandes) ; il sera consigné automatiquement dans quelques minutes.',
  'objection.basis':
    'Base juridique : {basis}. Ce traitement ne repose pas sur votre consentement, mais vous avez le droit de vous y opposer.',
  'objection.active': 'Vous vous y opposez. Le traitement cesse, sauf motifs légitimes et impérieux.',
  'objection.inactive': 'Aucune opposition de votre part.',
  'objection.object': 'M’opposer',
  'objection.withdraw': 'Retirer mon opposition',

  // Just-in-time body-scan step
  'jit.title': 'Avant le scan : votre consentement explicite',
  'jit.special':
    'Un scan 3D de votre corps relève des catégories particulières de données, car il peut révéler des informations sur votre santé.',
  'jit.use':
    'Twikit l’utilise uniquement pour créer un design dans TwikFit, ou pour recréer un design à partir d’un scan antérieur.',
  'jit.explicit': 'Nous ne le traitons qu’avec votre consentement explicite.',
  'jit.withdraw':
    'Vous pouvez retirer votre consentement à tout moment dans « Vos choix » ; cela n’affecte pas les traitements effectués avant le retrait.',
  'jit.declined':
    'Si vous ne consentez pas, aucun scan n’est effectué et aucun design ne peut être créé à partir d’un scan ; tout le reste continue de fonctionner.',
  'jit.statement': 'Je consens explicitement à ce que Twikit traite mon scan corporel 3D pour créer mon design.',
  'jit.consent': 'J’y consens',
  'jit.notNow': 'Pas maintenant',
  'jit.age': 'Vous confirmez avoir 13 ans ou plus.',
  'jit.under13': 'J’ai moins de 13 ans',
  'jit.child': 'Avant 13 ans, un parent ou tuteur doit décider.',

  // Request form
  'request.formTitle': 'Introduire une demande',
  'request.intro':
    'Votre connexion suffit à prouver votre identité. Les demandes sont gratuites et nous y répondons dans un délai d’un mois.',
  'request.field.type': 'Que souhaitez-vous demander ?',
  'request.choose': 'Choisissez…',
  'request.optional': '(facultatif)',
  'request.hint.max': '{max} caractères au maximum.',
  'request.type.access': 'Une copie de vos données',
  'request.type.rectification': 'Rectifier vos données',
  'request.type.erasure': 'Effacer vos données',
  'request.type.restriction': 'Limiter l’utilisation de vos données',
  'request.type.portability': 'Transférer vos données ailleurs',
  'request.type.objection': 'Vous opposer à l’utilisation de vos données',
  'request.type.account_deletion': 'Supprimer votre compte',
  'request.typeHint.access':
    'Vous recevez les données que Twikit détient à votre sujet, issues de tous ses systèmes et des deux régions, avec l’usage qui en est fait.',
  'request.typeHint.rectification':
    'Indiquez ce qui est inexact et la formulation correcte. Vous pouvez ajouter une déclaration complémentaire.',
  'request.typeHint.erasure': 'Twikit efface vos données, sauf celles que la loi l’oblige à conserver.',
  'request.typeHint.restriction':
    'Tant que la question n’est pas réglée, Twikit se contente de conserver vos données, sans les utiliser autrement.',
  'request.typeHint.portability':
    'Vous recevez les données que vous avez fournies à Twikit dans un fichier lisible par machine, pour les transférer à un autre service.',
  'request.typeHint.objection':
    'Opposez-vous au traitement fondé sur les intérêts légitimes de Twikit, ou à la prospection commerciale.',
  'request.typeHint.account_deletion': 'Votre compte Twikit et ses données sont supprimés dans les deux régions.',
  'request.field.format': 'Format de fichier',
  'request.option.json': 'JSON',
  'request.option.csv': 'CSV (tableur)',
  'request.field.field': 'Qu’est-ce qui est inexact ?',
  'request.option.name': 'Votre nom',
  'request.option.email': 'Votre adresse e-mail',
  'request.option.other': 'Autre chose',
  'request.field.correction': 'Les informations exactes',
  'request.field.statement': 'Une déclaration complémentaire à joindre à vos données',
  'request.field.erasureScope': 'Que faut-il effacer ?',
  'request.option.all': 'Toutes mes données',
  'request.option.specific': 'Une partie seulement de mes données',
  'request.field.erasureDetails': 'Quelles données faut-il effacer ?',
  'request.field.erasureGround': 'Pourquoi ?',
  'request.option.no-longer-necessary': 'Elles ne sont plus nécessaires',
  'request.option.consent-withdrawn': 'J’ai retiré mon consentement',
  'request.option.objection': 'J’ai fait opposition à leur utilisation',
  'request.option.unlawful': 'Elles ont fait l’objet d’un traitement illicite',
  'request.option.legal-obligation': 'La loi impose leur effacement',
  'request.field.restrictionGround': 'Pourquoi faut-il limiter l’utilisation ?',
  'request.option.accuracy-contested': 'Les données sont inexactes',
  'request.option.unlawful-processing': 'Le traitement est illicite, mais je ne souhaite pas leur effacement',
  'request.option.needed-for-legal-claims': 'J’ai besoin des données pour faire valoir un droit en justice',
  'request.option.objection-pending': 'J’ai fait opposition et j’attends la réponse',
  'request.field.restrictionDetails': 'Précisions',
  'request.field.objectionScope': 'À quoi vous opposez-vous ?',
  'request.option.legitimate-interest': 'Traitement fondé sur les intérêts légitimes de Twikit',
  'request.option.direct-marketing': 'Prospection commerciale',
  'request.field.processing': 'Quel traitement ?',
  'request.option.account': 'Données de compte',
  'request.option.telemetry': 'Télémétrie',
  'request.option.support': 'Données d’assistance',
  'request.field.grounds': 'Pour quelles raisons tenant à votre situation particulière ?',
  'request.field.message': 'Souhaitez-vous ajouter autre chose ?',
  'request.field.confirmErasure': 'Je comprends que les données effacées ne pourront pas être récupérées.',
  'request.field.confirmDeletion':
    'Je comprends que mon compte et ses données seront supprimés et ne pourront pas être récupérés.',
  'request.required.format': 'Choisissez un format de fichier.',
  'request.required.field': 'Indiquez ce qui est inexact.',
  'request.required.correction':
    'Saisissez les informations exactes, ou indiquez ce qui est inexact et la formulation correcte.',
  'request.required.erasureScope': 'Indiquez s’il faut effacer toutes vos données ou seulement une partie.',
  'request.required.erasureDetails': 'Indiquez quelles données doivent être effacées.',
  'request.required.restrictionGround': 'Indiquez pourquoi l’utilisation doit être limitée.',
  'request.required.objectionScope': 'Indiquez à quoi vous vous opposez.',
  'request.required.grounds': 'Indiquez les raisons de votre opposition tenant à votre situation particulière.',
  'request.problem.enter': 'Saisissez une réponse.',
  'request.problem.choose': 'Choisissez l’une des options.',
  'request.problem.tooLong': 'Raccourcissez à {max} caractères au maximum (actuellement {count}).',
  'request.problem.confirm': 'Cochez la case pour confirmer.',
  'request.problem.invalid': 'Cette réponse n’a pas été acceptée. Vérifiez-la et réessayez.',
  'request.summary': 'Il y a un problème',
  'request.send': 'Envoyer la demande',
  'request.reviewButton': 'Vérifier et confirmer',
  'request.sending': 'Envoi en cours…',
  'request.filed': 'Demande reçue : {type}. Réponse au plus tard le {date}.',
  'request.queued': 'Demande enregistrée sur cet appareil : {type}. Elle sera envoyée dès le retour de la connexion.',
  'request.review.title': 'Vérifiez avant d’envoyer',
  'request.review.erasureAll':
    'Twikit effacera toutes les données à caractère personnel qu’elle détient à votre sujet, dans les deux régions, et en informera les entreprises qui les traitent pour son compte.',
  'request.review.erasureSpecific':
    'Twikit effacera ces données, dans les deux régions, et en informera les entreprises qui les traitent pour son compte :',
  'request.review.deletion':
    'Votre compte Twikit sera supprimé, avec ses données dans les deux régions. Votre session sera fermée et vous ne pourrez plus vous connecter avec ce compte.',
  'request.review.kept':
    'Les données que la loi oblige Twikit à conserver sont conservées ; nous vous indiquerons lesquelles, sur quel fondement et jusqu’à quand.',
  'request.review.final': 'Les données effacées ne peuvent pas être récupérées.',
  'request.review.sendErasure': 'Envoyer la demande d’effacement',
  'request.review.sendDeletion': 'Supprimer mon compte',
  'request.review.back': 'Retour au formulaire',

  // Request list
  'requests.title': 'Vos demandes',
  'requests.loading': 'Chargement de vos demandes…',
  'requests.none': 'Vous n’avez introduit aucune demande.',
  'requests.status': 'Statut :',
  'request.status.received': 'Reçue',
  'request.status.verifying': 'Vérification de votre identité',
  'request.status.in_progress': 'En cours de traitement',
  'request.status.extended': 'Délai prolongé',
  'request.status.completed': 'Traitée',
  'request.status.rejected': 'Refusée',
  'request.status.cancelled': 'Annulée',
  'request.status.queued': 'Pas encore envoyée',
  'requests.received': 'Reçue le {date}',
  'requests.dueBy': 'Réponse au plus tard le {date}',
  'requests.extended': 'Le délai a été prolongé (échéance initiale : {original}). Motif : {reason}',
  'requests.rejectedReason': 'Motif du refus : {reason}',
  'requests.rejectedRights':
    'Vous pouvez introduire une réclamation auprès d’une autorité de protection des données ou former un recours en justice.',
  'requests.erased': 'Données effacées : {what}.',
  'requests.kept': 'Données conservées, car la loi l’exige :',
  'requests.keptItem': '{what} — {ground}, jusqu’au {until}',
  'requests.cancel': 'Annuler la demande',
  'requests.reference': 'Référence {ref}',
  'requests.asked': 'Votre demande : {summary}',
  'requests.ended.completed': 'Traitée le {date}',
  'requests.ended.rejected': 'Refusée le {date}',
  'requests.ended.cancelled': 'Annulée le {date}',
  'requests.cancelConfirm':
    'Annuler cette demande ? Twikit cessera de la traiter. Vous pouvez faire une nouvelle demande à tout moment.',
  'requests.cancelYes': 'Oui, annuler la demande',
  'requests.cancelNo': 'Garder la demande',
  'requests.visitor.why':
    'Vous n’êtes pas connecté ici à un compte Twikit : Twikit ne peut donc pas savoir quelles données sont les vôtres. Pour faire une demande :',
  'requests.visitor.signIn':
    'connectez-vous à votre compte Twikit dans l’application Twikit que vous utilisez, puis ouvrez « Vos demandes » ;',
  'requests.visitor.write': 'ou écrivez à {email} en précisant ce que vous demandez.',
  'request.free': 'Les demandes sont gratuites et nous répondons dans un délai d’un mois.',
  'requests.download.json': 'Télécharger en JSON',
  'requests.download.csv': 'Télécharger en CSV',
  'gpcConfirm.title': 'Partager malgré Global Privacy Control ?',
};
