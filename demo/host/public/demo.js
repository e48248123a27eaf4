// TwikFit demo host: embeds the Twikit privacy widget the way a product team would.
// Plain browser JS, no build. Runs under a strict CSP with Trusted Types: it never writes HTML,
// only textContent and attributes.
(function () {
  'use strict';

  var PURPOSE = 'biometric_scans';
  var TEXT = {
    needed: 'Body scans need your explicit consent',
    given: 'Body scan consent given',
    scanning: 'Scanning… (demo)',
    declined: 'Consent not given — body scans stay off',
    askFailed: 'Could not ask for consent — try Privacy settings',
    openFailed: 'Could not open the privacy settings — please try again',
    unavailable: 'Privacy controls unavailable — body scans stay off for now',
  };

  var script = document.currentScript;
  var timeoutMs = Number(script?.getAttribute('data-widget-timeout'));
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) timeoutMs = 8000;

  // Queue before load: the widget replaces this array with its API and runs what was queued.
  window.TwikitPrivacy = window.TwikitPrivacy || [];
  window.TwikitPrivacy.push([
    'init',
    {
      getToken: async function () {
        var response = await fetch('/api/privacy-token', { method: 'POST', credentials: 'same-origin' });
        if (!response.ok) throw new Error(`privacy token: HTTP ${response.status}`);
        return (await response.json()).token;
      },
    },
  ]);

  var el = {
    scan: document.getElementById('start-scan'),
    ask: document.getElementById('ask-scan-consent'),
    status: document.getElementById('scan-status'),
    privacy: document.getElementById('open-privacy'),
  };
  if (!el.scan || !el.ask || !el.status || !el.privacy) return;

  var state = { widget: 'loading', consent: false, scanning: false, asking: false, message: '' };

  function api() {
    var candidate = window.TwikitPrivacy;
    return candidate && !Array.isArray(candidate) && typeof candidate.get === 'function' ? candidate : null;
  }

  function statusText() {
    if (state.widget === 'unavailable') return TEXT.unavailable;
    if (state.message) return state.message;
    if (state.consent) return state.scanning ? TEXT.scanning : TEXT.given;
    return TEXT.needed;
  }

  function render() {
    var ready = state.widget === 'ready';
    var canScan = ready && state.consent;
    var askHidden = canScan || state.widget === 'unavailable';
    el.scan.disabled = !canScan;
    // Consent given from the ask button: keep focus on the task instead of losing it with the button.
    if (canScan && document.activeElement === el.ask) el.scan.focus();
    el.ask.hidden = askHidden;
    el.ask.disabled = !ready || state.asking;
    el.privacy.disabled = !ready;
    var text = statusText();
    if (el.status.textContent !== text) el.status.textContent = text; // only changes are announced
  }

  function setConsent(active) {
    state.consent = active === true;
    if (!state.consent) state.scanning = false;
    else state.message = '';
    render();
  }

  function readConsent() {
    var w = api();
    if (!w) return;
    try {
      Promise.resolve(w.get(PURPOSE)).then(setConsent, function () {
        setConsent(false);
      });
    } catch {
      setConsent(false);
    }
  }

  function markReady() {
    if (!api()) return;
    window.clearTimeout(timer);
    state.widget = 'ready';
    readConsent();
    render();
  }

  function markUnavailable() {
    if (state.widget === 'ready') return;
    state.widget = 'unavailable';
    state.consent = false;
    state.scanning = false;
    render();
  }

  document.addEventListener('twikit-privacy:ready', markReady);
  document.addEventListener('twikit-privacy:change', function (event) {
    var detail = event.detail || {};
    if (detail.purpose !== PURPOSE) return;
    if (state.widget !== 'ready' && api()) state.widget = 'ready';
    setConsent(detail.active);
  });

  // No widget after the timeout (blocked, 404, offline…): say so instead of waiting forever.
  var timer = window.setTimeout(markUnavailable, timeoutMs);
  var widgetScript = document.querySelector('script[src$="/widget/twikit-privacy.js"]');
  if (widgetScript) widgetScript.addEventListener('error', markUnavailable);

  el.scan.addEventListener('click', function () {
    if (!state.consent || state.widget !== 'ready') return;
    state.scanning = true;
    state.message = '';
    render();
  });

  el.ask.addEventListener('click', async function () {
    var w = api();
    if (!w || typeof w.requestConsent !== 'function' || state.asking) return;
    state.asking = true;
    state.message = '';
    render();
    try {
      var granted = await w.requestConsent(PURPOSE);
      if (granted === true) setConsent(true);
      else state.message = TEXT.declined;
    } catch {
      state.message = TEXT.askFailed;
    } finally {
      state.asking = false;
      render();
    }
  });

  el.privacy.addEventListener('click', function () {
    var w = api();
    if (w && typeof w.open === 'function') {
      var failed = function () {
        state.message = TEXT.openFailed;
        render();
      };
      try {
        Promise.resolve(w.open()).catch(failed);
      } catch {
        failed();
      }
    }
  });

  render();
  showAccount();

  // The signed-in user's designs and scans, as TwikFit's store holds them now (written as text, never HTML).
  async function showAccount() {
    var section = document.querySelector('.account');
    var lists = {
      designs: document.getElementById('designs'),
      scans: document.getElementById('scans'),
      designsEmpty: document.getElementById('designs-empty'),
      scansEmpty: document.getElementById('scans-empty'),
      error: document.getElementById('account-error'),
    };
    if (!section || !lists.designs || !lists.scans || !lists.designsEmpty || !lists.scansEmpty || !lists.error) return;
    var day = function (iso) {
      return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    };
    var fill = function (list, empty, items, text) {
      list.replaceChildren();
      for (var item of items) {
        var li = document.createElement('li');
        li.textContent = text(item);
        list.append(li);
      }
      list.hidden = items.length === 0;
      empty.hidden = items.length > 0;
    };
    try {
      var response = await fetch('/api/my-data', { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`my data: HTTP ${response.status}`);
      var data = await response.json();
      fill(lists.designs, lists.designsEmpty, data.designs || [], function (d) {
        return `${d.name}, EU ${d.sizeEu} (designed ${day(d.createdAt)})`;
      });
      fill(lists.scans, lists.scansEmpty, data.scans || [], function (s) {
        var m = s.measurements || {};
        return `${s.foot === 'left' ? 'Left' : 'Right'} foot, ${day(s.takenAt)}: length ${m.lengthMm} mm, width ${m.widthMm} mm, arch ${m.archHeightMm} mm`;
      });
    } catch {
      lists.error.hidden = false;
    } finally {
      section.removeAttribute('aria-busy');
    }
  }
})();
