// A host that overwrites window.fetch with a partial wrapper, as analytics shims do: it swallows its own beacons,
// loses `this`, passes only (input, init) on, and counts what went through.
(function () {
  var original = window.fetch;
  window.__patchedFetchCalls = 0;
  window.fetch = function (input, init) {
    window.__patchedFetchCalls++;
    if (typeof input === 'string' && input.indexOf('/analytics') !== -1)
      return Promise.resolve(new Response(null, { status: 204 }));
    return original(input, init);
  };
})();
