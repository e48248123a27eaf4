import type { Locale } from '../shared/contract/common.ts';

/** The few words the widget shell itself shows (the panel's own text lives in shared/i18n). */
export const SHELL_STRINGS: Record<Locale, { launcher: string; title: string; close: string }> = {
  en: { launcher: 'Privacy settings', title: 'Twikit privacy controls', close: 'Close' },
  nl: { launcher: 'Privacy-instellingen', title: 'Twikit-privacyinstellingen', close: 'Sluiten' },
  fr: { launcher: 'Paramètres de confidentialité', title: 'Paramètres de confidentialité Twikit', close: 'Fermer' },
  de: { launcher: 'Datenschutz-Einstellungen', title: 'Twikit-Datenschutzeinstellungen', close: 'Schließen' },
};
