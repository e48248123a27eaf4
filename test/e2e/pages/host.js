// The host page's own script, as a product team would write it: hands the widget its user's token through the
// queue (before the widget script has loaded), and optionally queues `open` (`data-open="notice"`).
(function () {
  'use strict';
  var script = document.currentScript;
  var user = script?.getAttribute('data-user') || 'static-user';
  var open = script?.getAttribute('data-open');
  window.TwikitPrivacy = window.TwikitPrivacy || [];
  window.TwikitPrivacy.push([
    'init',
    {
      getToken: function () {
        return fetch(`/token?sub=${encodeURIComponent(user)}`)
          .then(function (response) {
            return response.json();
          })
          .then(function (body) {
            return body.token;
          });
      },
    },
  ]);
  if (open) window.TwikitPrivacy.push(['open', open]);
})();
