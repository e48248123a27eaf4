import type { SignInMessages } from './en.ts';

export const signInDe: SignInMessages = {
  'signIn.heading': 'Anmelden',
  'signIn.email': 'E-Mail-Adresse',
  'signIn.sendCode': 'Code senden',
  'signIn.codeSent': 'Wir haben einen Code an {email} gesendet. Er gilt {minutes} Minuten.',
  'signIn.code': 'Anmeldecode',
  'signIn.codeHint': 'Die 6 Ziffern aus der E-Mail.',
  'signIn.verify': 'Anmelden',
  'signIn.verifying': 'Anmeldung läuft…',
  'signIn.otherEmail': 'Eine andere Adresse verwenden',
  'signIn.resend': 'Einen neuen Code senden',
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
};
