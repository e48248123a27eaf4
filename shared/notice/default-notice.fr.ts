// The notice of 2026-12-03 in French (as used in Belgium, formal "vous", GDPR terms as in the French text of
// the RGPD; a no-break space before : ; ? !). Text only: the facts come from the English document
// (translation.ts), whose text prevails.
import type { NoticeTranslation } from './translation.ts';

export const noticeTextFr: NoticeTranslation = {
  locale: 'fr',
  title: 'Déclaration de confidentialité',
  general: [
    'La présente déclaration explique comment Twikit (« nous », « notre », « la société ») traite vos données à caractère personnel lorsque vous (chacun un « utilisateur », « vous », « votre ») utilisez nos services.',
    'Par « traiter » ou « traitement », on entend toute utilisation de données à caractère personnel, notamment leur transfert, leur collecte, leur enregistrement, leur conservation, leur utilisation, leur analyse, leur combinaison, leur communication ou leur effacement. Sont considérées comme « données à caractère personnel » les informations qui permettent d’identifier une personne et qui sont obtenues dans le cadre de la fourniture de notre service.',
  ],
  controller: {
    country: 'Belgique',
    registration: 'RPM Anvers 0500.986.687',
    contactNote:
      'Pour toute question concernant la présente déclaration, écrivez-nous à l’adresse privacy@twikit.com. Si vous souhaitez contacter l’un de nos bureaux locaux, vous trouverez leurs coordonnées sur notre page Contact.',
  },
  processing: {
    intro:
      'Le tableau ci-dessous décrit les traitements de données à caractère personnel que Twikit effectue en tant que responsable du traitement.',
    rows: {
      account: {
        dataType: 'Données du compte utilisateur',
        summary: 'Les informations que nous collectons lors de votre inscription, telles que :',
        items: [{ label: 'Nom' }, { label: 'Adresse e-mail' }, { label: 'Numéro de client' }],
        howObtained: 'Vous pouvez nous communiquer des informations vous concernant en utilisant nos services',
        uses: [
          'Vous inscrire aux services',
          'Afficher votre avatar d’utilisateur aux participants d’une réunion.',
          'Vous apporter une assistance',
        ],
      },
      telemetry: {
        dataType: 'Données de télémétrie',
        summary: 'Les informations techniques provenant du logiciel ou du système qui héberge le service, telles que :',
        items: [
          {
            label: 'Données d’utilisation des fonctionnalités',
            description: 'des informations indiquant si et comment les fonctionnalités du service ont été utilisées.',
          },
          { label: 'Données de performance', description: 'des mesures relatives aux performances des services.' },
          { label: 'Journaux de service', description: 'des informations sur les événements et les états du système.' },
        ],
        howObtained: 'Automatiquement, par l’utilisation des services',
        uses: ['Fournir une assistance', 'Maintenir la sécurité de notre infrastructure et de nos services'],
      },
      support: {
        dataType: 'Données d’assistance',
        summary: 'les informations fournies par un utilisateur qui contacte le service d’assistance',
        items: [],
        howObtained: 'Directement auprès de vous',
        uses: ['Répondre aux demandes d’assistance'],
      },
      biometric: {
        dataType: 'Données biométriques',
        summary:
          'Les données de scan fournies dans le seul but de créer un design ou de recréer un design à partir d’un scan antérieur dans TwikFit',
        items: [],
        howObtained: 'Directement auprès de vous',
        uses: ['Créer un design ou recréer un design'],
      },
    },
    scopeNote:
      'Pour éviter toute ambiguïté, ce tableau ne couvre pas les autres contenus client que vous fournissez, y compris les données à caractère personnel vous concernant que ces contenus peuvent contenir, par exemple au moyen de champs de formulaire libres.',
  },
  categories: {
    non_personal: {
      label: 'Données non personnelles',
      description:
        'toutes les données traitées qui ne permettent pas d’identifier une personne, comme la valeur d’une commande, le nombre d’unités, …',
    },
    personal: {
      label: 'Données à caractère personnel',
      description: 'comme le nom ou l’adresse e-mail. Ces données peuvent servir à identifier une personne physique.',
    },
    sensitive: {
      label: 'Données sensibles',
      description: 'fournies par l’utilisateur, comme les données de scans 3D médicaux.',
    },
  },
  residency: {
    statement:
      'Nous faisons appel aux services d’Amazon AWS. Si vous résidez dans l’Espace économique européen (EEE), vos données sont stockées en Irlande. Si vous résidez aux États-Unis ou au Canada, vos données sont stockées en Californie, aux États-Unis.',
    regions: {
      eea: { residents: 'Espace économique européen (EEE)', location: 'Irlande' },
      us_ca: { residents: 'États-Unis ou Canada', location: 'Californie, États-Unis' },
    },
    transfers: {
      intro: 'Si vos données à caractère personnel sont transférées en dehors de l’EEE, nous :',
      safeguards: [
        'les traitons sur un territoire dont la Commission européenne a constaté qu’il assure un niveau de protection adéquat des données à caractère personnel ; ou',
        'mettons en œuvre des garanties appropriées, évaluées pays par pays, pour protéger vos données à caractère personnel, notamment en les transférant conformément aux mécanismes de transfert applicables, dont les clauses contractuelles types de la Commission européenne',
      ],
    },
  },
  retention: {
    intro:
      'Nous conservons les données à caractère personnel aussi longtemps que nécessaire pour fournir notre service, sauf si la loi applicable impose une durée de conservation plus longue. Les critères utilisés pour déterminer nos durées de conservation sont notamment :',
    criteria: [
      'la durée de notre relation avec vous et de la fourniture de nos services (par exemple, tant que vous avez un compte chez nous ou que vous continuez à utiliser nos services) ;',
      'l’existence d’une obligation légale de conserver les données (par exemple, certaines lois nous imposent de conserver la trace de vos transactions pendant une certaine durée avant de pouvoir la supprimer) ; ou',
      'l’opportunité de conserver les données au regard de notre situation juridique (par exemple en ce qui concerne les délais de prescription applicables, les litiges ou les enquêtes des autorités de contrôle).',
    ],
    selfDeletion: 'Les clients peuvent supprimer eux-mêmes leur compte.',
  },
  sharing: {
    intro:
      'Nous ne partageons des données à caractère personnel avec des sociétés, des organisations ou des personnes que dans l’un des cas suivants :',
    cases: {
      consent: {
        title: 'Avec votre consentement',
        paragraphs: [
          'Nous pouvons partager des données à caractère personnel avec des sociétés, des organisations et des personnes extérieures à Twikit, ainsi qu’avec d’autres tiers, lorsque nous disposons du consentement de la personne concernée (le cas échéant).',
        ],
        items: [],
      },
      business: {
        title: 'À des fins professionnelles',
        paragraphs: [
          'Nous communiquons des données à caractère personnel à des fournisseurs et à des prestataires de services qui nous aident à fournir les services, par exemple des transporteurs, des prestataires de paiement et des prestataires de gestion des tickets d’assistance. Twikit interdit contractuellement à ces fournisseurs d’utiliser les données à caractère personnel à d’autres fins que la fourniture des services convenus et les oblige contractuellement à respecter toutes les exigences appropriées en matière de confidentialité et de sécurité.',
        ],
        items: [],
      },
      legal: {
        title: 'Pour des raisons juridiques',
        paragraphs: [
          'Pour des raisons juridiques, nous partageons des données à caractère personnel avec des sociétés, des organisations ou des personnes si nous estimons que l’accès à ces informations, leur utilisation, leur conservation ou leur communication est raisonnablement nécessaire pour :',
        ],
        items: [
          'respecter la législation applicable ou donner suite à une procédure judiciaire valable, y compris à la demande des autorités répressives ou d’autres autorités publiques.',
          'faire respecter les conditions d’utilisation applicables',
        ],
      },
    },
  },
  security: [
    'Nous prenons des mesures de sécurité techniques et organisationnelles pour protéger les données à caractère personnel que nous conservons et traitons au sein de notre société contre la manipulation, la perte de confidentialité, la destruction et l’accès par des personnes non autorisées. Nos mesures de sécurité sont améliorées en permanence en fonction de l’évolution technologique.',
  ],
  rights: {
    intro: [
      'Quels sont vos droits en tant que personne concernée ?',
      'Nous voulons garantir un traitement sûr et licite des données à caractère personnel et vous assurons que vos données seront traitées de manière simple et licite. Cela signifie que les données à caractère personnel ne seront traitées que pour la finalité mentionnée ci-dessus, explicitement énoncée et légitime. Nous vous assurons en outre que les données à caractère personnel seront toujours traitées de manière adéquate, pertinente et non excessive.',
    ],
    items: {
      information_access: {
        title: 'Votre droit à l’information et d’accès',
        paragraphs: [
          'Si vous avez des questions ou des suggestions concernant le traitement de vos données à caractère personnel, vous avez le droit, pour autant que vous puissiez justifier de votre identité, de demander des informations sur ce traitement. Nous vous donnerons alors accès aux données à caractère personnel que nous traitons à votre sujet ainsi qu’à la source de ces données.',
        ],
      },
      rectification_erasure: {
        title: 'Votre droit de rectification ou d’effacement',
        paragraphs: [
          'Vous avez le droit de faire rectifier, effacer ou compléter gratuitement vos données à caractère personnel et d’en faire corriger les inexactitudes lorsqu’elles sont incomplètes ou incorrectes ou qu’elles sont traitées de manière illicite. Vous avez le droit de demander l’effacement des données incorrectes ou des données qui, à cet égard, ne sont pas pertinentes.',
          'Vous avez le droit d’obtenir l’effacement de vos données à caractère personnel dans les meilleurs délais et gratuitement, sauf si une disposition légale impose leur conservation. L’effacement porte principalement sur la visibilité, de sorte que des données effacées peuvent rester conservées temporairement. Nous prendrons toutefois toutes les mesures raisonnables pour effacer vos données à caractère personnel de la manière la plus complète possible.',
        ],
      },
      transferability: {
        title: 'Votre droit au transfert de vos données à caractère personnel',
        paragraphs: ['Vous avez le droit de demander vos données à caractère personnel dans un format structuré.'],
      },
      object_restrict: {
        title: 'Votre droit d’opposition ou de limitation du traitement',
        paragraphs: [
          'Vous pouvez à tout moment vous opposer au traitement de vos données à caractère personnel ou en demander la limitation.',
        ],
      },
      portability: {
        title: 'Votre droit à la portabilité des données',
        paragraphs: [
          'Dans les limites fixées par la législation relative à la protection de la vie privée, vous pouvez demander la portabilité de vos données à caractère personnel, c’est-à-dire obtenir que les données que vous avez fournies à Twikit vous soient restituées ou transmises à une personne de votre choix, dans un format structuré, couramment utilisé et lisible par machine.',
        ],
      },
      complaint: {
        title: 'Votre possibilité d’introduire une réclamation auprès de l’autorité compétente',
        paragraphs: [
          'Si vous n’êtes pas satisfait de la manière dont nous traitons vos données à caractère personnel, faites-le-nous savoir par les moyens de contact indiqués ci-dessus ; nous examinerons votre demande.',
        ],
      },
    },
    howToExercise: {
      text: 'Vous pouvez exercer ces droits en nous contactant à l’adresse privacy@twikit.com ou par courrier à l’adresse suivante : Hessenplein 2, 2000 Antwerpen.',
      postalAddress: 'Hessenplein 2, 2000 Antwerpen',
    },
  },
  complaint: {
    paragraphs: [
      'Vous pouvez également introduire une réclamation auprès de l’autorité de protection des données compétente, dont voici les coordonnées :',
    ],
    authority: {
      names: ['Autorité de protection des données'],
      address: 'Rue de la Presse 35, 1000 Bruxelles',
      websites: ['https://www.autoriteprotectiondonnees.be'],
    },
  },
  automatedDecisions: null,
  purposes: {
    biometric_scans: {
      title: 'Scans corporels dans TwikFit',
      name: 'les scans corporels',
      description:
        'Un scan 3D de votre corps relève des catégories particulières de données à caractère personnel, car il peut révéler des informations sur votre santé. Twikit ne l’utilise que pour créer un design, ou recréer un design à partir d’un scan antérieur, dans TwikFit. Nous vous demandons votre consentement explicite dans TwikFit avant que vous ne scanniez. Vous pouvez le retirer à tout moment, sans que cela remette en cause le traitement effectué avant le retrait. Si vous ne consentez pas, nous ne pouvons pas réaliser de design à partir d’un scan, mais toutes les autres fonctionnalités restent disponibles.',
      dataTypes: ['Données de scan corporel 3D'],
      recipients: ['Twikit NV', 'Amazon AWS (hébergement)'],
      retention:
        'Conservées uniquement le temps nécessaire pour créer ou recréer votre design dans TwikFit, et jamais au-delà de la durée de votre compte chez nous ; le retrait de votre consentement met fin à toute utilisation ultérieure.',
    },
    third_party_sharing: {
      title: 'Partage avec des tiers',
      name: 'le partage avec des tiers',
      description:
        'Avec votre consentement, Twikit peut partager votre nom et votre adresse e-mail avec des sociétés, des organisations ou des personnes extérieures à Twikit. Rien n’est partagé de cette manière tant que vous n’avez pas donné votre accord, et vous pouvez retirer votre consentement à tout moment, sans que cela remette en cause le partage effectué avant le retrait. Cela ne concerne pas les prestataires de services qui nous aident à faire fonctionner les services.',
      dataTypes: ['Nom', 'Adresse e-mail'],
      recipients: [
        'Twikit NV',
        'Amazon AWS (hébergement)',
        'des sociétés, des organisations et des personnes extérieures à Twikit, ainsi que d’autres tiers',
      ],
      retention:
        'Plus rien n’est partagé après le retrait de votre consentement. Ce qu’un destinataire a déjà reçu est conservé conformément à sa propre déclaration de confidentialité.',
    },
    telemetry: {
      title: 'Télémétrie (utilisation des fonctionnalités, performances, journaux de service)',
      name: 'la télémétrie',
      description:
        'Twikit enregistre les fonctionnalités que vous utilisez, les performances des services et les événements système dans des journaux de service. Nous le faisons sur la base de notre intérêt légitime à assurer l’assistance des services et la sécurité de notre infrastructure et de nos services, et non sur la base de votre consentement. Vous avez le droit de vous y opposer à tout moment.',
      dataTypes: ['Données d’utilisation des fonctionnalités', 'Données de performance', 'Journaux de service'],
      recipients: [
        'Twikit NV',
        'Amazon AWS (hébergement)',
        'des fournisseurs et des prestataires de services qui nous aident à fournir les services',
      ],
      retention:
        'Nous conservons les données à caractère personnel aussi longtemps que nécessaire pour fournir notre service, sauf si la loi applicable impose une durée de conservation plus longue.',
    },
  },
};
