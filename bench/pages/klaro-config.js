// klaro with the Twikit notice's two consent purposes (shared/notice/default-notice.ts), English, defaults
// otherwise: a consent notice with Accept all / Decline, stored in a cookie.
window.klaroConfig = {
  version: 1,
  elementID: 'klaro',
  lang: 'en',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  translations: {
    en: {
      privacyPolicyUrl: '/privacy',
      purposes: { biometric: 'Body scans', sharing: 'Sharing with third parties' },
      biometric_scans: {
        title: 'Body scans in TwikFit',
        description:
          'A 3D scan of your body is special-category data. Twikit uses it only to create a design, or to recreate a design from an earlier scan, in TwikFit.',
      },
      third_party_sharing: {
        title: 'Sharing with third parties',
        description:
          'With your consent, Twikit may share your name and e-mail address with companies, organizations or individuals outside Twikit.',
      },
    },
  },
  services: [
    { name: 'biometric_scans', purposes: ['biometric'], default: false, required: false },
    { name: 'third_party_sharing', purposes: ['sharing'], default: false, required: false },
  ],
};
