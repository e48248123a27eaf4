import type { ConsentEvent } from '../../shared/contract/consent.ts';
import type { Locale } from '../../shared/contract/common.ts';
import type { LegalBasis } from '../../shared/contract/purpose.ts';

// The printable receipt's own words in each language the notice is published in (the values come from the notice
// version the record names, already in the person's language). Server-only: kept out of the widget's catalogues.

export interface ReceiptPageText {
  title: string;
  labels: {
    purpose: string;
    decision: string;
    how: string;
    legalBasis: string;
    dataUsed: string;
    recipients: string;
    stored: string;
    retention: string;
    controller: string;
    notice: string;
    subject: string;
    receipt: string;
  };
  events: Record<ConsentEvent, string>;
  bases: Record<LegalBasis, string>;
  inForce: string;
  gpcOn: string;
  specialCategory: string;
  subjectKinds: { user: string; device: string };
  issuedBy: string;
  signed: string;
  check: string;
  saveAs: string;
}

export const RECEIPT_PAGE_TEXT: Record<Locale, ReceiptPageText> = {
  en: {
    title: 'Consent receipt',
    labels: {
      purpose: 'Purpose',
      decision: 'Decision',
      how: 'How',
      legalBasis: 'Legal basis',
      dataUsed: 'Data used',
      recipients: 'Recipients',
      stored: 'Stored',
      retention: 'Retention',
      controller: 'Controller',
      notice: 'Privacy notice',
      subject: 'Subject',
      receipt: 'Receipt',
    },
    events: {
      given: 'consent given',
      refused: 'consent refused',
      withdrawn: 'consent withdrawn',
      renewed: 'consent renewed',
      objected: 'objection made',
      'objection-withdrawn': 'objection withdrawn',
      expired: 'consent ended',
    },
    bases: {
      contract: 'contract',
      legitimate_interests: 'legitimate interests',
      vital_interests: 'vital interests',
      legal_obligation: 'legal obligation',
      consent: 'consent',
      explicit_consent: 'explicit consent',
    },
    inForce: 'in force',
    gpcOn: 'GPC on',
    specialCategory: 'special-category data',
    subjectKinds: { user: 'account', device: 'device' },
    issuedBy: 'issued by',
    signed: 'Signed receipt (JWS)',
    check: 'Check it:',
    saveAs: 'save the part below as receipt.json',
  },
  nl: {
    title: 'Ontvangstbewijs van uw toestemming',
    labels: {
      purpose: 'Doel',
      decision: 'Beslissing',
      how: 'Hoe',
      legalBasis: 'Rechtsgrond',
      dataUsed: 'Gebruikte gegevens',
      recipients: 'Ontvangers',
      stored: 'Opgeslagen',
      retention: 'Bewaring',
      controller: 'Verwerkingsverantwoordelijke',
      notice: 'Privacyverklaring',
      subject: 'Betrokkene',
      receipt: 'Ontvangstbewijs',
    },
    events: {
      given: 'toestemming gegeven',
      refused: 'toestemming geweigerd',
      withdrawn: 'toestemming ingetrokken',
      renewed: 'toestemming vernieuwd',
      objected: 'bezwaar gemaakt',
      'objection-withdrawn': 'bezwaar ingetrokken',
      expired: 'toestemming beëindigd',
    },
    bases: {
      contract: 'overeenkomst',
      legitimate_interests: 'gerechtvaardigd belang',
      vital_interests: 'vitale belangen',
      legal_obligation: 'wettelijke verplichting',
      consent: 'toestemming',
      explicit_consent: 'uitdrukkelijke toestemming',
    },
    inForce: 'van kracht',
    gpcOn: 'GPC aan',
    specialCategory: 'bijzondere categorie van persoonsgegevens',
    subjectKinds: { user: 'account', device: 'apparaat' },
    issuedBy: 'uitgereikt door',
    signed: 'Ondertekend ontvangstbewijs (JWS)',
    check: 'Controleer het:',
    saveAs: 'bewaar het onderstaande deel als receipt.json',
  },
  fr: {
    title: 'Reçu de consentement',
    labels: {
      purpose: 'Finalité',
      decision: 'Décision',
      how: 'Comment',
      legalBasis: 'Base juridique',
      dataUsed: 'Données utilisées',
      recipients: 'Destinataires',
      stored: 'Lieu de conservation',
      retention: 'Durée de conservation',
      controller: 'Responsable du traitement',
      notice: 'Déclaration de confidentialité',
      subject: 'Personne concernée',
      receipt: 'Reçu',
    },
    events: {
      given: 'consentement donné',
      refused: 'consentement refusé',
      withdrawn: 'consentement retiré',
      renewed: 'consentement renouvelé',
      objected: 'opposition formulée',
      'objection-withdrawn': 'opposition retirée',
      expired: 'consentement expiré',
    },
    bases: {
      contract: 'contrat',
      legitimate_interests: 'intérêts légitimes',
      vital_interests: 'intérêts vitaux',
      legal_obligation: 'obligation légale',
      consent: 'consentement',
      explicit_consent: 'consentement explicite',
    },
    inForce: 'en vigueur',
    gpcOn: 'GPC activé',
    specialCategory: 'catégorie particulière de données',
    subjectKinds: { user: 'compte', device: 'appareil' },
    issuedBy: 'délivré par',
    signed: 'Reçu signé (JWS)',
    check: 'Vérifiez-le\u00a0:',
    saveAs: 'enregistrez la partie ci-dessous sous le nom receipt.json',
  },
  de: {
    title: 'Einwilligungsbeleg',
    labels: {
      purpose: 'Zweck',
      decision: 'Entscheidung',
      how: 'Wie',
      legalBasis: 'Rechtsgrundlage',
      dataUsed: 'Verwendete Daten',
      recipients: 'Empfänger',
      stored: 'Speicherort',
      retention: 'Speicherdauer',
      controller: 'Verantwortlicher',
      notice: 'Datenschutzerklärung',
      subject: 'Betroffene Person',
      receipt: 'Beleg',
    },
    events: {
      given: 'Einwilligung erteilt',
      refused: 'Einwilligung verweigert',
      withdrawn: 'Einwilligung widerrufen',
      renewed: 'Einwilligung erneuert',
      objected: 'Widerspruch eingelegt',
      'objection-withdrawn': 'Widerspruch zurückgenommen',
      expired: 'Einwilligung erloschen',
    },
    bases: {
      contract: 'Vertrag',
      legitimate_interests: 'berechtigte Interessen',
      vital_interests: 'lebenswichtige Interessen',
      legal_obligation: 'rechtliche Verpflichtung',
      consent: 'Einwilligung',
      explicit_consent: 'ausdrückliche Einwilligung',
    },
    inForce: 'in Kraft',
    gpcOn: 'GPC aktiv',
    specialCategory: 'besondere Kategorie personenbezogener Daten',
    subjectKinds: { user: 'Konto', device: 'Gerät' },
    issuedBy: 'ausgestellt von',
    signed: 'Signierter Beleg (JWS)',
    check: 'Prüfen Sie ihn:',
    saveAs: 'speichern Sie den folgenden Teil als receipt.json',
  },
};
