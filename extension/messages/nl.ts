import { signInNl } from '../../shared/i18n/sign-in/nl.ts';
import type { ExtMessages } from './en.ts';

export const nl: ExtMessages = {
  ...signInNl,
  'ext.title': 'Twikit Privacy',
  'ext.loading': 'Bezig met laden…',
  'signIn.intro':
    'Meld u aan met uw e-mailadres om uw toestemmingen en uw verzoeken over uw gegevens voor alle Twikit-apps te zien. We sturen u een code van 6 cijfers; een wachtwoord is niet nodig.',
  'signIn.readNotice': 'De privacyverklaring lezen',
  'signIn.backToSignIn': 'Terug naar aanmelden',
  'session.expired': 'Uw sessie is verlopen. Meld u opnieuw aan om verder te gaan: wat u hebt getypt, blijft bewaard.',
  'session.settings': 'Instellingen',
  'session.menu': 'Uw account',
  'signOut.clearLocal': 'Ook alles verwijderen wat deze extensie op dit apparaat bewaart',
  'signOut.confirm': 'Nu afmelden',
  'signOut.cancel': 'Annuleren',
  'signOut.done': 'U bent afgemeld.',
  'signOut.cleared': 'U bent afgemeld en dit apparaat bewaart niets meer van u.',
  'options.title': 'Instellingen van Twikit Privacy',
  'options.region': 'Waar u woont',
  'options.regionHint':
    'Uw gegevens worden bewaard in de regio waar u woont: dat bepaalt met welke Twikit-dienst de extensie praat.',
  'options.region.eea': 'Europese Economische Ruimte (EER)',
  'options.region.us_ca': 'VS of Canada',
  'options.save': 'Instellingen bewaren',
  'options.saved': 'Instellingen bewaard.',
  'options.account': 'Account',
  'options.notSignedIn': 'U bent niet aangemeld.',
  'options.localData': 'Gegevens op dit apparaat',
  'options.localDataHint':
    'De extensie bewaart de verklaring, uw keuzes en niet-verstuurde concepten op dit apparaat zodat ze meteen opent. Wissen meldt u af; uw gegevens bij Twikit blijven ongewijzigd.',
  'options.clear': 'Lokale gegevens wissen',
  'options.cleared': 'Lokale gegevens gewist. U bent afgemeld.',
  'options.regionChangeSignsOut': 'Een andere regio kiezen meldt u af: elke regio heeft een eigen accountdienst.',
  'notify.completed': 'Uw verzoek is afgehandeld: {type}. Open Twikit Privacy om het resultaat te zien.',
  'notify.extended':
    'Twikit heeft de termijn van uw verzoek ({type}) verlengd tot {date}. Open Twikit Privacy voor de reden.',
  'notify.rejected':
    'Twikit heeft uw verzoek ({type}) geweigerd. Open Twikit Privacy voor de reden en wat u kunt doen.',
  'notify.title': 'Twikit Privacy: er is nieuws over een verzoek',
  'badge.title': 'Twikit Privacy: {count} verzoek(en) met nieuws',
};
