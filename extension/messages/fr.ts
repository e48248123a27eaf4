import { signInFr } from '../../shared/i18n/sign-in/fr.ts';
import type { ExtMessages } from './en.ts';

export const fr: ExtMessages = {
  ...signInFr,
  'ext.title': 'Twikit Privacy',
  'ext.loading': 'Chargement…',
  'signIn.intro':
    'Connectez-vous avec votre adresse e-mail pour voir vos consentements et vos demandes relatives à vos données pour toutes les applications Twikit. Nous vous envoyons un code à 6 chiffres ; aucun mot de passe n’est nécessaire.',
  'signIn.readNotice': 'Lire la politique de confidentialité',
  'signIn.backToSignIn': 'Retour à la connexion',
  'session.expired': 'Votre session a expiré. Reconnectez-vous pour continuer : ce que vous avez saisi est conservé.',
  'session.settings': 'Paramètres',
  'session.menu': 'Compte',
  'signOut.clearLocal': 'Supprimer aussi tout ce que cette extension conserve sur cet appareil',
  'signOut.confirm': 'Se déconnecter maintenant',
  'signOut.cancel': 'Annuler',
  'signOut.done': 'Vous êtes déconnecté.',
  'signOut.cleared': 'Vous êtes déconnecté et cet appareil ne conserve plus rien de vous.',
  'options.title': 'Paramètres de Twikit Privacy',
  'options.region': 'Où vous habitez',
  'options.regionHint':
    'Vos données sont conservées dans la région où vous habitez : cela détermine le service Twikit auquel l’extension s’adresse.',
  'options.region.eea': 'Espace économique européen (EEE)',
  'options.region.us_ca': 'États-Unis ou Canada',
  'options.save': 'Enregistrer les paramètres',
  'options.saved': 'Paramètres enregistrés.',
  'options.account': 'Compte',
  'options.notSignedIn': 'Vous n’êtes pas connecté.',
  'options.localData': 'Données sur cet appareil',
  'options.localDataHint':
    'L’extension conserve la politique, vos choix et vos brouillons non envoyés sur cet appareil pour s’ouvrir tout de suite. Les effacer vous déconnecte ; vos données chez Twikit ne changent pas.',
  'options.clear': 'Effacer les données locales',
  'options.cleared': 'Données locales effacées. Vous êtes déconnecté.',
  'options.regionChangeSignsOut': 'Changer de région vous déconnecte : chaque région a son propre service de comptes.',
  'notify.completed': 'Votre demande est traitée : {type}. Ouvrez Twikit Privacy pour voir le résultat.',
  'notify.extended':
    'Twikit a prolongé le délai de votre demande ({type}) jusqu’au {date}. Ouvrez Twikit Privacy pour la raison.',
  'notify.rejected': 'Twikit a refusé votre demande ({type}). Ouvrez Twikit Privacy pour la raison et vos recours.',
  'notify.title': 'Twikit Privacy : du nouveau pour une demande',
  'badge.title': 'Twikit Privacy : {count} demande(s) avec du nouveau',
};
