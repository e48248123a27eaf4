// The notice of 2026-12-03 in German (formal "Sie", GDPR terms as in the German text of the DSGVO; the
// Belgian authority under the name it uses in German). Text only: the facts come from the English document
// (translation.ts), whose text prevails.
import type { NoticeTranslation } from './translation.ts';

export const noticeTextDe: NoticeTranslation = {
  locale: 'de',
  title: 'Datenschutzerklärung',
  general: [
    'Diese Erklärung beschreibt, wie Twikit („wir“, „uns“, „Unternehmen“) Ihre personenbezogenen Daten verarbeitet, wenn Sie (jeweils ein „Nutzer“, „Sie“, „Ihr“) unsere Dienste nutzen.',
    '„Verarbeiten“ oder „Verarbeitung“ bezeichnet jede Verwendung personenbezogener Daten, darunter ihre Übermittlung, Erhebung, Erfassung, Speicherung, Nutzung, Analyse, Verknüpfung, Offenlegung oder Löschung. Als „personenbezogene Daten“ gelten Informationen, die eine Person identifizierbar machen und die wir im Zusammenhang mit der Erbringung unseres Dienstes für Sie erhalten.',
  ],
  controller: {
    country: 'Belgien',
    registration: 'RJP Antwerpen 0500.986.687',
    contactNote:
      'Wenn Sie Fragen zu dieser Erklärung haben, schreiben Sie uns bitte eine E-Mail an privacy@twikit.com. Wenn Sie sich an eine unserer Niederlassungen wenden möchten, finden Sie deren Kontaktdaten auf unserer Kontaktseite.',
  },
  processing: {
    intro: 'Die folgende Tabelle beschreibt, wie Twikit als Verantwortlicher personenbezogene Daten verarbeitet.',
    rows: {
      account: {
        dataType: 'Kontodaten der Nutzer',
        summary: 'Informationen, die wir bei Ihrer Registrierung erheben, zum Beispiel:',
        items: [{ label: 'Name' }, { label: 'E-Mail' }, { label: 'Kundennummer' }],
        howObtained: 'Sie können uns bei der Nutzung unserer Dienste Informationen über sich geben',
        uses: [
          'Sie für die Dienste registrieren',
          'Ihren Nutzer-Avatar den Teilnehmern einer Besprechung anzeigen.',
          'Sie unterstützen',
        ],
      },
      telemetry: {
        dataType: 'Telemetriedaten',
        summary: 'Technische Informationen aus der Software oder dem System, auf dem der Dienst läuft, zum Beispiel:',
        items: [
          {
            label: 'Daten zur Nutzung von Funktionen',
            description: 'Informationen darüber, ob und wie Funktionen des Dienstes genutzt wurden.',
          },
          { label: 'Leistungsdaten', description: 'Messwerte zur Leistung der Dienste.' },
          { label: 'Dienstprotokolle', description: 'Informationen über Systemereignisse und -zustände.' },
        ],
        howObtained: 'Automatisch durch die Nutzung der Dienste',
        uses: ['Support leisten', 'Die Sicherheit unserer Infrastruktur und Dienste gewährleisten'],
      },
      support: {
        dataType: 'Supportdaten',
        summary: 'Informationen, die ein Nutzer bei einer Anfrage an den Support angegeben hat',
        items: [],
        howObtained: 'Direkt von Ihnen',
        uses: ['Supportanfragen beantworten'],
      },
      biometric: {
        dataType: 'Biometrische Daten',
        summary:
          'Scandaten, die ausschließlich bereitgestellt werden, um in TwikFit ein Design zu erstellen oder ein Design anhand eines früheren Scans neu zu erstellen',
        items: [],
        howObtained: 'Direkt von Ihnen',
        uses: ['Ein Design erstellen oder neu erstellen'],
      },
    },
    scopeNote:
      'Zur Klarstellung: Diese Tabelle erfasst keine sonstigen Kundeninhalte, die Sie bereitstellen, einschließlich personenbezogener Daten über Sie, die in Kundeninhalten enthalten sein können, etwa über Freitextfelder in Formularen.',
  },
  categories: {
    non_personal: {
      label: 'Nicht personenbezogene Daten',
      description:
        'alle verarbeiteten Daten, die keine Person identifizierbar machen, zum Beispiel Bestellwert, Stückzahl, …',
    },
    personal: {
      label: 'Personenbezogene Daten',
      description:
        'zum Beispiel Name und E-Mail-Adresse. Mit diesen Daten kann eine natürliche Person identifiziert werden.',
    },
    sensitive: {
      label: 'Sensible Daten',
      description: 'vom Nutzer bereitgestellt, zum Beispiel medizinische 3D-Scandaten.',
    },
  },
  residency: {
    statement:
      'Wir nutzen die Dienste von Amazon AWS. Wenn Sie im Europäischen Wirtschaftsraum (EWR) wohnen, werden Ihre Daten in Irland gespeichert. Wenn Sie in den USA oder in Kanada wohnen, werden Ihre Daten in Kalifornien, Vereinigte Staaten, gespeichert.',
    regions: {
      eea: { residents: 'Europäischer Wirtschaftsraum (EWR)', location: 'Irland' },
      us_ca: { residents: 'USA oder Kanada', location: 'Kalifornien, Vereinigte Staaten' },
    },
    transfers: {
      intro: 'Werden Ihre personenbezogenen Daten in ein Land außerhalb des EWR übermittelt, so werden wir',
      safeguards: [
        'sie in einem Gebiet verarbeiten, für das die Europäische Kommission festgestellt hat, dass es ein angemessenes Schutzniveau für personenbezogene Daten bietet, oder',
        'geeignete Garantien vorsehen, die für jedes Land einzeln geprüft werden, um Ihre personenbezogenen Daten zu schützen, unter anderem durch eine Übermittlung nach den anwendbaren Übermittlungsmechanismen, etwa den Standardvertragsklauseln der Europäischen Kommission.',
      ],
    },
  },
  retention: {
    intro:
      'Wir speichern personenbezogene Daten so lange, wie es für die Erbringung unseres Dienstes erforderlich ist, sofern das anwendbare Recht keine längere Aufbewahrungsfrist vorschreibt. Zu den Kriterien für unsere Aufbewahrungsfristen gehören:',
    criteria: [
      'wie lange wir mit Ihnen in einer laufenden Beziehung stehen und Ihnen unsere Dienste erbringen (zum Beispiel solange Sie ein Konto bei uns haben oder unsere Dienste weiter nutzen);',
      'ob wir gesetzlich verpflichtet sind, die Daten aufzubewahren (bestimmte Gesetze verpflichten uns zum Beispiel, Aufzeichnungen über Ihre Transaktionen eine bestimmte Zeit lang aufzubewahren, bevor wir sie löschen dürfen); oder',
      'ob die Aufbewahrung mit Blick auf unsere Rechtsposition ratsam ist (etwa wegen anwendbarer Verjährungsfristen, Rechtsstreitigkeiten oder behördlicher Untersuchungen).',
    ],
    selfDeletion: 'Kunden können ihr eigenes Konto löschen.',
  },
  sharing: {
    intro:
      'Wir geben personenbezogene Daten nur dann an Unternehmen, Organisationen oder Einzelpersonen weiter, wenn einer der folgenden Fälle vorliegt:',
    cases: {
      consent: {
        title: 'Mit Einwilligung',
        paragraphs: [
          'Wir können personenbezogene Daten an Unternehmen, Organisationen, Einzelpersonen außerhalb von Twikit und andere weitergeben, wenn uns die Einwilligung der betroffenen Person vorliegt (soweit zutreffend).',
        ],
        items: [],
      },
      business: {
        title: 'Für geschäftliche Zwecke',
        paragraphs: [
          'Wir stellen personenbezogene Daten Lieferanten und Dienstleistern zur Verfügung, die uns bei der Erbringung der Dienste unterstützen, zum Beispiel Versanddienstleistern, Zahlungsdienstleistern und Dienstleistern für die Verwaltung von Supporttickets. Twikit untersagt diesen Lieferanten vertraglich, die personenbezogenen Daten für einen anderen Zweck als die Erbringung der vereinbarten Leistungen zu verwenden, und verpflichtet sie vertraglich, alle angemessenen Datenschutz- und Sicherheitsanforderungen einzuhalten.',
        ],
        items: [],
      },
      legal: {
        title: 'Aus rechtlichen Gründen',
        paragraphs: [
          'Aus rechtlichen Gründen geben wir personenbezogene Daten an Unternehmen, Organisationen oder Einzelpersonen weiter, wenn wir der Auffassung sind, dass der Zugriff auf die Informationen, ihre Nutzung, Aufbewahrung oder Offenlegung vernünftigerweise notwendig ist, um',
        ],
        items: [
          'geltendes Recht einzuhalten oder rechtmäßigen behördlichen oder gerichtlichen Anordnungen nachzukommen, auch solchen von Strafverfolgungs- oder anderen Behörden.',
          'geltende Nutzungsbedingungen durchzusetzen',
        ],
      },
    },
  },
  security: [
    'Wir treffen technische und organisatorische Sicherheitsmaßnahmen, um Ihre personenbezogenen Daten, die wir in unserem Unternehmen speichern und verarbeiten, vor Manipulation, Verlust der Vertraulichkeit, Zerstörung und Zugriff durch Unbefugte zu schützen. Unsere Sicherheitsmaßnahmen werden entsprechend der technischen Entwicklung fortlaufend verbessert.',
  ],
  rights: {
    intro: [
      'Welche Rechte haben Sie als betroffene Person?',
      'Wir wollen eine sichere und rechtmäßige Verarbeitung personenbezogener Daten gewährleisten und versichern Ihnen, dass Ihre personenbezogenen Daten auf nachvollziehbare und rechtmäßige Weise verarbeitet werden. Das bedeutet, dass die personenbezogenen Daten nur für den oben genannten, ausdrücklich festgelegten und rechtmäßigen Zweck verarbeitet werden. Wir versichern außerdem, dass die personenbezogenen Daten stets angemessen, erheblich und nicht übermäßig verarbeitet werden.',
    ],
    items: {
      information_access: {
        title: 'Ihr Recht auf Information und Auskunft',
        paragraphs: [
          'Wenn Sie Fragen oder Anregungen zur Verarbeitung Ihrer personenbezogenen Daten haben, können Sie Auskunft über die Verarbeitung verlangen, sofern Sie Ihre Identität nachweisen können. Wir gewähren Ihnen dann Zugang zu den personenbezogenen Daten, die wir über Sie verarbeiten, und teilen Ihnen deren Herkunft mit.',
        ],
      },
      rectification_erasure: {
        title: 'Ihr Recht auf Berichtigung oder Löschung',
        paragraphs: [
          'Sie haben das Recht, Ihre personenbezogenen Daten kostenlos berichtigen, löschen oder ergänzen und Unrichtigkeiten korrigieren zu lassen, wenn Ihre personenbezogenen Daten unvollständig oder unrichtig sind oder unrechtmäßig verarbeitet werden. Sie haben das Recht, die Löschung unrichtiger oder in diesem Sinne nicht erheblicher Daten zu verlangen.',
          'Sie haben das Recht, Ihre personenbezogenen Daten unverzüglich und kostenlos löschen zu lassen, sofern sie nicht aufgrund einer gesetzlichen Vorschrift gespeichert bleiben müssen. Die Löschung betrifft vor allem die Sichtbarkeit; gelöschte personenbezogene Daten können daher vorübergehend gespeichert bleiben. Wir ergreifen jedoch alle angemessenen Maßnahmen, um Ihre personenbezogenen Daten so vollständig und umfassend wie möglich zu löschen.',
        ],
      },
      transferability: {
        title: 'Ihr Recht auf Übertragung Ihrer personenbezogenen Daten',
        paragraphs: ['Sie haben das Recht, Ihre personenbezogenen Daten in einem strukturierten Format anzufordern.'],
      },
      object_restrict: {
        title: 'Ihr Recht auf Widerspruch oder Einschränkung der Verarbeitung',
        paragraphs: [
          'Sie können jederzeit der Verarbeitung Ihrer personenbezogenen Daten widersprechen oder die Einschränkung ihrer Verarbeitung verlangen.',
        ],
      },
      portability: {
        title: 'Ihr Recht auf Datenübertragbarkeit',
        paragraphs: [
          'In den Grenzen der Datenschutzgesetze können Sie die Übertragbarkeit Ihrer personenbezogenen Daten verlangen, das heißt, dass die personenbezogenen Daten, die Sie Twikit bereitgestellt haben, Ihnen in einem strukturierten, gängigen und maschinenlesbaren Format zurückgegeben oder an eine Person Ihrer Wahl übermittelt werden.',
        ],
      },
      complaint: {
        title: 'Ihre Möglichkeit, eine Beschwerde bei der zuständigen Behörde einzureichen',
        paragraphs: [
          'Wenn Sie mit der Art und Weise, wie wir Ihre personenbezogenen Daten verarbeiten, nicht zufrieden sind, teilen Sie uns dies bitte über die oben genannten Kontaktwege mit; wir gehen Ihrem Anliegen dann nach.',
        ],
      },
    },
    howToExercise: {
      text: 'Sie können diese Rechte ausüben, indem Sie uns unter privacy@twikit.com oder per Post unter folgender Anschrift kontaktieren: Hessenplein 2, 2000 Antwerpen.',
      postalAddress: 'Hessenplein 2, 2000 Antwerpen',
    },
  },
  complaint: {
    paragraphs: [
      'Sie können außerdem bei der zuständigen Datenschutzbehörde Beschwerde einlegen; ihre Kontaktdaten lauten:',
    ],
    authority: {
      names: ['Datenschutzbehörde'],
      address: 'Rue de la Presse 35, 1000 Brüssel',
      websites: ['https://www.datenschutzbehorde.be'],
    },
  },
  automatedDecisions: null,
  purposes: {
    biometric_scans: {
      title: 'Körperscans in TwikFit',
      name: 'Körperscans',
      description:
        'Ein 3D-Scan Ihres Körpers gehört zu den besonderen Kategorien personenbezogener Daten, weil er Rückschlüsse auf Ihre Gesundheit zulassen kann. Twikit verwendet ihn nur, um in TwikFit ein Design zu erstellen oder ein Design anhand eines früheren Scans neu zu erstellen. Wir bitten Sie in TwikFit um Ihre ausdrückliche Einwilligung, bevor Sie scannen. Sie können sie jederzeit widerrufen; die Rechtmäßigkeit der Verarbeitung bis zum Widerruf bleibt davon unberührt. Wenn Sie nicht einwilligen, können wir kein Design aus einem Scan erstellen, alle anderen Funktionen bleiben aber nutzbar.',
      dataTypes: ['3D-Körperscandaten'],
      recipients: ['Twikit NV', 'Amazon AWS (Hosting-Anbieter)'],
      retention:
        'Nur so lange gespeichert, wie es nötig ist, um Ihr Design in TwikFit zu erstellen oder neu zu erstellen, und nicht länger, als Sie ein Konto bei uns haben; mit dem Widerruf Ihrer Einwilligung endet jede weitere Nutzung.',
    },
    third_party_sharing: {
      title: 'Weitergabe an Dritte',
      name: 'Weitergabe an Dritte',
      description:
        'Mit Ihrer Einwilligung kann Twikit Ihren Namen und Ihre E-Mail-Adresse an Unternehmen, Organisationen oder Einzelpersonen außerhalb von Twikit weitergeben. Auf diese Weise wird nichts weitergegeben, solange Sie nicht zustimmen, und Sie können Ihre Einwilligung jederzeit widerrufen; eine Weitergabe vor dem Widerruf bleibt davon unberührt. Die Dienstleister, die uns beim Betrieb der Dienste unterstützen, sind davon nicht erfasst.',
      dataTypes: ['Name', 'E-Mail'],
      recipients: [
        'Twikit NV',
        'Amazon AWS (Hosting-Anbieter)',
        'Unternehmen, Organisationen, Einzelpersonen außerhalb von Twikit und andere',
      ],
      retention:
        'Nach dem Widerruf Ihrer Einwilligung wird nichts mehr weitergegeben. Was ein Empfänger bereits erhalten hat, bewahrt er nach seiner eigenen Datenschutzerklärung auf.',
    },
    telemetry: {
      title: 'Telemetrie (Nutzung von Funktionen, Leistung, Dienstprotokolle)',
      name: 'Telemetrie',
      description:
        'Twikit erfasst, welche Funktionen Sie nutzen, wie die Dienste arbeiten und welche Systemereignisse in Dienstprotokollen anfallen. Wir tun dies auf Grundlage unseres berechtigten Interesses, die Dienste zu unterstützen und unsere Infrastruktur und Dienste sicher zu halten, nicht auf Grundlage Ihrer Einwilligung. Sie haben das Recht, dem jederzeit zu widersprechen.',
      dataTypes: ['Daten zur Nutzung von Funktionen', 'Leistungsdaten', 'Dienstprotokolle'],
      recipients: [
        'Twikit NV',
        'Amazon AWS (Hosting-Anbieter)',
        'Lieferanten und Dienstleister, die uns bei der Erbringung der Dienste unterstützen',
      ],
      retention:
        'Wir speichern personenbezogene Daten so lange, wie es für die Erbringung unseres Dienstes erforderlich ist, sofern das anwendbare Recht keine längere Aufbewahrungsfrist vorschreibt.',
    },
  },
};
