// The published privacy notice (seed/privacy-notice.txt) as data. Prose is the seed's own text, typos
// included: the notice is a legal text and this file only restructures it. Runs of whitespace (the
// seed has stray non-breaking spaces) are collapsed to one space. Only `purposes` is our own wording, quoting the
// seed where it says something of a purpose (its table, sharing and retention sections); the purposes are what
// the server, the core, the widget and the popup take everything about a purpose from.
import type { NoticeDocument } from '../contract/notice.ts';
import { APP_REGISTRY } from '../registry/apps.ts';

// All apps carry the same rows except biometric; the app registry keeps them in the table's order.
const ALL_APPS = APP_REGISTRY.map((a) => a.id);

/** The controller and the hosting provider its residency section names: recipients of every purpose. */
const TWIKIT = { name: 'Twikit NV', thirdParty: false };
const HOSTING = { name: 'Amazon AWS (hosting)', thirdParty: false };

/**
 * The English notice of 2026-12-03, without its content hash (add it with `withContentHash`). Its text is the
 * seed's as in 2026-11-24; this version adds each purpose's rules, recipients and retention. A version id is
 * immutable, so a database that published 2026-11-24 keeps it and gets this one as current: consents to the
 * purposes it changed are asked again (R12).
 */
export const defaultNoticeEn: Omit<NoticeDocument, 'contentHash'> = {
  schemaVersion: 1,
  version: '2026-12-03',
  effectiveDate: '2026-12-03',
  locale: 'en',
  title: 'Privacy Notice',
  general: {
    paragraphs: [
      'This notice explains how Twikit (‘we’, ‘us’, ‘company’) processes your personal data when you (each a ‘user’, ‘you’, ‘your’) use our services.',
      'To ‘process’ or ‘processing’ means any use of personal data including, transferring, collecting, recording, storing, using, analyzing, combining, disclosing, or deleting it. ‘Personal Data’ shall be considered as information that is personally identifiable and obtained in connection with providing our service to you.',
    ],
  },
  controller: {
    name: 'Twikit NV',
    address: { street: 'Hessenplein 2', postalCode: '2000', city: 'Antwerpen', country: 'Belgium' },
    registration: 'RLE Antwerp 0500.986.687',
    email: 'privacy@twikit.com',
    contactNote:
      'If you have any questions about this Notice, please contact us by email at privacy@twikit.com. If you wish to contact our local offices, please refer to our Contact page for details.',
    dpo: null,
  },
  processing: {
    intro: 'The table below describes Twikit’s processing of personal data as a data controller.',
    rows: [
      {
        id: 'account',
        dataType: 'Account User Data',
        what: {
          summary: 'Information we collect when you register, such as:',
          items: [{ label: 'Name' }, { label: 'E-Mail' }, { label: 'Client ID' }],
        },
        howObtained: 'You may give us information about you using our services',
        apps: [...ALL_APPS],
        uses: [
          'Enroll you in the Services',
          'Display your user avatar to meeting participants.',
          'Provide you with support',
        ],
        usesOpenEnded: true,
        legalBases: ['contract', 'legitimate_interests'],
        specialCategory: false,
      },
      {
        id: 'telemetry',
        dataType: 'Telemetry Data',
        what: {
          summary: 'Technical information from software or system hosting the service, such as:',
          items: [
            { label: 'Feature Usage Data', description: 'information about if and how Service features were used.' },
            { label: 'Performance Data', description: 'metrics related to how the Services perform.' },
            { label: 'Service Logs', description: 'information on system events and states.' },
          ],
        },
        howObtained: 'Automatically through use of the services',
        apps: [...ALL_APPS],
        uses: ['Provide support', 'Maintain the security of our infrastructure and Services'],
        usesOpenEnded: true,
        legalBases: ['contract', 'legitimate_interests', 'vital_interests', 'legal_obligation'],
        specialCategory: false,
      },
      {
        id: 'support',
        dataType: 'Support Data',
        what: { summary: 'information that has been provided by a user contacting the support', items: [] },
        howObtained: 'Directly from you',
        apps: [...ALL_APPS],
        uses: ['Respond to requests for support'],
        usesOpenEnded: false,
        legalBases: ['contract', 'legitimate_interests'],
        specialCategory: false,
      },
      {
        id: 'biometric',
        dataType: 'Biometric Data',
        what: {
          summary:
            'Scan data provided for the sole purpose of creating a design or recreating a design based on an older scan in TwikFit',
          items: [],
        },
        howObtained: 'Directly from you',
        apps: ['twikfit'],
        uses: ['To create a design or recreate a design'],
        usesOpenEnded: false,
        legalBases: ['explicit_consent'],
        specialCategory: true,
      },
    ],
    scopeNote:
      'For the avoidance of doubt, this table does not cover other Customer Content provided by you, including any personal data about you, that may be contained in Customer Content, through free field forms, etc.',
  },
  categories: [
    {
      id: 'non_personal',
      label: 'Non-personal data',
      description: 'all data processed that is not personally identifiable such as order value, amount of units,…',
    },
    {
      id: 'personal',
      label: 'Personal data',
      description: 'such as Name, E-Mail. This data can be used to identify a natural person.',
    },
    // The seed's third bullet has no "label:" split and a lower-case start; kept as written.
    { id: 'sensitive', label: 'sensitive data', description: 'provided by the user, like medical 3D scan data.' },
  ],
  residency: {
    provider: 'Amazon AWS',
    statement:
      'We use the services of Amazon AWS. If you are a resident of the European Economic Area (EEA), your data is stored in Ireland. If you are a resident of the USA or Canada your data is stored in California, United States.',
    regions: [
      { region: 'eea', residents: 'European Economic Area (EEA)', location: 'Ireland' },
      { region: 'us_ca', residents: 'USA or Canada', location: 'California, United States' },
    ],
    transfers: {
      intro: 'If your personal data is transferred outside of the EEA, we will:',
      safeguards: [
        'Process it in a territory that the European Commission has determined provides an adequate level of protection for personal information; or',
        'Implement appropriate safeguards, which will be assessed on a country-by-country basis, to protect your personal information, including transferring it in accordance with applicable transfer mechanisms, including the European Commission’s standard contractual clauses',
      ],
    },
  },
  retention: {
    intro:
      'We will retain personal data for as long as required to provide our service unless a longer retention period is required by applicable law. The criteria used to determine our retention periods include:',
    criteria: [
      'The length of time we have an ongoing relationship with you and provide our services to you (for example, for as long as you have an account with us or keep using our services);',
      'Whether we have a legal obligation to keep the data (for example, certain laws require us to keep records of your transactions for a certain period of time before we can delete them); or',
      'Whether retention is advisable in light of our legal position (such as in regard to applicable statutes of limitations, litigation, or regulatory investigations).',
    ],
    selfDeletion: 'Customers can delete their own accounts.',
  },
  sharing: {
    intro:
      'We only share personal data with companies, organizations, or individuals when one of the following circumstances applies:',
    cases: [
      {
        id: 'consent',
        title: 'With Consent',
        paragraphs: [
          'We may share personal data with companies, organizations, individuals outside, and others when we have consent from an individual (as applicable).',
        ],
        items: [],
      },
      {
        id: 'business',
        title: 'For business purposes',
        paragraphs: [
          'We provide personal data to vendors and services providers to help us provide the Services. Examples include carriers, payment processors, and service providers for managing customer support tickets. Twikit contractually prohibits such vendors from using the personal data for any reason other than to provide the contracted-for services and Twikit contractually requires its vendors to comply with all appropriate privacy and security requirements.',
        ],
        items: [],
      },
      {
        // The seed has no heading for this case; the title is the opening words of its sentence.
        id: 'legal',
        title: 'For legal reasons',
        paragraphs: [
          'For legal reasons, we share personal data with companies, organizations, or individuals if we believe that access, use, preservation, or disclosure of the information is reasonably necessary to:',
        ],
        items: [
          'meet any applicable law or respond to valid legal processes, including from law enforcement or other government agencies.',
          'enforce applicable Terms of Service',
        ],
      },
    ],
  },
  security: {
    paragraphs: [
      'We take technical and organizational security measures to protect your personal data which we store and process in our company against manipulation, loss of confidentiality, destruction, and access by unauthorized persons. Our company’s security measures are continuously improved in line with technological developments.',
    ],
  },
  rights: {
    intro: [
      'What are your rights as a data subject?',
      'We want to guarantee a safe and lawful processing of Personal Data and we assure you that your Personal Data will be processed in a straightforward and lawful way. This implies that the Personal Data will only be processed for the aforementioned, explicitly stated, and legal purpose. We furthermore assure that the Personal Data will always be processed in an adequate, relevant, and non-excessive manner.',
    ],
    items: [
      {
        id: 'information_access',
        title: 'Your right to information and access',
        paragraphs: [
          'If you have questions or suggestions with regard to the processing of your Personal Data, provided you are able to prove your identity, you have the right to request information concerning the processing. We will then provide you with access to your Personal Data that we process as well as the source of these Personal Data.',
        ],
      },
      {
        id: 'rectification_erasure',
        title: 'Your right of rectification or erasure',
        paragraphs: [
          'You have the right to have your Personal Data rectified, erased, or amended, free of charge, and to correct inaccuracies, in the event that your Personal Data is incomplete or incorrect, or is being processed in an unlawful manner. You have the right to request the erasure of incorrect data or data that is not relevant in such a manner.',
          'You have the right to have your Personal Data erased without undue delay, free of charge unless the Personal Data has to remain stored in accordance with a legal provision. The erasure is predominantly related to visibility, which entails the possibility that the erased Personal Data will remain stored temporarily. However, we will take any and all reasonable measures to erase all your Personal Data as fully and extensively as possible.',
        ],
      },
      // The next three run heading and text together on one line in the seed; split at the heading's end.
      {
        id: 'transferability',
        title: 'Your right of transferability of Personal Data',
        paragraphs: ['You have the right to request your Personal Data in a structured format.'],
      },
      {
        id: 'object_restrict',
        title: 'Your right to object or restrict the processing',
        paragraphs: [
          'You can, at all times, object to the processing of your Personal Data, or request to restrict the processing of your Personal Data.',
        ],
      },
      {
        id: 'portability',
        title: 'Your right to Data Portability',
        paragraphs: [
          'Within the limits set forth in the Privacy Legislation, you may request the portability of your Personal Data, i.e. by obtaining that the Personal Data you have provided to Twikit will be returned to you or transferred to someone else of your choice, in a structured, commonly used and machine-readable format.',
        ],
      },
      {
        id: 'complaint',
        title: 'Your option to file a complaint with the competent authority',
        paragraphs: [
          'If you are not satisfied with the way we process your Personal Data, please let us know using the above communication means and we will investigate your concern.',
        ],
      },
    ],
    howToExercise: {
      text: 'These rights may be exercised by contacting us through privacy@twikit.com or by mail at the following address: Hessenplein 2, 2000 Antwerpen.',
      email: 'privacy@twikit.com',
      postalAddress: 'Hessenplein 2, 2000 Antwerpen',
    },
  },
  complaint: {
    paragraphs: [
      'You may also file a complaint to the competent data protection authority with the following contact details:',
    ],
    authority: {
      // "Gegevensbecherming" (sic): the seed's spelling; the authority's own site spells it "bescherming".
      names: ['De Gegevensbechermingsautoriteit', 'Autorité de protection des données'],
      address: 'Rue de la Presse 35, 1000 Bruxelles',
      phones: ['02 274 48 00', '02 274 48 79'],
      fax: '02 274 48 35',
      websites: [
        'https://www.gegevensbeschermingsautoriteit.be',
        'https://www.autoriteprotectiondonnees.be',
        'https://www.dataprotectionauthority.be',
      ],
    },
  },
  // The notice says nothing on automated decision-making (R9): an open gap, not something to invent here.
  automatedDecisions: null,
  purposes: [
    {
      id: 'biometric_scans',
      kind: 'consent',
      legalBasis: 'explicit_consent',
      specialCategory: true,
      acceptAll: false,
      processingRow: 'biometric',
      apps: ['twikfit'],
      justInTime: true,
      title: 'Body scans in TwikFit',
      name: 'body scans',
      description:
        'A 3D scan of your body is special-category data, because it can reveal information about your health. Twikit uses it only to create a design, or to recreate a design from an earlier scan, in TwikFit. We ask for your explicit consent in TwikFit before you scan. You can withdraw it at any time; this does not affect processing that took place before you withdrew. If you do not consent, we cannot make a design from a scan, but all other features keep working.',
      dataTypes: ['3D body scan data'],
      // The notice names no one else for scans: Twikit itself, on the hosting its residency section names.
      recipients: [TWIKIT, HOSTING],
      retention: {
        text: 'Kept only as long as needed to create or recreate your design in TwikFit, and no longer than you have an account with us; withdrawing your consent stops any further use of it.',
      },
    },
    {
      id: 'third_party_sharing',
      kind: 'consent',
      legalBasis: 'consent',
      specialCategory: false,
      acceptAll: true,
      gpc: 'off',
      apps: [],
      justInTime: false,
      title: 'Sharing with third parties',
      name: 'sharing with third parties',
      description:
        'With your consent, Twikit may share your name and e-mail address with companies, organizations or individuals outside Twikit. Nothing is shared this way until you agree, and you can withdraw your consent at any time; this does not affect sharing that took place before you withdrew. It does not cover the service providers that help us run the services.',
      dataTypes: ['Name', 'E-Mail'],
      // The sharing section's "With Consent" case, in its words.
      recipients: [
        TWIKIT,
        HOSTING,
        { name: 'companies, organizations, individuals outside, and others', thirdParty: true },
      ],
      retention: {
        text: 'Nothing is shared after you withdraw your consent. What a recipient already received is kept under its own privacy notice.',
      },
    },
    {
      id: 'telemetry',
      kind: 'objection',
      legalBasis: 'legitimate_interests',
      specialCategory: false,
      acceptAll: false,
      gpc: 'objected',
      processingRow: 'telemetry',
      apps: [],
      justInTime: false,
      title: 'Telemetry (feature usage, performance, service logs)',
      name: 'telemetry',
      description:
        'Twikit records which features you use, how the services perform and system events in service logs. We do this on our legitimate interest in supporting the services and keeping our infrastructure and services secure, not on your consent. You have the right to object to it at any time.',
      dataTypes: ['Feature Usage Data', 'Performance Data', 'Service Logs'],
      // The sharing section's "For business purposes" case: the providers that help run the services.
      recipients: [
        TWIKIT,
        HOSTING,
        { name: 'vendors and services providers to help us provide the Services', thirdParty: false },
      ],
      retention: {
        // The retention section's words: the notice names no period of its own for telemetry.
        text: 'We will retain personal data for as long as required to provide our service unless a longer retention period is required by applicable law.',
      },
    },
  ],
};
