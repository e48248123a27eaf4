import type { SignInMessages } from './en.ts';

export const signInNl: SignInMessages = {
  'signIn.heading': 'Aanmelden',
  'signIn.email': 'E-mailadres',
  'signIn.sendCode': 'Code versturen',
  'signIn.codeSent': 'We hebben een code naar {email} gestuurd. Ze werkt {minutes} minuten.',
  'signIn.code': 'Aanmeldcode',
  'signIn.codeHint': 'De 6 cijfers uit de e-mail.',
  'signIn.verify': 'Aanmelden',
  'signIn.verifying': 'Bezig met aanmelden…',
  'signIn.otherEmail': 'Een ander adres gebruiken',
  'signIn.resend': 'Een nieuwe code versturen',
  'signIn.error.email': 'Vul uw e-mailadres in, bijvoorbeeld naam@voorbeeld.be.',
  'signIn.error.code': 'Vul de 6 cijfers uit de e-mail in, bijvoorbeeld 123456.',
  'signIn.error.wrongCode': 'Die code klopt niet. Controleer de e-mail en probeer opnieuw (nog {left} pogingen).',
  'signIn.error.noCode': 'Er wacht geen code voor dit adres: ze is gebruikt of vervangen. Vraag een nieuwe code aan.',
  'signIn.error.expiredCode': 'Deze code is verlopen. Vraag een nieuwe code aan.',
  'signIn.error.tooMany': 'Te veel pogingen. Wacht enkele minuten en vraag dan een nieuwe code aan.',
  'signIn.error.offline': 'De privacydienst is niet bereikbaar. Controleer uw verbinding en probeer opnieuw.',
  'signIn.error.other': 'Er ging bij ons iets mis. Probeer het zo meteen opnieuw.',
  'session.signedInAs': 'Aangemeld als {email}',
  'session.signOut': 'Afmelden',
};
