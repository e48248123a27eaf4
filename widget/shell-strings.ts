import type { Locale } from '../shared/contract/common.ts';

/** The few words the widget shell itself shows (the panel's own text lives in shared/i18n). */
export const SHELL_STRINGS: Record<Locale, { launcher: string; title: string; close: string }> = {
  en: { launcher: 'Privacy settings', title: 'Your privacy at Twikit', close: 'Close' },
  nl: { launcher: 'Privacy-instellingen', title: 'Uw privacy bij Twikit', close: 'Sluiten' },
  fr: { launcher: 'Paramètres de confidentialité', title: 'Votre vie privée chez Twikit', close: 'Fermer' },
  de: { launcher: 'Datenschutz-Einstellungen', title: 'Ihre Privatsphäre bei Twikit', close: 'Schließen' },
};
