import { css } from '../shared/ui/css.ts';

/**
 * The modal frame around the panel: a backdrop, a scrollable dialog that reflows down to 320 px (R61).
 * Its entrance only slides, never fades: the first layer is readable from its first frame. The dialog hangs from a
 * fixed top edge rather than being centred, so the tabs stay put when a view of another height opens. In the dark
 * scheme its edge is drawn: a dark dialog on a dimmed dark page is otherwise hard to tell from the page.
 */
export const dialogCss = css`
.tp-backdrop {
  position: fixed; inset: 0; z-index: 2147483647; background: rgb(0 0 0 / 0.55);
  display: grid; place-items: start center; padding: 8px; --tp-top: 8px;
}
@media (min-height: 600px) and (min-width: 600px) { .tp-backdrop { --tp-top: 4vh; padding-top: var(--tp-top); } }
.tp-dialog {
  position: relative; inline-size: min(48rem, 100%); max-block-size: calc(100dvh - var(--tp-top) - 8px); overflow: auto;
  border: 1px solid transparent; box-sizing: border-box;
  background: var(--tp-bg); color: var(--tp-fg); border-radius: var(--tp-radius, 12px); box-shadow: 0 8px 32px rgb(0 0 0 / 0.4);
  font: var(--tp-font-size, 16px) / 1.5 var(--tp-font, system-ui, sans-serif);
}
.tp-dialog-header { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; padding: 16px 16px 0; }
.tp-dialog-title { font-size: 1.25em; line-height: 1.3; margin: 0; min-inline-size: 0; overflow-wrap: anywhere; }
.tp-dialog-title:focus { outline: none; }
.tp-dialog-title:focus-visible { outline: 3px solid var(--tp-accent); outline-offset: 2px; }
.tp-close {
  flex: none; min-inline-size: 44px; min-block-size: 44px; border-radius: 8px; cursor: pointer;
  border: 1px solid var(--tp-border, currentColor); background: transparent; color: inherit; font: inherit;
}
.tp-close:focus-visible { outline: 3px solid var(--tp-accent); outline-offset: 2px; }
.tp-dialog-body { padding: 0 16px 16px; }
.tp-inline { font: var(--tp-font-size, 16px) / 1.5 var(--tp-font, system-ui, sans-serif); color: var(--tp-fg); background: var(--tp-bg); }
@media (prefers-color-scheme: dark) { .tp-dialog { border: 2px solid var(--tp-border); } }
@media (prefers-reduced-motion: no-preference) { .tp-dialog { animation: tp-in 120ms ease-out; } }
@keyframes tp-in { from { transform: translateY(8px); } }
`;
