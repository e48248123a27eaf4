// The launcher button, built with DOM calls only (no innerHTML: Trusted Types and strict CSP friendly).
import { css } from '../shared/ui/css.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** The round "privacy settings" button a person uses to reopen the controls at any time (R23). */
export function createLauncher(label: string, onClick: () => void, signal: AbortSignal): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('aria-label', label);
  button.title = label;
  button.setAttribute('aria-haspopup', 'dialog');
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  // A shield with a check mark.
  path.setAttribute(
    'd',
    'M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5l-8-3Zm-1.2 14.2-3.5-3.5 1.4-1.4 2.1 2.1 4.9-4.9 1.4 1.4-6.3 6.3Z',
  );
  svg.append(path);
  button.append(svg);
  button.addEventListener('click', onClick, { signal });
  return button;
}

/**
 * Launcher and host styles. `all: initial` on the host stops the page's inherited styles from reaching in; in
 * launcher mode it is `!important`, which beats even a page's `!important` rules on the element (`twikit-privacy
 * { display: none !important }`, `* { all: unset !important }`): in the cascade an inner `!important` wins. Custom
 * properties (theming) are not part of `all`. The launcher and the dialog sit at the highest z-index, so an overlay
 * of the page at that z-index is beaten by tree order (the widget's element comes last in the body).
 * On a phone (≤ 480 px) a 48 px button 16 px in covers page content: by default it is smaller and closer to the
 * corner, still well over the 24 px target size (R57); a host's offset still wins.
 */
export const launcherCss = css`
:host { all: initial; }
:host([data-mode="launcher"]) { all: initial !important; }
.launcher {
  --tp-lo: var(--tp-launcher-offset, 16px);
  position: fixed; inset-inline-start: var(--tp-lo); inset-block-end: var(--tp-lo); z-index: 2147483647;
  inline-size: 48px; block-size: 48px; border-radius: 50%; border: 2px solid var(--tp-launcher-border, #ffffff);
  background: var(--tp-accent, #0b57d0); color: var(--tp-on-accent, #ffffff); cursor: pointer;
  display: grid; place-items: center; padding: 0; box-shadow: 0 2px 8px rgb(0 0 0 / 0.35);
}
/* data-launcher: the corner it sits in (default bottom-left) */
:host([data-corner$="right"]) .launcher { inset-inline-start: auto; inset-inline-end: var(--tp-lo); }
:host([data-corner^="top"]) .launcher { inset-block-end: auto; inset-block-start: var(--tp-lo); }
.launcher svg { inline-size: 55%; block-size: 55%; fill: currentColor; }
@media (max-width: 480px) {
  .launcher { --tp-lo: var(--tp-launcher-offset, 6px); inline-size: 40px; block-size: 40px; }
}
.launcher:focus-visible { outline: 3px solid var(--tp-focus, #f59e0b); outline-offset: 3px; }
@media (prefers-color-scheme: dark) {
  .launcher { background: var(--tp-accent-dark, #8ab4f8); color: var(--tp-on-accent-dark, #0b1b33); border-color: #0b1220; }
}
`;

const sheets = new Map<string, CSSStyleSheet>();

/**
 * `rem` follows the page's root font size, which pages shrink (`html { font-size: 62.5% }`, or a hostile `2px`):
 * in the widget every rem length is floored at 16 px per rem, as its text already is (`max(1rem, 16px)`), so the
 * dialog keeps its size and spacing on any page and still grows with a larger root size.
 */
export const floorRem = (css: string): string =>
  css.replace(/(\d*\.?\d+)rem\b/g, (_, n: string) => `max(${n}rem, ${Number(n) * 16}px)`);

/** One constructable stylesheet per CSS text, shared by every shadow root that adopts it. */
export function sheetFor(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(floorRem(css));
    sheets.set(css, sheet);
  }
  return sheet;
}
