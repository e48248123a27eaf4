import type { Messages } from '../translate.ts';

// German (formal "Sie"). GDPR terms as in the German text of the DSGVO. Same keys and placeholders as en.ts.

/** The German UI messages. */
export const de: Messages = {
  // Panel and views
  'nav.label': 'Datenschutzeinstellungen',
  'language.label': 'Sprache',
  'nav.overview': 'Übersicht',
  'nav.notice': 'Datenschutzerklärung',
  'nav.consents': 'Ihre Entscheidungen',
  'nav.requests': 'Ihre Anträge',
  'view.overview': 'Ihre Privatsphäre bei Twikit',
  'view.notice': 'Datenschutzerklärung',
  'view.consents': 'Ihre Entscheidungen zum Datenschutz',
  'view.requests': 'Ihre Datenschutzrechte ausüben',
  'panel.loading': 'Die Datenschutzerklärung wird geladen…',
  'panel.noticeUnavailable': 'Die Datenschutzerklärung konnte nicht geladen werden.',
  'panel.retry': 'Erneut versuchen',
  'panel.offline':
    'Sie sind offline — Sie sehen, was dieses Gerät gespeichert hat. Was Sie ändern, wird hier aufbewahrt und gesendet, sobald die Verbindung wieder da ist.',
  'panel.memoryOnly':
    'Dieses Gerät merkt sich Ihre Entscheidungen nicht: Ihr Browser lässt die Datenschutzeinstellungen hier nichts speichern. Sie funktionieren trotzdem, und Ihre Entscheidungen werden weiterhin an Twikit gesendet.',
  'panel.stale':
    'Der Datenschutzdienst war nicht erreichbar – angezeigt wird, was dieses Gerät gespeichert hat. Für Änderungen ist eine Verbindung nötig.',

  // Errors, one per ApiError kind; never the server's own text
  'error.offline': 'Keine Verbindung zum Datenschutzdienst. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.timeout': 'Der Datenschutzdienst hat zu lange nicht geantwortet. Versuchen Sie es gleich noch einmal.',
  'error.unauthenticated': 'Ihre Sitzung ist beendet. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
  'error.identity-required': 'Dafür müssen Sie bei Ihrem Twikit-Konto angemeldet sein.',
  'error.not-found':
    'Das wurde nicht gefunden. Möglicherweise wurde es entfernt; laden Sie neu, um den aktuellen Stand zu sehen.',
  'error.invalid-input':
    'Ein Teil der gesendeten Angaben wurde nicht akzeptiert. Prüfen Sie Ihre Antworten und versuchen Sie es erneut.',
  'error.rate-limited': 'Zu viele Versuche in kurzer Zeit. Warten Sie eine Minute und versuchen Sie es dann erneut.',
  'error.conflict':
    'Das hat sich inzwischen geändert. Laden Sie neu, um den aktuellen Stand zu sehen, und versuchen Sie es dann erneut.',
  'error.server': 'Bei uns ist ein Fehler aufgetreten. Versuchen Sie es später erneut.',
  'error.invalid-response':
    'Der Datenschutzdienst hat eine Antwort gesendet, die wir nicht lesen konnten. Versuchen Sie es später erneut.',
  'error.consent.offline':
    'Keine Verbindung: Ihre Entscheidung wurde nicht gespeichert. Versuchen Sie es erneut, sobald Sie online sind.',
  'error.consent.invalid-input':
    'Ihre Entscheidung wurde nicht gespeichert: Der Datenschutzdienst hat sie abgelehnt. Der Fehler liegt darin, wie diese Seite die Datenschutz-Einstellungen eingerichtet hat, nicht in Ihrer Entscheidung. Versuchen Sie es später erneut oder schreiben Sie an privacy@twikit.com.',
  'error.request.offline': 'Keine Verbindung: Ihr Antrag wurde nicht gesendet; Ihre Eingaben bleiben erhalten.',
  'error.request.identity-required': 'Um einen Antrag zu stellen, müssen Sie bei Ihrem Twikit-Konto angemeldet sein.',

  // First layer
  'first.keyPoints': 'Das Wichtigste',
  'first.biometric':
    'Körperscans in TwikFit gehören zu den besonderen Kategorien personenbezogener Daten, weil sie Rückschlüsse auf Ihre Gesundheit zulassen können. Sie werden nur mit Ihrer ausdrücklichen Einwilligung verwendet, die TwikFit beim Scannen einholt.',
  'first.residency':
    'Da Sie in der Region {residents} wohnen, werden Ihre Daten von {provider} in {location} gespeichert.',
  'first.residencyBoth':
    'Ihre Daten werden von {provider} gespeichert, je nachdem, wo Sie wohnen – {eeaResidents}: {eea}; {usCaResidents}: {usCa}.',
  'first.controller': 'Wer verantwortlich ist',
  'first.privacyContact': 'Kontakt für Datenschutzfragen:',
  'first.purposes': 'Wofür Ihre Daten verwendet werden',
  'first.sharingLine': '{title}: nur, wenn Sie zustimmen.',
  'first.rights': 'Ihre Rechte',
  'first.rightsShort':
    'Sie können Auskunft über Ihre Daten erhalten, sie berichtigen, löschen oder übertragen lassen, ihre Verarbeitung einschränken lassen oder ihr widersprechen, Ihre Einwilligung jederzeit widerrufen und sich bei einer Aufsichtsbehörde beschweren.',
  'first.useRights': 'Ihre Rechte ausüben',
  'first.readNotice': 'Vollständige Datenschutzerklärung lesen',
  'first.choices': 'Ihre Entscheidung',
  'first.choicesIntro':
    'Sie können alle optionalen Verwendungen Ihrer Daten auf einmal akzeptieren oder ablehnen. Das können Sie jederzeit unter „Ihre Entscheidungen“ ändern.',
  'first.acceptAll': 'Alle akzeptieren',
  'first.rejectAll': 'Alle ablehnen',
  'first.scansSeparately': 'Für Körperscans wird die Einwilligung immer gesondert eingeholt, und zwar beim Scannen.',
  'first.oneByOne': 'Einzeln auswählen',
  'first.oneQuestion':
    'Twikit gibt Ihre Daten ({data}) nur mit Ihrer Erlaubnis an Unternehmen, Organisationen oder Personen außerhalb von Twikit weiter. Das können Sie jederzeit unter „Ihre Entscheidungen“ ändern.',
  'first.and': 'und',
  'first.allowOne': '{purpose} erlauben',
  'first.denyOne': 'Nicht erlauben',
  'first.unchanged': 'Es wurde nichts geändert.',

  // Full notice
  'notice.versionLine': 'Version {version}, gültig ab {date}',
  'notice.translationNote': 'Dies ist eine Übersetzung; maßgeblich ist der englische Text.',
  'notice.controller': 'Wer für Ihre Daten verantwortlich ist',
  'notice.dpo': 'Datenschutzbeauftragter:',
  'notice.processing': 'Welche personenbezogenen Daten wir verarbeiten und warum',
  'notice.table.caption':
    'Verarbeitete personenbezogene Daten: wie wir sie erhalten, wo und wofür, und auf welcher Rechtsgrundlage',
  'notice.table.dataType': 'Art der personenbezogenen Daten',
  'notice.table.what': 'Was dazu gehört',
  'notice.table.how': 'Wie wir sie erhalten',
  'notice.table.apps': 'Twikit-Anwendungen',
  'notice.table.uses': 'Wofür wir sie verwenden',
  'notice.table.basis': 'Rechtsgrundlage',
  'notice.table.openEnded': 'Die Datenschutzerklärung nennt diese als Beispiele; die Liste ist nicht abschließend.',
  'notice.table.specialCategory':
    'Besondere Kategorie personenbezogener Daten (Gesundheit): Verarbeitung nur mit Ihrer ausdrücklichen Einwilligung.',
  'notice.categories': 'Datenkategorien',
  'notice.residency': 'Speicherung und Übermittlung Ihrer Daten',
  'notice.yourRegion': 'Gilt für Sie',
  'notice.retention': 'Wie lange wir Daten aufbewahren',
  'notice.sharing': 'Wie wir Daten weitergeben',
  'notice.security': 'Datensicherheit',
  'notice.rights': 'Ihre Rechte',
  'notice.withdrawal':
    'Sie können eine Einwilligung jederzeit widerrufen. Der Widerruf berührt nicht die Verarbeitung, die bis dahin erfolgt ist.',
  'notice.complaint': 'Beschwerden',
  'notice.phone': 'Telefon:',
  'notice.fax': 'Fax:',
  'notice.newTab': '(öffnet in einem neuen Tab)',
  'notice.complainElsewhere':
    'Sie können sich auch bei der Aufsichtsbehörde des EU-Landes beschweren, in dem Sie wohnen oder arbeiten oder in dem Ihre Rechte Ihrer Ansicht nach verletzt wurden.',
  'notice.automated': 'Automatisierte Entscheidungsfindung',
  'notice.noAutomatedStatement':
    'Die Datenschutzerklärung enthält keine Angaben zu automatisierter Entscheidungsfindung.',

  // Names of things
  'app.twikit_live': 'Twikit Live',
  'app.twikit_create': 'Twikit Create',
  'app.twikfit': 'TwikFit',
  'app.admin_portal': 'Admin-Portal',
  'basis.contract': 'Vertrag',
  'basis.legitimate_interests': 'Berechtigte Interessen',
  'basis.vital_interests': 'Schutz lebenswichtiger Interessen',
  'basis.legal_obligation': 'Rechtliche Verpflichtung',
  'basis.consent': 'Einwilligung',
  'basis.explicit_consent': 'Ausdrückliche Einwilligung',

  // Consents
  // Receipts (R34)
  'receipts.show': 'Meine Entscheidungen anzeigen',
  'receipts.print': 'Druckbarer Beleg',
  'consent.legend': 'Einwilligungen: aus, bis Sie sie einschalten',
  'consent.on': 'Ein',
  'consent.off': 'Aus',
  'consent.notSent': 'Noch nicht gesendet',
  'consent.dataTypes': 'Verwendete Daten: {types}.',
  'consent.controller': 'Verantwortlicher: {controller}.',
  'consent.withdrawAnyTime': 'Sie können Ihre Einwilligung jederzeit widerrufen.',
  'consent.gpcHonoured':
    'Global Privacy Control wird berücksichtigt: Die Weitergabe an Dritte ist ausgeschaltet und Sie widersprechen der Telemetrie.',
  'consent.gpcConflicts': 'Mit Global Privacy Control ist die Weitergabe nur nach Ihrer Bestätigung an.',
  'announce.given': 'Einwilligung für {purpose} erteilt – erfasst am {time}',
  'announce.renewed': 'Einwilligung für {purpose} erneuert – erfasst am {time}',
  'announce.refused': 'Einwilligung für {purpose} verweigert – erfasst am {time}',
  'announce.withdrawn': 'Einwilligung für {purpose} widerrufen – erfasst am {time}',
  'announce.objected': 'Widerspruch gegen {purpose} erfasst am {time}',
  'announce.objection-withdrawn': 'Widerspruch gegen {purpose} zurückgenommen – erfasst am {time}',
  'announce.expired': 'Einwilligung für {purpose} abgelaufen',
  'announce.queued':
    'Ihre Entscheidung zu {purpose} ist auf diesem Gerät gespeichert und wird erfasst, sobald die Verbindung wieder da ist.',
  'announce.queuedBusy':
    'Ihre Entscheidung zu {purpose} ist auf diesem Gerät gespeichert. Der Datenschutzdienst ist gerade ausgelastet (zu viele Anfragen); sie wird in einigen Minuten automatisch erfasst.',
  'objection.basis':
    'Rechtsgrundlage: {basis}. Dies beruht nicht auf Ihrer Einwilligung, aber Sie haben das Recht, zu widersprechen.',
  'objection.active':
    'Sie haben widersprochen. Die Verarbeitung endet, sofern keine zwingenden schutzwürdigen Gründe vorliegen.',
  'objection.inactive': 'Sie haben nicht widersprochen.',
  'objection.object': 'Widersprechen',
  'objection.withdraw': 'Widerspruch zurücknehmen',

  // Just-in-time body-scan step
  'jit.title': 'Vor dem Scan: Ihre ausdrückliche Einwilligung',
  'jit.special':
    'Ein 3D-Scan Ihres Körpers gehört zu den besonderen Kategorien personenbezogener Daten, weil er Rückschlüsse auf Ihre Gesundheit zulassen kann.',
  'jit.use':
    'Twikit verwendet ihn nur, um in TwikFit ein Design zu erstellen oder ein Design aus einem früheren Scan neu zu erstellen.',
  'jit.explicit': 'Wir verarbeiten ihn nur mit Ihrer ausdrücklichen Einwilligung.',
  'jit.withdraw':
    'Sie können Ihre Einwilligung jederzeit unter „Ihre Entscheidungen“ widerrufen; die Verarbeitung bis zum Widerruf bleibt davon unberührt.',
  'jit.declined':
    'Wenn Sie nicht einwilligen, wird kein Scan erstellt und es kann kein Design aus einem Scan entstehen; alles andere funktioniert weiterhin.',
  'jit.statement':
    'Ich willige ausdrücklich ein, dass Twikit meinen 3D-Körperscan verarbeitet, um mein Design zu erstellen.',
  'jit.consent': 'Ich willige ein',
  'jit.notNow': 'Jetzt nicht',
  'jit.age': 'Sie bestätigen, 13 Jahre oder älter zu sein.',
  'jit.under13': 'Ich bin jünger als 13',
  'jit.child': 'Unter 13 muss ein Elternteil oder Vormund entscheiden.',

  // Request form
  'request.formTitle': 'Antrag stellen',
  'request.intro':
    'Ihre Anmeldung genügt als Nachweis Ihrer Identität. Anträge sind kostenlos, und wir antworten innerhalb eines Monats.',
  'request.field.type': 'Was möchten Sie beantragen?',
  'request.choose': 'Bitte wählen…',
  'request.optional': '(optional)',
  'request.waived.grounds':
    'Für Telemetrie nicht nötig: Ihr Widerspruch allein beendet sie, sofort mit „Widersprechen“ unter „Ihre Entscheidungen“.',
  'request.hint.max': 'Höchstens {max} Zeichen.',
  'request.type.access': 'Eine Kopie Ihrer Daten',
  'request.type.rectification': 'Ihre Daten berichtigen',
  'request.type.erasure': 'Ihre Daten löschen',
  'request.type.restriction': 'Die Verwendung Ihrer Daten einschränken',
  'request.type.portability': 'Ihre Daten mitnehmen',
  'request.type.objection': 'Der Verwendung Ihrer Daten widersprechen',
  'request.type.account_deletion': 'Ihr Konto löschen',
  'request.typeHint.access':
    'Sie erhalten die Daten, die Twikit über Sie hat, aus allen Systemen und beiden Regionen, mit den Zwecken, für die sie verwendet werden.',
  'request.typeHint.rectification':
    'Geben Sie an, was falsch ist und wie es richtig lautet. Sie können eine ergänzende Erklärung hinzufügen.',
  'request.typeHint.erasure': 'Twikit löscht Ihre Daten, außer denen, die es gesetzlich aufbewahren muss.',
  'request.typeHint.restriction':
    'Solange die Sache nicht geklärt ist, speichert Twikit Ihre Daten nur und verwendet sie nicht weiter.',
  'request.typeHint.portability':
    'Sie erhalten die Daten, die Sie Twikit bereitgestellt haben, in einer maschinenlesbaren Datei, um sie zu einem anderen Dienst mitzunehmen.',
  'request.typeHint.objection':
    'Widersprechen Sie einer Verarbeitung auf Grundlage der berechtigten Interessen von Twikit oder der Direktwerbung.',
  'request.typeHint.account_deletion': 'Ihr Twikit-Konto und die zugehörigen Daten werden in beiden Regionen gelöscht.',
  'request.field.format': 'Dateiformat',
  'request.option.json': 'JSON',
  'request.option.csv': 'CSV (Tabelle)',
  'request.field.field': 'Was ist falsch?',
  'request.option.name': 'Ihr Name',
  'request.option.email': 'Ihre E-Mail-Adresse',
  'request.option.other': 'Etwas anderes',
  'request.field.correction': 'Die richtigen Angaben',
  'request.field.statement': 'Eine ergänzende Erklärung zu Ihren Daten',
  'request.field.erasureScope': 'Was soll gelöscht werden?',
  'request.option.all': 'Alle meine Daten',
  'request.option.specific': 'Nur ein Teil meiner Daten',
  'request.field.erasureDetails': 'Welche Daten sollen gelöscht werden?',
  'request.field.erasureGround': 'Warum?',
  'request.option.no-longer-necessary': 'Die Daten werden nicht mehr benötigt',
  'request.option.consent-withdrawn': 'Ich habe meine Einwilligung widerrufen',
  'request.option.objection': 'Ich habe der Verwendung widersprochen',
  'request.option.unlawful': 'Die Daten wurden unrechtmäßig verarbeitet',
  'request.option.legal-obligation': 'Das Gesetz verlangt die Löschung',
  'request.field.restrictionGround': 'Warum soll die Verwendung eingeschränkt werden?',
  'request.option.accuracy-contested': 'Die Daten sind nicht richtig',
  'request.option.unlawful-processing': 'Die Verarbeitung ist unrechtmäßig, aber ich möchte keine Löschung',
  'request.option.needed-for-legal-claims': 'Ich brauche die Daten zur Geltendmachung eines Rechtsanspruchs',
  'request.option.objection-pending': 'Ich habe widersprochen und warte auf die Antwort',
  'request.field.restrictionDetails': 'Weitere Angaben',
  'request.field.objectionScope': 'Wogegen richtet sich Ihr Widerspruch?',
  'request.option.legitimate-interest': 'Verarbeitung auf Grundlage der berechtigten Interessen von Twikit',
  'request.option.direct-marketing': 'Direktwerbung',
  'request.field.processing': 'Welche Verarbeitung?',
  'request.option.account': 'Kontodaten',
  'request.option.telemetry': 'Telemetrie',
  'request.option.support': 'Supportdaten',
  'request.field.grounds': 'Aus welchen Gründen, die sich aus Ihrer besonderen Situation ergeben?',
  'request.field.message': 'Möchten Sie noch etwas hinzufügen?',
  'request.field.confirmErasure': 'Mir ist bewusst, dass gelöschte Daten nicht wiederhergestellt werden können.',
  'request.field.confirmDeletion':
    'Mir ist bewusst, dass mein Konto und die zugehörigen Daten gelöscht werden und nicht wiederhergestellt werden können.',
  'request.required.format': 'Wählen Sie ein Dateiformat.',
  'request.required.field': 'Wählen Sie aus, was falsch ist.',
  'request.required.correction':
    'Geben Sie die richtigen Angaben ein oder beschreiben Sie, was falsch ist und wie es richtig lautet.',
  'request.required.erasureScope': 'Wählen Sie, ob alle oder nur ein Teil Ihrer Daten gelöscht werden sollen.',
  'request.required.erasureDetails': 'Geben Sie an, welche Daten gelöscht werden sollen.',
  'request.required.restrictionGround': 'Wählen Sie aus, warum die Verwendung eingeschränkt werden soll.',
  'request.required.objectionScope': 'Wählen Sie aus, wogegen sich Ihr Widerspruch richtet.',
  'request.required.grounds':
    'Geben Sie die Gründe für Ihren Widerspruch an, die sich aus Ihrer besonderen Situation ergeben.',
  'request.problem.enter': 'Geben Sie eine Antwort ein.',
  'request.problem.choose': 'Wählen Sie eine der Optionen.',
  'request.problem.tooLong': 'Kürzen Sie auf höchstens {max} Zeichen (derzeit {count}).',
  'request.problem.confirm': 'Setzen Sie das Häkchen, um zu bestätigen.',
  'request.problem.invalid': 'Diese Antwort wurde nicht akzeptiert. Prüfen Sie sie und versuchen Sie es erneut.',
  'request.summary': 'Es gibt ein Problem',
  'request.send': 'Antrag senden',
  'request.reviewButton': 'Prüfen und bestätigen',
  'request.sending': 'Wird gesendet…',
  'request.filed': 'Antrag eingegangen: {type}. Antwort spätestens am {date}.',
  'request.queued':
    'Anfrage auf diesem Gerät gespeichert: {type}. Sie wird gesendet, sobald die Verbindung wieder da ist.',
  'request.review.title': 'Vor dem Senden prüfen',
  'request.review.erasureAll':
    'Twikit löscht alle personenbezogenen Daten, die es über Sie hat, in beiden Regionen und informiert die Unternehmen, die sie im Auftrag von Twikit verarbeiten.',
  'request.review.erasureSpecific':
    'Twikit löscht diese Daten in beiden Regionen und informiert die Unternehmen, die sie im Auftrag von Twikit verarbeiten:',
  'request.review.deletion':
    'Ihr Twikit-Konto wird mit seinen Daten in beiden Regionen gelöscht. Sie werden abgemeldet und können sich mit diesem Konto nicht mehr anmelden.',
  'request.review.kept':
    'Daten, die Twikit gesetzlich aufbewahren muss, bleiben erhalten; Sie erfahren, welche, auf welcher Grundlage und bis wann.',
  'request.review.final': 'Gelöschte Daten können nicht wiederhergestellt werden.',
  'request.review.sendErasure': 'Löschantrag senden',
  'request.review.sendDeletion': 'Mein Konto löschen',
  'request.review.back': 'Zurück zum Formular',

  // Request list
  'requests.title': 'Ihre Anträge',
  'requests.loading': 'Ihre Anträge werden geladen…',
  'requests.none': 'Sie haben noch keine Anträge gestellt.',
  'requests.status': 'Status:',
  'request.status.received': 'Eingegangen',
  'request.status.verifying': 'Identität wird geprüft',
  'request.status.in_progress': 'In Bearbeitung',
  'request.status.extended': 'Frist verlängert',
  'request.status.completed': 'Abgeschlossen',
  'request.status.rejected': 'Abgelehnt',
  'request.status.cancelled': 'Zurückgezogen',
  'request.status.queued': 'Noch nicht gesendet',
  'requests.received': 'Eingegangen am {date}',
  'requests.dueBy': 'Antwort spätestens am {date}',
  'requests.extended': 'Die Frist wurde verlängert (ursprünglich fällig am {original}). Grund: {reason}',
  'requests.rejectedReason': 'Grund der Ablehnung: {reason}',
  'requests.rejectedRights':
    'Sie können sich bei einer Aufsichtsbehörde beschweren oder einen gerichtlichen Rechtsbehelf einlegen.',
  'requests.erased': 'Gelöscht: {what}.',
  'requests.kept': 'Aufbewahrt, weil das Gesetz es verlangt:',
  'requests.keptItem': '{what} – {ground}, bis zum {until}',
  'requests.keptItemOpen': '{what} – {ground}',
  'requests.corrected': 'Berichtigt: {what}.',
  'requests.systems.title': 'Wohin Ihre Anfrage ging:',
  'requests.systems.item': '{system}: {state}',
  'requests.systems.state.pending': 'wird gleich benachrichtigt',
  'requests.systems.state.sent': 'Bestätigung ausstehend',
  'requests.systems.state.not_found': 'speichert nichts über Sie',
  'requests.systems.state.failed': 'noch nicht erledigt – Twikit kümmert sich darum',
  'requests.systems.state.closed': 'von Twikit abgeschlossen',
  'requests.systems.done.access': 'Daten zusammengestellt',
  'requests.systems.done.portability': 'Daten zusammengestellt',
  'requests.systems.done.erasure': 'gelöscht',
  'requests.systems.done.account_deletion': 'gelöscht',
  'requests.systems.done.rectification': 'berichtigt',
  'requests.systems.done.restriction': 'Verwendung eingeschränkt',
  'requests.systems.done.objection': 'Widerspruch umgesetzt',
  'requests.systems.closedReason': 'Grund: {reason}',
  'requests.cancel': 'Antrag zurückziehen',
  'requests.reference': 'Aktenzeichen {ref}',
  'requests.asked': 'Ihr Antrag: {summary}',
  'requests.ended.completed': 'Abgeschlossen am {date}',
  'requests.ended.rejected': 'Abgelehnt am {date}',
  'requests.ended.cancelled': 'Zurückgezogen am {date}',
  'requests.cancelConfirm':
    'Diesen Antrag zurückziehen? Twikit bearbeitet ihn dann nicht weiter. Sie können jederzeit einen neuen Antrag stellen.',
  'requests.cancelYes': 'Ja, Antrag zurückziehen',
  'requests.cancelNo': 'Antrag behalten',
  'requests.visitor.why':
    'Sie sind hier nicht angemeldet. Um einen Antrag zu stellen, melden Sie sich mit einem Code an, den wir Ihnen per E-Mail senden:',
  'requests.visitor.signIn': 'Anmeldung mit einem Code per E-Mail',
  'requests.visitor.write': 'Oder schreiben Sie an {email} und sagen Sie, worum es geht.',
  'request.free': 'Anträge sind kostenlos, und wir antworten innerhalb eines Monats.',
  'requests.download.json': 'JSON herunterladen',
  'requests.download.csv': 'CSV herunterladen',
  'gpcConfirm.title': 'Trotz Global Privacy Control weitergeben?',

  // What changed in the notice (R12)
  'changes.title': 'Was sich geändert hat',
  'changes.intro':
    'Die Datenschutzerklärung hat geändert, worin Sie eingewilligt hatten; Ihre frühere Einwilligung gilt daher nicht mehr. Sehen Sie, was sich geändert hat, und entscheiden Sie erneut.',
  'changes.caption': 'Änderungen an „{title}“',
  'changes.aspect': 'Was',
  'changes.before': 'Vorher (Version {version})',
  'changes.now': 'Jetzt (Version {version})',
  'changes.loading': 'Der frühere Text wird geladen…',
  'changes.unavailable': 'Der frühere Text konnte nicht geladen werden.',
  'changes.field.title': 'Name',
  'changes.field.description': 'Beschreibung',
  'changes.field.specialCategory': 'Sensible Daten',
  'changes.field.justInTime': 'Im Moment der Nutzung gefragt',
  'changes.allApps': 'Alle Apps',
  'changes.yes': 'Ja',
  'changes.no': 'Nein',
  'changes.none': 'Keine',
};
