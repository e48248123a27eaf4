// The extension's own text (sign-in, session, settings, notifications). The panel's text is the shared
// catalogue in shared/i18n; these keys never overlap with it.
import { signInEn } from '../../shared/i18n/sign-in/en.ts';

export const en = {
  ...signInEn,
  'ext.title': 'Twikit Privacy',
  'ext.loading': 'Loading…',
  'signIn.intro':
    'Sign in with your e-mail address to see your consents and your data requests for every Twikit app. We send you a 6-digit code; there is no password.',
  'signIn.readNotice': 'Read the privacy notice',
  'signIn.backToSignIn': 'Back to sign-in',
  'session.expired': 'Your session has expired. Sign in again to go on: what you typed is kept.',
  'session.settings': 'Settings',
  'session.menu': 'Account',
  'signOut.clearLocal': 'Also remove everything this extension keeps on this device',
  'signOut.confirm': 'Sign out now',
  'signOut.cancel': 'Cancel',
  'signOut.done': 'You are signed out.',
  'signOut.cleared': 'You are signed out and this device keeps nothing of yours.',
  'options.title': 'Twikit Privacy settings',
  'options.region': 'Where you live',
  'options.regionHint':
    'Your data is stored in the region where you live: this decides which Twikit service the extension talks to.',
  'options.region.eea': 'European Economic Area (EEA)',
  'options.region.us_ca': 'USA or Canada',
  'options.save': 'Save settings',
  'options.saved': 'Settings saved.',
  'options.account': 'Account',
  'options.notSignedIn': 'You are not signed in.',
  'options.localData': 'Data on this device',
  'options.localDataHint':
    'The extension keeps the notice, your choices and unsent drafts on this device so it opens at once. Clearing it signs you out; your records at Twikit are not affected.',
  'options.clear': 'Clear local data',
  'options.cleared': 'Local data cleared. You are signed out.',
  'options.regionChangeSignsOut': 'Changing the region signs you out: each region has its own account service.',
  'notify.completed': 'Your request is complete: {type}. Open Twikit Privacy to see the result.',
  'notify.extended':
    'Twikit extended the deadline of your request ({type}) to {date}. Open Twikit Privacy for the reason.',
  'notify.rejected': 'Twikit refused your request ({type}). Open Twikit Privacy for the reason and what you can do.',
  'notify.title': 'Twikit Privacy: a request moved',
  'badge.title': 'Twikit Privacy: {count} request(s) with news',
} as const;

export type ExtMessageKey = keyof typeof en;
export type ExtMessages = Record<ExtMessageKey, string>;
