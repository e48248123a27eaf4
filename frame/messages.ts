// The sign-in frame's text: the sign-in form's (shared/i18n/sign-in, as in the extension) and its own few lines.
// All four languages are bundled: the frame is small, and it must paint in the person's language at once.
import type { Locale } from '../shared/contract/common.ts';
import { signInDe } from '../shared/i18n/sign-in/de.ts';
import { signInEn } from '../shared/i18n/sign-in/en.ts';
import { signInFr } from '../shared/i18n/sign-in/fr.ts';
import { signInNl } from '../shared/i18n/sign-in/nl.ts';
import { translate, type MessageParams } from '../shared/i18n/translate.ts';

const en = {
  ...signInEn,
  'frame.title': 'Sign in to make a request',
  'frame.intro':
    'We send a 6-digit code to your e-mail address; there is no password. Only Twikit sees the address and the code, not this website.',
};
export type FrameMessageKey = keyof typeof en;
type FrameMessages = Record<FrameMessageKey, string>;

const nl: FrameMessages = {
  ...signInNl,
  'frame.title': 'Aanmelden om een verzoek te doen',
  'frame.intro':
    'We sturen een code van 6 cijfers naar uw e-mailadres; een wachtwoord is niet nodig. Alleen Twikit ziet het adres en de code, niet deze website.',
};
const fr: FrameMessages = {
  ...signInFr,
  'frame.title': 'Se connecter pour faire une demande',
  'frame.intro':
    'Nous envoyons un code à 6 chiffres à votre adresse e-mail ; il n’y a pas de mot de passe. Seul Twikit voit l’adresse et le code, pas ce site web.',
};
const de: FrameMessages = {
  ...signInDe,
  'frame.title': 'Anmelden, um einen Antrag zu stellen',
  'frame.intro':
    'Wir senden einen 6-stelligen Code an Ihre E-Mail-Adresse; ein Passwort gibt es nicht. Nur Twikit sieht die Adresse und den Code, nicht diese Website.',
};

const CATALOGUES: Record<Locale, FrameMessages> = { en, nl, fr, de };

/** The frame's text for `key` in `locale`, with `{name}` placeholders filled. */
export const frameT = (locale: Locale, key: FrameMessageKey, params?: MessageParams): string =>
  translate<FrameMessageKey>(CATALOGUES[locale] ?? en, key, params);
