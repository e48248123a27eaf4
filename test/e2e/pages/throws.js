// A host script that throws on load, before the widget arrives (and leaves a broken global behind).
window.TwikitPrivacyConfig = undefined;
window.addEventListener('DOMContentLoaded', function () {
  throw new Error('host script failed on DOMContentLoaded');
});
throw new Error('host script failed on load');
