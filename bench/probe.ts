// What the bench runs inside the page, as plain source (a TS function would carry transpiler helpers such as
// tsx's `__name`, which do not exist in the page; see test/e2e/browser.ts). Installed with `addInitScript`, so
// it is in place before any of the page's own scripts: long tasks are observed from the first one on.
//
// `window.__bench` collects: `longTasks` ([start, duration] ms), `visibleAt` (performance.now() of the first
// animation frame in which the first layer is rendered, i.e. the frame that paints it; null until then), and,
// for our widget, `stateAt` / `state`: when `TwikitPrivacy.get(purpose)` first answered, and what.

/** Finds `a >>> b` (b inside a's open shadow root) or a plain selector; shared by the probes below. */
const FIND = `function find(selector) {
  let scope = document;
  let el = null;
  for (const part of selector.split('>>>')) {
    el = scope && scope.querySelector(part.trim());
    scope = el && el.shadowRoot;
  }
  return el;
}
function shown(el) {
  return !!el && el.getClientRects().length > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
}`;

/**
 * The page-load probe: long tasks, when `firstLayer` becomes visible and, given `purpose` (our widget only),
 * when that purpose's state is readable. It stops polling once it has what it watches for, so its own cost
 * (one query per frame) ends early and is the same on every page.
 */
export const loadProbe = (firstLayer: string, purpose?: string): string => `(() => {
  if (window.__bench) return;
  ${FIND}
  const bench = window.__bench = { longTasks: [], visibleAt: null, stateAt: null, state: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { bench.longTaskError = String(e); }
  let onVisible, onState;
  bench.visible = new Promise((resolve) => (onVisible = resolve));
  bench.stateKnown = new Promise((resolve) => (onState = resolve));
  const purpose = ${JSON.stringify(purpose ?? null)};
  function checkState() {
    const api = window.TwikitPrivacy;
    if (!purpose || bench.stateAt !== null || !api || typeof api.get !== 'function') return;
    const value = api.get(purpose);
    if (value === undefined) return;
    bench.stateAt = performance.now();
    bench.state = value;
    onState(bench.stateAt);
  }
  // The widget's own event is the earliest moment a host can read state; frames are the fallback.
  document.addEventListener('twikit-privacy:ready', checkState, true);
  function frame() {
    if (bench.visibleAt === null && shown(find(${JSON.stringify(firstLayer)}))) {
      bench.visibleAt = performance.now();
      onVisible(bench.visibleAt);
    }
    checkState();
    if (bench.visibleAt === null || (purpose && bench.stateAt === null)) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})()`;

/**
 * Clicks our launcher and resolves with the ms until the panel is interactive: the first-layer view rendered
 * in the dialog and focus moved into it (the dialog takes focus once mounted). NaN after `timeoutMs`.
 */
export const clickToInteractive = (timeoutMs = 15_000): string => `(() => {
  ${FIND}
  const root = document.querySelector('twikit-privacy').shadowRoot;
  const start = performance.now();
  root.querySelector('button.launcher').click();
  return new Promise((resolve) => {
    function frame() {
      const dialog = root.querySelector('.tp-dialog');
      const focused = !!dialog && !!root.activeElement && dialog.contains(root.activeElement);
      if (focused && shown(dialog.querySelector('.tp-first'))) return resolve(performance.now() - start);
      if (performance.now() - start > ${timeoutMs}) return resolve(NaN);
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
  });
})()`;
