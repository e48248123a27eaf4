// Page scripts that patch built-ins before the widget loads, as real pages do (zone.js, old polyfills, session
// replay, analytics shims, a vulnerable deep merge). `data-patches` picks them (comma-separated; "all" = every one).
// Each patch keeps the page itself working; counters show the widget ran through the patched versions.
(function () {
  var script = document.currentScript;
  var wanted = (script?.getAttribute('data-patches') || '').split(',');
  var on = function (name) {
    return wanted.indexOf(name) !== -1 || wanted.indexOf('all') !== -1;
  };
  var calls = (window.__patchCalls = {});
  var count = function (name) {
    calls[name] = (calls[name] || 0) + 1;
  };

  if (on('array')) {
    // A hand-written map (no thisArg, no holes) and enumerable helpers, as 2008-era libraries added them.
    Array.prototype.map = function (fn) {
      count('map');
      var out = [];
      for (var i = 0; i < this.length; i++) out.push(fn(this[i], i, this));
      return out;
    };
    Array.prototype.last = function () {
      return this[this.length - 1];
    };
    Array.prototype.toJSON = function () {
      return JSON.stringify(this.slice());
    }; // Prototype.js 1.6: arrays double-encoded
  }
  if (on('json')) {
    // Revives ISO dates into Date objects everywhere, and stringifies with a replacer that drops undefined.
    var parse = JSON.parse;
    JSON.parse = function (text, reviver) {
      count('JSON.parse');
      return parse.call(JSON, text, function (key, value) {
        if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) return new Date(value);
        return reviver ? reviver.call(this, key, value) : value;
      });
    };
  }
  if (on('promise')) {
    // zone.js-style: a Promise subclass replaces the global (spec-compliant, so `await` still works).
    var NativePromise = window.Promise;
    window.Promise = class HostPromise extends NativePromise {
      constructor(executor) {
        count('Promise');
        super(executor);
      }
    };
  }
  if (on('fetch')) {
    // An old polyfill-style wrapper: no AbortSignal support, loses `this`, passes only (input, init) on.
    var nativeFetch = window.fetch;
    window.fetch = function (input, init) {
      count('fetch');
      var copy = Object.assign({}, init);
      delete copy.signal;
      return nativeFetch(input, copy);
    };
  }
  if (on('shadow')) {
    // Session-replay style: records every shadow root, but forgets to return it.
    var attachShadow = Element.prototype.attachShadow;
    window.__shadowRoots = [];
    Element.prototype.attachShadow = function (init) {
      count('attachShadow');
      window.__shadowRoots.push(attachShadow.call(this, init));
    };
  }
  if (on('define')) {
    // A registry guard that refuses names it does not know.
    var define = customElements.define;
    customElements.define = function (name) {
      count('customElements.define');
      if (!/^host-/.test(name)) throw new Error(`host registry: unknown element ${name}`);
      return define.apply(customElements, arguments);
    };
  }
  if (on('listeners')) {
    // Old passive-events polyfill + zone.js: wraps every listener and turns options objects into `capture` only
    // (so `signal` and `once` are lost).
    var add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, listener, options) {
      count('addEventListener');
      var capture = typeof options === 'object' && options !== null ? !!options.capture : !!options;
      var wrapped =
        typeof listener === 'function'
          ? function (event) {
              return listener.call(this, event);
            }
          : listener;
      return add.call(this, type, wrapped, capture);
    };
  }
  if (on('pollution')) {
    // Prototype pollution: a direct write, and a naive deep merge of attacker JSON with a `__proto__` key.
    Object.prototype.hidden = true;
    var merge = function (target, source) {
      Object.keys(source).forEach(function (key) {
        if (typeof source[key] === 'object' && source[key] !== null)
          merge(target[key] || (target[key] = {}), source[key]);
        else target[key] = source[key];
      });
      return target;
    };
    merge(
      {},
      JSON.parse(
        '{"__proto__": {"dangerouslySetInnerHTML": {"__html": "<img src=x onerror=\\"window.__pwned=true\\">"}, "inert": true, "tabIndex": -1}}',
      ),
    );
  }
})();
