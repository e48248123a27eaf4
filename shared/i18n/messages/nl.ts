import type { Messages } from '../translate.ts';

// Dutch (Belgian usage, formal "u"). GDPR terms as in the Dutch text of the AVG. Same keys and placeholders as en.ts.

/** The Dutch UI messages. */
export const nl: Messages = {
  // Panel and views
  'nav.label': 'Privacyinstellingen',
  'language.label': 'Taal',
  'nav.overview': 'Overzicht',
  'nav.notice': 'Privacyverklaring',
  'nav.consents': 'Uw keuzes',
  'nav.requests': 'Uw verzoeken',
  'view.overview': 'Uw privacy bij Twikit',
  'view.notice': 'Privacyverklaring',
  'view.consents': 'Uw privacykeuzes',
  'view.requests': 'Uw privacyrechten uitoefenen',
  'panel.loading': 'De privacyverklaring wordt geladen…',
  'panel.noticeUnavailable': 'De privacyverklaring kon niet worden geladen.',
  'panel.retry': 'Opnieuw proberen',
  'panel.offline':
    'U bent offline — u ziet wat dit apparaat heeft bewaard. Wat u wijzigt, wordt hier bewaard en verstuurd zodra de verbinding terug is.',
  'panel.memoryOnly':
    'Dit apparaat onthoudt uw keuzes niet: uw browser laat de privacyinstellingen hier niets bewaren. Ze werken wel, en wat u beslist, wordt nog steeds naar Twikit gestuurd.',
  'panel.stale':
    'De privacydienst was niet bereikbaar — u ziet wat dit apparaat heeft bewaard. Voor wijzigingen is een verbinding nodig.',

  // Errors, one per ApiError kind; never the server's own text
  'error.offline': 'Geen verbinding met de privacydienst. Controleer uw verbinding en probeer het opnieuw.',
  'error.timeout': 'De privacydienst antwoordde niet op tijd. Probeer het zo dadelijk opnieuw.',
  'error.unauthenticated': 'Uw sessie is beëindigd. Meld u opnieuw aan en probeer het dan nog eens.',
  'error.identity-required': 'Hiervoor moet u aangemeld zijn met uw Twikit-account.',
  'error.not-found': 'Dit werd niet gevonden. Misschien is het verwijderd; laad opnieuw om de actuele stand te zien.',
  'error.invalid-input':
    'Een deel van wat werd verstuurd, is niet aanvaard. Controleer uw antwoorden en probeer het opnieuw.',
  'error.rate-limited': 'Te veel pogingen in korte tijd. Wacht een minuut en probeer het dan opnieuw.',
  'error.conflict': 'Dit is intussen gewijzigd. Laad opnieuw om de actuele stand te zien en probeer het dan opnieuw.',
  'error.server': 'Er ging bij ons iets mis. Probeer het later opnieuw.',
  'error.invalid-response':
    'De privacydienst stuurde een antwoord dat we niet konden lezen. Probeer het later opnieuw.',
  'error.consent.offline': 'Geen verbinding: uw keuze is niet opgeslagen. Probeer het opnieuw wanneer u online bent.',
  'error.consent.invalid-input':
    'Uw keuze is niet bewaard: de privacydienst heeft ze geweigerd. De fout zit in hoe deze pagina de privacy-instellingen heeft ingericht, niet in uw keuze. Probeer het later opnieuw of schrijf naar privacy@twikit.com.',
  'error.request.offline': 'Geen verbinding: uw verzoek is niet verstuurd; wat u hebt ingevuld, blijft bewaard.',
  'error.request.identity-required': 'Om een verzoek in te dienen, moet u aangemeld zijn met uw Twikit-account.',

  // First layer
  'first.keyPoints': 'Het belangrijkste',
  'first.biometric':
    'Lichaamsscans in TwikFit behoren tot de bijzondere categorieën van persoonsgegevens: ze kunnen informatie over uw gezondheid onthullen. Ze worden alleen gebruikt met uw uitdrukkelijke toestemming, die TwikFit vraagt op het moment dat u scant.',
  'first.residency':
    'Omdat u in de regio {residents} woont, worden uw gegevens door {provider} opgeslagen in {location}.',
  'first.residencyBoth':
    'Uw gegevens worden door {provider} opgeslagen in {eea} als u in de {eeaResidents} woont, en in {usCa} als u in de {usCaResidents} woont.',
  'first.controller': 'Wie is verantwoordelijk',
  'first.privacyContact': 'Contact voor privacyvragen:',
  'first.purposes': 'Waarvoor uw gegevens worden gebruikt',
  'first.sharingLine': '{title}: alleen als u akkoord gaat.',
  'first.rights': 'Uw rechten',
  'first.rightsShort':
    'U kunt uw gegevens inzien, laten rectificeren, wissen of overdragen, de verwerking laten beperken of er bezwaar tegen maken, uw toestemming op elk moment intrekken en een klacht indienen bij een gegevensbeschermingsautoriteit.',
  'first.useRights': 'Uw rechten uitoefenen',
  'first.readNotice': 'Volledige privacyverklaring lezen',
  'first.choices': 'Uw keuze',
  'first.choicesIntro':
    'Accepteer of weiger in één keer alle optionele vormen van gebruik van uw gegevens. U kunt dit op elk moment wijzigen onder “Uw keuzes”.',
  'first.acceptAll': 'Alles accepteren',
  'first.rejectAll': 'Alles weigeren',
  'first.scansSeparately': 'Voor lichaamsscans wordt altijd apart toestemming gevraagd, op het moment van scannen.',
  'first.oneByOne': 'Eén voor één kiezen',
  'first.oneQuestion':
    'Twikit deelt uw gegevens ({data}) alleen met bedrijven, organisaties of personen buiten Twikit als u dat toestaat. U kunt dit op elk moment wijzigen onder “Uw keuzes”.',
  'first.and': 'en',
  'first.allowOne': 'Sta {purpose} toe',
  'first.denyOne': 'Niet toestaan',
  'first.unchanged': 'Er is niets gewijzigd.',

  // Full notice
  'notice.versionLine': 'Versie {version}, van kracht vanaf {date}',
  'notice.translationNote': 'Dit is een vertaling; de Engelse tekst heeft voorrang.',
  'notice.controller': 'Wie is verantwoordelijk voor uw gegevens',
  'notice.dpo': 'Functionaris voor gegevensbescherming:',
  'notice.processing': 'Welke persoonsgegevens we verwerken en waarom',
  'notice.table.caption': 'Verwerkte persoonsgegevens, hoe we ze verkrijgen, waar en waarvoor, en op welke rechtsgrond',
  'notice.table.dataType': 'Soort persoonsgegevens',
  'notice.table.what': 'Wat het omvat',
  'notice.table.how': 'Hoe we ze verkrijgen',
  'notice.table.apps': 'Twikit-toepassingen',
  'notice.table.uses': 'Wat we ermee doen',
  'notice.table.basis': 'Rechtsgrond',
  'notice.table.openEnded': 'De verklaring noemt deze als voorbeelden; de lijst is niet volledig.',
  'notice.table.specialCategory':
    'Bijzondere categorie van persoonsgegevens (gezondheid): alleen verwerkt met uw uitdrukkelijke toestemming.',
  'notice.categories': 'Categorieën van gegevens',
  'notice.residency': 'Opslag en doorgifte van uw gegevens',
  'notice.yourRegion': 'Geldt voor u',
  'notice.retention': 'Hoelang we gegevens bewaren',
  'notice.sharing': 'Hoe we gegevens delen',
  'notice.security': 'Beveiliging van gegevens',
  'notice.rights': 'Uw rechten',
  'notice.withdrawal':
    'U kunt een toestemming op elk moment intrekken. De intrekking doet geen afbreuk aan de verwerking die eerder heeft plaatsgevonden.',
  'notice.complaint': 'Klachten',
  'notice.phone': 'Telefoon:',
  'notice.fax': 'Fax:',
  'notice.newTab': '(opent in een nieuw tabblad)',
  'notice.complainElsewhere':
    'U kunt ook een klacht indienen bij de gegevensbeschermingsautoriteit van het EU-land waar u woont of werkt, of waar volgens u inbreuk op uw rechten is gemaakt.',
  'notice.automated': 'Geautomatiseerde besluitvorming',
  'notice.noAutomatedStatement': 'De verklaring zegt niets over geautomatiseerde besluitvorming.',

  // Names of things
  'app.twikit_live': 'Twikit Live',
  'app.twikit_create': 'Twikit Create',
  'app.twikfit': 'TwikFit',
  'app.admin_portal': 'Beheerportaal',
  'basis.contract': 'Overeenkomst',
  'basis.legitimate_interests': 'Gerechtvaardigde belangen',
  'basis.vital_interests': 'Bescherming van vitale belangen',
  'basis.legal_obligation': 'Wettelijke verplichting',
  'basis.consent': 'Toestemming',
  'basis.explicit_consent': 'Uitdrukkelijke toestemming',

  // Consents
  // Receipts (R34)
  'receipts.show': 'Mijn keuzes tonen',
  'receipts.print': 'Afdrukbaar ontvangstbewijs',
  'consent.legend': 'Toestemmingen: uit tot u ze inschakelt',
  'consent.on': 'Aan',
  'consent.off': 'Uit',
  'consent.notSent': 'Nog niet verstuurd',
  'consent.dataTypes': 'Gebruikte gegevens: {types}.',
  'consent.controller': 'Verwerkingsverantwoordelijke: {controller}.',
  'consent.withdrawAnyTime': 'U kunt uw toestemming op elk moment intrekken.',
  'consent.gpcHonoured':
    'Global Privacy Control wordt gerespecteerd: delen met derden staat uit en u maakt bezwaar tegen telemetrie.',
  'consent.gpcConflicts': 'Met Global Privacy Control staat delen alleen aan als je het bevestigt.',
  'announce.given': 'Toestemming voor {purpose} gegeven — geregistreerd op {time}',
  'announce.renewed': 'Toestemming voor {purpose} vernieuwd — geregistreerd op {time}',
  'announce.refused': 'Toestemming voor {purpose} geweigerd — geregistreerd op {time}',
  'announce.withdrawn': 'Toestemming voor {purpose} ingetrokken — geregistreerd op {time}',
  'announce.objected': 'Bezwaar tegen {purpose} geregistreerd op {time}',
  'announce.objection-withdrawn': 'Bezwaar tegen {purpose} ingetrokken — geregistreerd op {time}',
  'announce.expired': 'Toestemming voor {purpose} afgelopen',
  'announce.queued':
    'Uw keuze voor {purpose} is op dit apparaat bewaard en wordt geregistreerd zodra de verbinding terug is.',
  'announce.queuedBusy':
    'Uw keuze voor {purpose} is op dit apparaat bewaard. De privacydienst is nu te druk (te veel verzoeken); ze wordt over enkele minuten automatisch geregistreerd.',
  'objection.basis':
    'Rechtsgrond: {basis}. Dit berust niet op uw toestemming, maar u hebt het recht om bezwaar te maken.',
  'objection.active':
    'U maakt hiertegen bezwaar. De verwerking stopt, tenzij er dwingende gerechtvaardigde gronden zijn.',
  'objection.inactive': 'U hebt geen bezwaar gemaakt.',
  'objection.object': 'Bezwaar maken',
  'objection.withdraw': 'Bezwaar intrekken',

  // Just-in-time body-scan step
  'jit.title': 'Voordat u scant: uw uitdrukkelijke toestemming',
  'jit.special':
    'Een 3D-scan van uw lichaam behoort tot de bijzondere categorieën van persoonsgegevens, omdat hij informatie over uw gezondheid kan onthullen.',
  'jit.use':
    'Twikit gebruikt hem alleen om in TwikFit een ontwerp te maken, of om een ontwerp opnieuw te maken op basis van een eerdere scan.',
  'jit.explicit': 'We verwerken hem alleen met uw uitdrukkelijke toestemming.',
  'jit.withdraw':
    'U kunt uw toestemming op elk moment intrekken onder “Uw keuzes”; dit doet geen afbreuk aan de verwerking vóór de intrekking.',
  'jit.declined':
    'Als u geen toestemming geeft, wordt er geen scan gemaakt en kan er geen ontwerp op basis van een scan worden gemaakt; al het andere blijft werken.',
  'jit.statement':
    'Ik geef Twikit uitdrukkelijk toestemming om mijn 3D-lichaamsscan te verwerken om mijn ontwerp te maken.',
  'jit.consent': 'Ik geef toestemming',
  'jit.notNow': 'Niet nu',
  'jit.age': 'Je bevestigt dat je 13 jaar of ouder bent.',
  'jit.under13': 'Ik ben jonger dan 13',
  'jit.child': 'Onder 13 moet een ouder of voogd beslissen.',

  // Request form
  'request.formTitle': 'Een verzoek indienen',
  'request.intro':
    'Aangemeld zijn volstaat om te bewijzen wie u bent. Verzoeken zijn gratis en we antwoorden binnen één maand.',
  'request.field.type': 'Wat wilt u vragen?',
  'request.choose': 'Kies…',
  'request.optional': '(optioneel)',
  'request.waived.grounds':
    'Niet nodig voor telemetrie: uw bezwaar alleen stopt die, meteen met “Bezwaar maken” in “Uw keuzes”.',
  'request.hint.max': 'Maximaal {max} tekens.',
  'request.type.access': 'Een kopie van uw gegevens',
  'request.type.rectification': 'Uw gegevens corrigeren',
  'request.type.erasure': 'Uw gegevens wissen',
  'request.type.restriction': 'Het gebruik van uw gegevens beperken',
  'request.type.portability': 'Uw gegevens meenemen naar elders',
  'request.type.objection': 'Bezwaar maken tegen het gebruik van uw gegevens',
  'request.type.account_deletion': 'Uw account verwijderen',
  'request.typeHint.access':
    'U krijgt de gegevens die Twikit over u heeft, uit elk systeem en beide regio’s, met waarvoor ze worden gebruikt.',
  'request.typeHint.rectification':
    'Geef aan wat er niet klopt en hoe het moet luiden. U kunt een aanvullende verklaring toevoegen.',
  'request.typeHint.erasure': 'Twikit wist uw gegevens, behalve wat het wettelijk moet bewaren.',
  'request.typeHint.restriction':
    'Zolang de kwestie niet is opgelost, bewaart Twikit uw gegevens alleen en gebruikt het ze niet verder.',
  'request.typeHint.portability':
    'U krijgt de gegevens die u aan Twikit hebt verstrekt in een machineleesbaar bestand, om mee te nemen naar een andere dienst.',
  'request.typeHint.objection':
    'Maak bezwaar tegen verwerking op basis van de gerechtvaardigde belangen van Twikit, of tegen direct marketing.',
  'request.typeHint.account_deletion':
    'Uw Twikit-account en de bijbehorende gegevens worden in beide regio’s verwijderd.',
  'request.field.format': 'Bestandsformaat',
  'request.option.json': 'JSON',
  'request.option.csv': 'CSV (rekenblad)',
  'request.field.field': 'Wat klopt er niet?',
  'request.option.name': 'Uw naam',
  'request.option.email': 'Uw e-mailadres',
  'request.option.other': 'Iets anders',
  'request.field.correction': 'De juiste gegevens',
  'request.field.statement': 'Een aanvullende verklaring bij uw gegevens',
  'request.field.erasureScope': 'Wat moet er gewist worden?',
  'request.option.all': 'Al mijn gegevens',
  'request.option.specific': 'Slechts een deel van mijn gegevens',
  'request.field.erasureDetails': 'Welke gegevens moeten gewist worden?',
  'request.field.erasureGround': 'Waarom?',
  'request.option.no-longer-necessary': 'Ze zijn niet meer nodig',
  'request.option.consent-withdrawn': 'Ik heb mijn toestemming ingetrokken',
  'request.option.objection': 'Ik heb bezwaar gemaakt tegen het gebruik',
  'request.option.unlawful': 'Ze zijn onrechtmatig verwerkt',
  'request.option.legal-obligation': 'De wet vereist dat ze gewist worden',
  'request.field.restrictionGround': 'Waarom moet het gebruik worden beperkt?',
  'request.option.accuracy-contested': 'De gegevens kloppen niet',
  'request.option.unlawful-processing': 'De verwerking is onrechtmatig, maar ik wil niet dat ze gewist worden',
  'request.option.needed-for-legal-claims': 'Ik heb de gegevens nodig voor een rechtsvordering',
  'request.option.objection-pending': 'Ik heb bezwaar gemaakt en wacht op het antwoord',
  'request.field.restrictionDetails': 'Meer details',
  'request.field.objectionScope': 'Waartegen maakt u bezwaar?',
  'request.option.legitimate-interest': 'Verwerking op basis van de gerechtvaardigde belangen van Twikit',
  'request.option.direct-marketing': 'Direct marketing',
  'request.field.processing': 'Welke verwerking?',
  'request.option.account': 'Accountgegevens',
  'request.option.telemetry': 'Telemetrie',
  'request.option.support': 'Supportgegevens',
  'request.field.grounds': 'Waarom, gelet op uw specifieke situatie?',
  'request.field.message': 'Wilt u nog iets toevoegen?',
  'request.field.confirmErasure': 'Ik begrijp dat gewiste gegevens niet kunnen worden hersteld.',
  'request.field.confirmDeletion':
    'Ik begrijp dat mijn account en de bijbehorende gegevens worden verwijderd en niet kunnen worden hersteld.',
  'request.required.format': 'Kies een bestandsformaat.',
  'request.required.field': 'Kies wat er niet klopt.',
  'request.required.correction': 'Vul de juiste gegevens in, of geef aan wat er niet klopt en hoe het moet luiden.',
  'request.required.erasureScope': 'Kies of al uw gegevens of slechts een deel ervan moeten worden gewist.',
  'request.required.erasureDetails': 'Vul in welke gegevens moeten worden gewist.',
  'request.required.restrictionGround': 'Kies waarom het gebruik moet worden beperkt.',
  'request.required.objectionScope': 'Kies waartegen u bezwaar maakt.',
  'request.required.grounds': 'Vul in waarom u bezwaar maakt, gelet op uw specifieke situatie.',
  'request.problem.enter': 'Vul een antwoord in.',
  'request.problem.choose': 'Kies een van de opties.',
  'request.problem.tooLong': 'Kort in tot maximaal {max} tekens (nu {count}).',
  'request.problem.confirm': 'Vink het vakje aan om te bevestigen.',
  'request.problem.invalid': 'Dit antwoord is niet aanvaard. Controleer het en probeer het opnieuw.',
  'request.summary': 'Er is een probleem',
  'request.send': 'Verzoek versturen',
  'request.reviewButton': 'Controleren en bevestigen',
  'request.sending': 'Bezig met versturen…',
  'request.filed': 'Verzoek ontvangen: {type}. Antwoord uiterlijk op {date}.',
  'request.queued': 'Verzoek op dit apparaat bewaard: {type}. Het wordt verstuurd zodra de verbinding terug is.',
  'request.review.title': 'Controleer voordat u verstuurt',
  'request.review.erasureAll':
    'Twikit wist alle persoonsgegevens die het over u heeft, in beide regio’s, en brengt de bedrijven die ze voor Twikit verwerken op de hoogte.',
  'request.review.erasureSpecific':
    'Twikit wist deze gegevens, in beide regio’s, en brengt de bedrijven die ze voor Twikit verwerken op de hoogte:',
  'request.review.deletion':
    'Uw Twikit-account wordt verwijderd, samen met de bijbehorende gegevens in beide regio’s. U wordt afgemeld en kunt met dit account niet meer aanmelden.',
  'request.review.kept':
    'Gegevens die Twikit wettelijk moet bewaren, blijven bewaard; u hoort welke, op welke grond en tot wanneer.',
  'request.review.final': 'Gewiste gegevens kunnen niet worden hersteld.',
  'request.review.sendErasure': 'Verzoek tot wissing versturen',
  'request.review.sendDeletion': 'Mijn account verwijderen',
  'request.review.back': 'Terug naar het formulier',

  // Request list
  'requests.title': 'Uw verzoeken',
  'requests.loading': 'Uw verzoeken worden geladen…',
  'requests.none': 'U hebt nog geen verzoeken ingediend.',
  'requests.status': 'Status:',
  'request.status.received': 'Ontvangen',
  'request.status.verifying': 'Uw identiteit wordt gecontroleerd',
  'request.status.in_progress': 'In behandeling',
  'request.status.extended': 'Termijn verlengd',
  'request.status.completed': 'Afgehandeld',
  'request.status.rejected': 'Geweigerd',
  'request.status.cancelled': 'Geannuleerd',
  'request.status.queued': 'Nog niet verstuurd',
  'requests.received': 'Ontvangen op {date}',
  'requests.dueBy': 'Antwoord uiterlijk op {date}',
  'requests.extended': 'De termijn is verlengd (oorspronkelijk uiterlijk op {original}). Reden: {reason}',
  'requests.rejectedReason': 'Reden van weigering: {reason}',
  'requests.rejectedRights':
    'U kunt een klacht indienen bij een gegevensbeschermingsautoriteit of naar de rechter stappen.',
  'requests.erased': 'Gewist: {what}.',
  'requests.kept': 'Bewaard, omdat de wet dat vereist:',
  'requests.keptItem': '{what} — {ground}, tot {until}',
  'requests.keptItemOpen': '{what} — {ground}',
  'requests.corrected': 'Gecorrigeerd: {what}.',
  'requests.systems.title': 'Waar uw verzoek naartoe ging:',
  'requests.systems.item': '{system}: {state}',
  'requests.systems.state.pending': 'wordt zo op de hoogte gebracht',
  'requests.systems.state.sent': 'wacht op bevestiging',
  'requests.systems.state.not_found': 'bewaart niets over u',
  'requests.systems.state.failed': 'nog niet gelukt — Twikit volgt het op',
  'requests.systems.state.closed': 'afgesloten door Twikit',
  'requests.systems.done.access': 'gegevens verzameld',
  'requests.systems.done.portability': 'gegevens verzameld',
  'requests.systems.done.erasure': 'gewist',
  'requests.systems.done.account_deletion': 'gewist',
  'requests.systems.done.rectification': 'gecorrigeerd',
  'requests.systems.done.restriction': 'gebruik beperkt',
  'requests.systems.done.objection': 'bezwaar toegepast',
  'requests.systems.closedReason': 'Reden: {reason}',
  'requests.cancel': 'Verzoek annuleren',
  'requests.reference': 'Referentie {ref}',
  'requests.asked': 'U vroeg: {summary}',
  'requests.ended.completed': 'Afgehandeld op {date}',
  'requests.ended.rejected': 'Geweigerd op {date}',
  'requests.ended.cancelled': 'Geannuleerd op {date}',
  'requests.cancelConfirm':
    'Dit verzoek annuleren? Twikit werkt er dan niet verder aan. U kunt altijd een nieuw verzoek doen.',
  'requests.cancelYes': 'Ja, verzoek annuleren',
  'requests.cancelNo': 'Verzoek behouden',
  'requests.visitor.why':
    'U bent hier niet aangemeld met een Twikit-account, dus Twikit kan niet weten welke gegevens van u zijn. Zo doet u een verzoek:',
  'requests.visitor.signIn':
    'meld u aan met uw Twikit-account in de Twikit-app die u gebruikt, en open daar “Uw verzoeken”;',
  'requests.visitor.write': 'of schrijf naar {email} en zeg wat u wilt vragen.',
  'request.free': 'Verzoeken zijn gratis en we antwoorden binnen een maand.',
  'requests.download.json': 'JSON downloaden',
  'requests.download.csv': 'CSV downloaden',
  'gpcConfirm.title': 'Delen ondanks Global Privacy Control?',

  // What changed in the notice (R12)
  'changes.title': 'Wat er veranderd is',
  'changes.intro':
    'De privacyverklaring veranderde waarmee je instemde, dus je eerdere toestemming geldt niet meer. Bekijk wat er veranderde en kies opnieuw.',
  'changes.caption': 'Wijzigingen aan “{title}”',
  'changes.aspect': 'Wat',
  'changes.before': 'Vroeger (versie {version})',
  'changes.now': 'Nu (versie {version})',
  'changes.loading': 'De vroegere tekst wordt geladen…',
  'changes.unavailable': 'De vroegere tekst kon niet worden geladen.',
  'changes.field.title': 'Naam',
  'changes.field.description': 'Beschrijving',
  'changes.field.specialCategory': 'Gevoelige gegevens',
  'changes.field.justInTime': 'Gevraagd op het moment van gebruik',
  'changes.allApps': 'Alle apps',
  'changes.yes': 'Ja',
  'changes.no': 'Nee',
  'changes.none': 'Geen',
};
