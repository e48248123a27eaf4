import { signInDe } from '../../shared/i18n/sign-in/de.ts';
import type { ExtMessages } from './en.ts';

export const de: ExtMessages = {
  ...signInDe,
  'ext.title': 'Twikit Privacy',
  'ext.loading': 'Wird geladen…',
  'signIn.intro':
    'Melden Sie sich mit Ihrer E-Mail-Adresse an, um Ihre Einwilligungen und Ihre Anfragen zu Ihren Daten für alle Twikit-Apps zu sehen. Wir senden Ihnen einen 6-stelligen Code; ein Passwort ist nicht nötig.',
  'signIn.readNotice': 'Die Datenschutzerklärung lesen',
  'signIn.backToSignIn': 'Zurück zur Anmeldung',
  'session.expired':
    'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren: Ihre Eingaben bleiben erhalten.',
  'session.settings': 'Einstellungen',
  'session.menu': 'Konto',
  'signOut.clearLocal': 'Auch alles löschen, was diese Erweiterung auf diesem Gerät speichert',
  'signOut.confirm': 'Jetzt abmelden',
  'signOut.cancel': 'Abbrechen',
  'signOut.done': 'Sie sind abgemeldet.',
  'signOut.cleared': 'Sie sind abgemeldet und dieses Gerät speichert nichts mehr von Ihnen.',
  'options.title': 'Einstellungen von Twikit Privacy',
  'options.region': 'Wo Sie wohnen',
  'options.regionHint':
    'Ihre Daten werden in der Region gespeichert, in der Sie wohnen: Das bestimmt, mit welchem Twikit-Dienst die Erweiterung spricht.',
  'options.region.eea': 'Europäischer Wirtschaftsraum (EWR)',
  'options.region.us_ca': 'USA oder Kanada',
  'options.save': 'Einstellungen speichern',
  'options.saved': 'Einstellungen gespeichert.',
  'options.account': 'Konto',
  'options.notSignedIn': 'Sie sind nicht angemeldet.',
  'options.localData': 'Daten auf diesem Gerät',
  'options.localDataHint':
    'Die Erweiterung speichert die Erklärung, Ihre Entscheidungen und nicht gesendete Entwürfe auf diesem Gerät, damit sie sofort öffnet. Löschen meldet Sie ab; Ihre Daten bei Twikit bleiben unverändert.',
  'options.clear': 'Lokale Daten löschen',
  'options.cleared': 'Lokale Daten gelöscht. Sie sind abgemeldet.',
  'options.regionChangeSignsOut':
    'Wenn Sie die Region wechseln, werden Sie abgemeldet: Jede Region hat ihren eigenen Kontodienst.',
  'notify.completed': 'Ihre Anfrage ist erledigt: {type}. Öffnen Sie Twikit Privacy, um das Ergebnis zu sehen.',
  'notify.extended':
    'Twikit hat die Frist Ihrer Anfrage ({type}) bis zum {date} verlängert. Öffnen Sie Twikit Privacy für den Grund.',
  'notify.rejected':
    'Twikit hat Ihre Anfrage ({type}) abgelehnt. Öffnen Sie Twikit Privacy für den Grund und Ihre Möglichkeiten.',
  'notify.title': 'Twikit Privacy: Neuigkeiten zu einer Anfrage',
  'badge.title': 'Twikit Privacy: {count} Anfrage(n) mit Neuigkeiten',
};
