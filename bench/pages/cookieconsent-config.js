// vanilla-cookieconsent with the Twikit notice's two consent purposes (shared/notice/default-notice.ts) as
// categories, English, its default layout: a consent box (Accept all / Reject all / Manage) and a preferences modal.
CookieConsent.run({
  // Its default hides the banner when navigator.webdriver is set, as it is in the bench's automated Chromium.
  hideFromBots: false,
  categories: {
    biometric_scans: {},
    third_party_sharing: {},
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Your privacy choices',
          description: 'Twikit asks for your consent for body scans in TwikFit and for sharing with third parties.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Choose one by one',
        },
        preferencesModal: {
          title: 'Your choices',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save',
          closeIconLabel: 'Close',
          sections: [
            {
              title: 'Body scans in TwikFit',
              description:
                'A 3D scan of your body is special-category data. Twikit uses it only to create a design, or to recreate a design from an earlier scan, in TwikFit.',
              linkedCategory: 'biometric_scans',
            },
            {
              title: 'Sharing with third parties',
              description:
                'With your consent, Twikit may share your name and e-mail address with companies, organizations or individuals outside Twikit.',
              linkedCategory: 'third_party_sharing',
            },
          ],
        },
      },
    },
  },
});
