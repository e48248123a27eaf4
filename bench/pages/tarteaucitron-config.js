// tarteaucitronjs with the Twikit notice's two consent purposes (shared/notice/default-notice.ts) as custom
// services, English, the README's recommended settings: the "middle" banner with Accept all / Deny all.
tarteaucitron.init({
  privacyUrl: '/privacy',
  hashtag: '#tarteaucitron',
  cookieName: 'tarteaucitron',
  orientation: 'middle',
  groupServices: false,
  showDetailsOnClick: true,
  serviceDefaultState: 'wait',
  showAlertSmall: false,
  cookieslist: false,
  showIcon: true,
  iconPosition: 'BottomRight',
  adblocker: false,
  DenyAllCta: true,
  AcceptAllCta: true,
  highPrivacy: true,
  handleBrowserDNTRequest: false,
  removeCredit: false,
  moreInfoLink: true,
  useExternalCss: false,
  useExternalJs: false,
  mandatory: true,
  mandatoryCta: true,
  googleConsentMode: false,
  bingConsentMode: false,
  pianoConsentMode: false,
});
tarteaucitron.services.biometric_scans = {
  key: 'biometric_scans',
  type: 'other',
  name: 'Body scans in TwikFit',
  needConsent: true,
  cookies: [],
  js: function () {},
  fallback: function () {},
};
tarteaucitron.services.third_party_sharing = {
  key: 'third_party_sharing',
  type: 'other',
  name: 'Sharing with third parties',
  needConsent: true,
  cookies: [],
  js: function () {},
  fallback: function () {},
};
(tarteaucitron.job = tarteaucitron.job || []).push('biometric_scans', 'third_party_sharing');
