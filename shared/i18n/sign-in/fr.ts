import type { SignInMessages } from './en.ts';

export const signInFr: SignInMessages = {
  'signIn.heading': 'Se connecter',
  'signIn.email': 'Adresse e-mail',
  'signIn.sendCode': 'Envoyer le code',
  'signIn.codeSent': 'Nous avons envoyé un code à {email}. Il est valable {minutes} minutes.',
  'signIn.code': 'Code de connexion',
  'signIn.codeHint': 'Les 6 chiffres de l’e-mail.',
  'signIn.verify': 'Se connecter',
  'signIn.verifying': 'Connexion en cours…',
  'signIn.otherEmail': 'Utiliser une autre adresse',
  'signIn.resend': 'Envoyer un nouveau code',
  'signIn.error.email': 'Saisissez votre adresse e-mail, par exemple nom@exemple.be.',
  'signIn.error.code': 'Saisissez les 6 chiffres de l’e-mail, par exemple 123456.',
  'signIn.error.wrongCode': 'Ce code n’est pas le bon. Vérifiez l’e-mail et réessayez ({left} essais restants).',
  'signIn.error.noCode':
    'Aucun code n’attend pour cette adresse : il a été utilisé ou remplacé. Demandez un nouveau code.',
  'signIn.error.expiredCode': 'Ce code a expiré. Demandez un nouveau code.',
  'signIn.error.tooMany': 'Trop d’essais. Attendez quelques minutes, puis demandez un nouveau code.',
  'signIn.error.offline': 'Le service de confidentialité est injoignable. Vérifiez votre connexion et réessayez.',
  'signIn.error.other': 'Un problème est survenu de notre côté. Réessayez dans un instant.',
  'session.signedInAs': 'Connecté avec {email}',
  'session.signOut': 'Se déconnecter',
};
