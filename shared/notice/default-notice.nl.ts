// The notice of 2026-12-03 in Dutch (Belgian usage, formal "u", GDPR terms as in the Dutch text of the AVG).
// Text only: the facts come from the English document (translation.ts), whose text prevails.
import type { NoticeTranslation } from './translation.ts';

export const noticeTextNl: NoticeTranslation = {
  locale: 'nl',
  title: 'Privacyverklaring',
  general: [
    'Deze verklaring legt uit hoe Twikit (‘wij’, ‘ons’, ‘de onderneming’) uw persoonsgegevens verwerkt wanneer u (elk een ‘gebruiker’, ‘u’, ‘uw’) onze diensten gebruikt.',
    '‘Verwerken’ of ‘verwerking’ betekent elk gebruik van persoonsgegevens, waaronder het doorgeven, verzamelen, vastleggen, opslaan, gebruiken, analyseren, combineren, openbaar maken of wissen ervan. Onder ‘persoonsgegevens’ wordt verstaan: informatie waarmee een persoon kan worden geïdentificeerd en die wordt verkregen in verband met het verlenen van onze dienst aan u.',
  ],
  controller: {
    country: 'België',
    registration: 'RPR Antwerpen 0500.986.687',
    contactNote:
      'Hebt u vragen over deze verklaring, neem dan per e-mail contact met ons op via privacy@twikit.com. Wilt u contact opnemen met een van onze lokale kantoren, dan vindt u de gegevens op onze contactpagina.',
  },
  processing: {
    intro: 'De onderstaande tabel beschrijft hoe Twikit als verwerkingsverantwoordelijke persoonsgegevens verwerkt.',
    rows: {
      account: {
        dataType: 'Accountgegevens van gebruikers',
        summary: 'Informatie die we verzamelen wanneer u zich registreert, zoals:',
        items: [{ label: 'Naam' }, { label: 'E-mailadres' }, { label: 'Klantnummer' }],
        howObtained: 'U kunt ons informatie over uzelf geven wanneer u onze diensten gebruikt',
        uses: [
          'U inschrijven voor de diensten',
          'Uw gebruikersavatar tonen aan de deelnemers van een vergadering.',
          'U ondersteuning bieden',
        ],
      },
      telemetry: {
        dataType: 'Telemetriegegevens',
        summary: 'Technische informatie van de software of het systeem waarop de dienst draait, zoals:',
        items: [
          {
            label: 'Gegevens over het gebruik van functies',
            description: 'informatie over de vraag of en hoe functies van de dienst werden gebruikt.',
          },
          { label: 'Prestatiegegevens', description: 'meetwaarden over de prestaties van de diensten.' },
          { label: 'Servicelogboeken', description: 'informatie over systeemgebeurtenissen en -toestanden.' },
        ],
        howObtained: 'Automatisch, door het gebruik van de diensten',
        uses: ['Ondersteuning bieden', 'De beveiliging van onze infrastructuur en diensten handhaven'],
      },
      support: {
        dataType: 'Supportgegevens',
        summary: 'informatie die een gebruiker heeft verstrekt toen hij contact opnam met de support',
        items: [],
        howObtained: 'Rechtstreeks van u',
        uses: ['Antwoorden op verzoeken om ondersteuning'],
      },
      biometric: {
        dataType: 'Biometrische gegevens',
        summary:
          'Scangegevens die uitsluitend worden verstrekt om in TwikFit een ontwerp te maken of een ontwerp opnieuw te maken op basis van een eerdere scan',
        items: [],
        howObtained: 'Rechtstreeks van u',
        uses: ['Om een ontwerp te maken of opnieuw te maken'],
      },
    },
    scopeNote:
      'Voor alle duidelijkheid: deze tabel heeft geen betrekking op andere klantinhoud die u verstrekt, met inbegrip van persoonsgegevens over u die in klantinhoud kunnen voorkomen, via vrije invulvelden enzovoort.',
  },
  categories: {
    non_personal: {
      label: 'Niet-persoonsgebonden gegevens',
      description:
        'alle verwerkte gegevens waarmee geen persoon kan worden geïdentificeerd, zoals de waarde van een bestelling, het aantal stuks, …',
    },
    personal: {
      label: 'Persoonsgegevens',
      description: 'zoals naam en e-mailadres. Met deze gegevens kan een natuurlijke persoon worden geïdentificeerd.',
    },
    sensitive: {
      label: 'Gevoelige gegevens',
      description: 'verstrekt door de gebruiker, zoals medische 3D-scangegevens.',
    },
  },
  residency: {
    statement:
      'Wij maken gebruik van de diensten van Amazon AWS. Als u in de Europese Economische Ruimte (EER) woont, worden uw gegevens opgeslagen in Ierland. Als u in de VS of Canada woont, worden uw gegevens opgeslagen in Californië, Verenigde Staten.',
    regions: {
      eea: { residents: 'Europese Economische Ruimte (EER)', location: 'Ierland' },
      us_ca: { residents: 'VS of Canada', location: 'Californië, Verenigde Staten' },
    },
    transfers: {
      intro: 'Als uw persoonsgegevens worden doorgegeven naar een land buiten de EER, zullen wij:',
      safeguards: [
        'ze verwerken in een gebied waarvan de Europese Commissie heeft vastgesteld dat het een passend beschermingsniveau voor persoonsgegevens biedt; of',
        'passende waarborgen treffen, die per land worden beoordeeld, om uw persoonsgegevens te beschermen, onder meer door ze door te geven volgens de toepasselijke doorgiftemechanismen, zoals de modelcontractbepalingen van de Europese Commissie',
      ],
    },
  },
  retention: {
    intro:
      'Wij bewaren persoonsgegevens zolang dat nodig is om onze dienst te verlenen, tenzij de toepasselijke wetgeving een langere bewaartermijn vereist. Om onze bewaartermijnen te bepalen, hanteren wij onder meer de volgende criteria:',
    criteria: [
      'hoelang wij een lopende relatie met u hebben en u onze diensten verlenen (bijvoorbeeld zolang u een account bij ons hebt of onze diensten blijft gebruiken);',
      'of wij wettelijk verplicht zijn de gegevens te bewaren (zo verplichten bepaalde wetten ons om gegevens over uw transacties een bepaalde tijd te bewaren voordat wij ze mogen wissen); of',
      'of bewaring raadzaam is gelet op onze juridische positie (bijvoorbeeld met het oog op toepasselijke verjaringstermijnen, rechtsgeschillen of onderzoeken door toezichthouders).',
    ],
    selfDeletion: 'Klanten kunnen hun eigen account verwijderen.',
  },
  sharing: {
    intro:
      'Wij delen persoonsgegevens alleen met ondernemingen, organisaties of personen wanneer een van de volgende situaties zich voordoet:',
    cases: {
      consent: {
        title: 'Met toestemming',
        paragraphs: [
          'Wij kunnen persoonsgegevens delen met ondernemingen, organisaties en personen buiten Twikit, en met anderen, wanneer wij daarvoor de toestemming van de betrokkene hebben (voor zover van toepassing).',
        ],
        items: [],
      },
      business: {
        title: 'Voor zakelijke doeleinden',
        paragraphs: [
          'Wij verstrekken persoonsgegevens aan leveranciers en dienstverleners die ons helpen de diensten te leveren, zoals vervoerders, betalingsverwerkers en dienstverleners voor het beheer van supporttickets. Twikit verbiedt die leveranciers contractueel om de persoonsgegevens voor een ander doel te gebruiken dan het verlenen van de overeengekomen diensten, en verplicht hen contractueel om alle passende privacy- en beveiligingsvereisten na te leven.',
        ],
        items: [],
      },
      legal: {
        title: 'Om juridische redenen',
        paragraphs: [
          'Om juridische redenen delen wij persoonsgegevens met ondernemingen, organisaties of personen als wij menen dat toegang tot de informatie, of het gebruik, de bewaring of de openbaarmaking ervan, redelijkerwijs nodig is om:',
        ],
        items: [
          'te voldoen aan de toepasselijke wetgeving of gevolg te geven aan rechtsgeldige juridische procedures, ook van politie- en justitiediensten of andere overheidsinstanties.',
          'de toepasselijke gebruiksvoorwaarden te doen naleven',
        ],
      },
    },
  },
  security: [
    'Wij nemen technische en organisatorische beveiligingsmaatregelen om de persoonsgegevens die wij in onze onderneming opslaan en verwerken te beschermen tegen manipulatie, verlies van vertrouwelijkheid, vernietiging en toegang door onbevoegden. Onze beveiligingsmaatregelen worden voortdurend verbeterd in het licht van de technologische ontwikkelingen.',
  ],
  rights: {
    intro: [
      'Wat zijn uw rechten als betrokkene?',
      'Wij willen een veilige en rechtmatige verwerking van persoonsgegevens waarborgen en verzekeren u dat uw persoonsgegevens op een eenvoudige en rechtmatige manier worden verwerkt. Dat betekent dat de persoonsgegevens alleen worden verwerkt voor het hierboven vermelde, uitdrukkelijk omschreven en rechtmatige doel. Verder verzekeren wij u dat de persoonsgegevens altijd op een toereikende, ter zake dienende en niet-bovenmatige wijze worden verwerkt.',
    ],
    items: {
      information_access: {
        title: 'Uw recht op informatie en inzage',
        paragraphs: [
          'Hebt u vragen of suggesties over de verwerking van uw persoonsgegevens, dan hebt u het recht om informatie over die verwerking te vragen, op voorwaarde dat u uw identiteit kunt aantonen. Wij geven u dan inzage in de persoonsgegevens die wij over u verwerken, en in de bron van die gegevens.',
        ],
      },
      rectification_erasure: {
        title: 'Uw recht op rectificatie of wissing',
        paragraphs: [
          'U hebt het recht om uw persoonsgegevens kosteloos te laten rectificeren, wissen of aanvullen en onjuistheden te laten verbeteren, wanneer uw persoonsgegevens onvolledig of onjuist zijn of op een onrechtmatige manier worden verwerkt. U hebt het recht om te vragen dat onjuiste gegevens of gegevens die in dat opzicht niet ter zake dienend zijn, worden gewist.',
          'U hebt het recht om uw persoonsgegevens zonder onredelijke vertraging en kosteloos te laten wissen, tenzij de persoonsgegevens op grond van een wettelijke bepaling bewaard moeten blijven. De wissing heeft vooral betrekking op de zichtbaarheid, waardoor gewiste persoonsgegevens mogelijk tijdelijk bewaard blijven. Wij nemen echter alle redelijke maatregelen om al uw persoonsgegevens zo volledig en grondig mogelijk te wissen.',
        ],
      },
      transferability: {
        title: 'Uw recht op overdracht van persoonsgegevens',
        paragraphs: ['U hebt het recht om uw persoonsgegevens in een gestructureerde vorm op te vragen.'],
      },
      object_restrict: {
        title: 'Uw recht om bezwaar te maken of de verwerking te laten beperken',
        paragraphs: [
          'U kunt te allen tijde bezwaar maken tegen de verwerking van uw persoonsgegevens, of vragen om de verwerking ervan te beperken.',
        ],
      },
      portability: {
        title: 'Uw recht op gegevensoverdraagbaarheid',
        paragraphs: [
          'Binnen de grenzen van de privacywetgeving kunt u de overdraagbaarheid van uw persoonsgegevens vragen, dat wil zeggen dat de persoonsgegevens die u aan Twikit hebt verstrekt, aan u worden teruggegeven of aan een andere persoon van uw keuze worden doorgegeven, in een gestructureerde, gangbare en machineleesbare vorm.',
        ],
      },
      complaint: {
        title: 'Uw mogelijkheid om een klacht in te dienen bij de bevoegde autoriteit',
        paragraphs: [
          'Bent u niet tevreden over de manier waarop wij uw persoonsgegevens verwerken, laat het ons dan weten via de hierboven vermelde contactmogelijkheden; wij onderzoeken dan uw bezwaar.',
        ],
      },
    },
    howToExercise: {
      text: 'U kunt deze rechten uitoefenen door contact met ons op te nemen via privacy@twikit.com of per post op het volgende adres: Hessenplein 2, 2000 Antwerpen.',
      postalAddress: 'Hessenplein 2, 2000 Antwerpen',
    },
  },
  complaint: {
    paragraphs: [
      'U kunt ook een klacht indienen bij de bevoegde gegevensbeschermingsautoriteit; dit zijn haar contactgegevens:',
    ],
    authority: {
      names: ['Gegevensbeschermingsautoriteit'],
      address: 'Drukpersstraat 35, 1000 Brussel',
      websites: ['https://www.gegevensbeschermingsautoriteit.be'],
    },
  },
  automatedDecisions: null,
  purposes: {
    biometric_scans: {
      title: 'Lichaamsscans in TwikFit',
      name: 'lichaamsscans',
      description:
        'Een 3D-scan van uw lichaam behoort tot de bijzondere categorieën van persoonsgegevens, omdat hij informatie over uw gezondheid kan onthullen. Twikit gebruikt hem alleen om in TwikFit een ontwerp te maken, of om een ontwerp opnieuw te maken op basis van een eerdere scan. Wij vragen in TwikFit uw uitdrukkelijke toestemming voordat u scant. U kunt die toestemming op elk moment intrekken; dat doet geen afbreuk aan de verwerking die plaatsvond voordat u ze introk. Als u geen toestemming geeft, kunnen wij geen ontwerp maken op basis van een scan, maar alle andere functies blijven werken.',
      dataTypes: ['3D-lichaamsscangegevens'],
      recipients: ['Twikit NV', 'Amazon AWS (hostingprovider)'],
      retention:
        'Alleen bewaard zolang dat nodig is om uw ontwerp in TwikFit te maken of opnieuw te maken, en niet langer dan u een account bij ons hebt; wanneer u uw toestemming intrekt, wordt de scan niet verder gebruikt.',
    },
    third_party_sharing: {
      title: 'Delen met derden',
      name: 'delen met derden',
      description:
        'Met uw toestemming kan Twikit uw naam en e-mailadres delen met ondernemingen, organisaties of personen buiten Twikit. Er wordt op deze manier niets gedeeld zolang u niet akkoord gaat, en u kunt uw toestemming op elk moment intrekken; dat doet geen afbreuk aan het delen dat plaatsvond voordat u ze introk. Het gaat niet over de dienstverleners die ons helpen de diensten te laten werken.',
      dataTypes: ['Naam', 'E-mailadres'],
      recipients: [
        'Twikit NV',
        'Amazon AWS (hostingprovider)',
        'ondernemingen, organisaties en personen buiten Twikit, en anderen',
      ],
      retention:
        'Na de intrekking van uw toestemming wordt niets meer gedeeld. Wat een ontvanger al heeft ontvangen, bewaart hij volgens zijn eigen privacyverklaring.',
    },
    telemetry: {
      title: 'Telemetrie (gebruik van functies, prestaties, servicelogboeken)',
      name: 'telemetrie',
      description:
        'Twikit registreert welke functies u gebruikt, hoe de diensten presteren en systeemgebeurtenissen in servicelogboeken. Wij doen dat op grond van ons gerechtvaardigd belang om ondersteuning te bieden bij de diensten en onze infrastructuur en diensten te beveiligen, niet op grond van uw toestemming. U hebt het recht om daar op elk moment bezwaar tegen te maken.',
      dataTypes: ['Gegevens over het gebruik van functies', 'Prestatiegegevens', 'Servicelogboeken'],
      recipients: [
        'Twikit NV',
        'Amazon AWS (hostingprovider)',
        'leveranciers en dienstverleners die ons helpen de diensten te leveren',
      ],
      retention:
        'Wij bewaren persoonsgegevens zolang dat nodig is om onze dienst te verlenen, tenzij de toepasselijke wetgeving een langere bewaartermijn vereist.',
    },
  },
};
