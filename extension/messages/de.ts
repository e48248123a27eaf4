import type { ExtMessages } from './en.ts';

export const de: ExtMessages = {
  'ext.title': 'Twikit Privacy',
  'ext.loading': 'Wird geladen…',
  'signIn.heading': 'Anmelden',
  'signIn.intro':
    'Melden Sie sich mit Ihrer E-Mail-Adresse an, um Ihre Einwilligungen und Ihre Anfragen zu Ihren Daten für alle Twikit-Apps zu sehen. Wir senden Ihnen einen 6-stelligen Code; ein Passwort ist nicht nötig.',
  'signIn.email': 'E-Mail-Adresse',
  'signIn.sendCode': 'Code senden',
  'signIn.codeSent': 'Wir haben einen Code an {email} gesendet. Er gilt {minutes} Minuten.',
  'signIn.code': 'Anmeldecode',
  'signIn.codeHint': 'Die 6 Ziffern aus der E-Mail.',
  'signIn.verify': 'Anmelden',
  'signIn.verifying': 'Anmeldung läuft…',
  'signIn.otherEmail': 'Eine andere Adresse verwenden',
  'signIn.resend': 'Einen neuen Code senden',
  'signIn.readNotice': 'Die Datenschutzerklärung lesen',
  'signIn.backToSignIn': 'Zurück zur Anmeldung',
  'signIn.error.email': 'Geben Sie Ihre E-Mail-Adresse ein, zum Beispiel name@beispiel.de.',
  'signIn.error.code': 'Geben Sie die 6 Ziffern aus der E-Mail ein, zum Beispiel 123456.',
  'signIn.error.wrongCode':
    'Dieser Code stimmt nicht. Prüfen Sie die E-Mail und versuchen Sie es erneut (noch {left} Versuche).',
  'signIn.error.noCode':
    'Für diese Adresse wartet kein Code: Er wurde verwendet oder ersetzt. Fordern Sie einen neuen Code an.',
  'signIn.error.expiredCode': 'Dieser Code ist abgelaufen. Fordern Sie einen neuen Code an.',
  'signIn.error.tooMany': 'Zu viele Versuche. Warten Sie einige Minuten und fordern Sie dann einen neuen Code an.',
  'signIn.error.offline':
    'Der Datenschutzdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'signIn.error.other': 'Bei uns ist etwas schiefgelaufen. Versuchen Sie es gleich noch einmal.',
  'session.signedInAs': 'Angemeldet als {email}',
  'session.signOut': 'Abmelden',
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
