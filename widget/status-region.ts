// The widget's own status message, outside the dialog: a decision closes the dialog, and what was recorded must
// still be said (to a screen reader and on screen) after it has gone. The region is in the page from the start, so
// its later text is announced (a live region added with its text is not).
import { css } from '../shared/ui/css.ts';

const SHOWN_MS = 8000;

/** Adds the status region to `root`; returns `announce(text)`, which shows the text for a few seconds. */
export function statusRegion(root: ShadowRoot, signal: AbortSignal): (text: string) => void {
  const region = document.createElement('p');
  region.className = 'status';
  region.setAttribute('role', 'status');
  root.append(region);
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return (text) => {
    if (signal.aborted) return;
    clearTimeout(timer);
    region.textContent = text;
    timer = setTimeout(() => {
      region.textContent = '';
    }, SHOWN_MS);
  };
}

export const statusCss = css`
.status {
  position: fixed; z-index: 2147483647; inset-inline-start: 16px; inset-block-end: 76px; margin: 0;
  max-inline-size: min(26rem, calc(100vw - 32px)); box-sizing: border-box; padding: 12px 16px;
  font: 16px / 1.5 system-ui, sans-serif; color: #ffffff; background: #1b1f24; border-radius: 8px;
  border: 2px solid var(--tp-accent, #0b57d0); box-shadow: 0 2px 8px rgb(0 0 0 / 0.35);
}
:host([data-corner$="right"]) .status { inset-inline-start: auto; inset-inline-end: 16px; }
:host([data-corner^="top"]) .status { inset-block-end: auto; inset-block-start: 76px; }
:host([data-corner="none"]) .status { inset-block-end: 16px; }
.status:empty { padding: 0; border: 0; box-shadow: none; }
@media (prefers-color-scheme: dark) { .status { color: #1b1f24; background: #e8eaed; } }
`;
