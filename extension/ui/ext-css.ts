// The popup's and options page's own layout, around the shared panel CSS (shared/ui/styles.ts). Colours are
// the panel's `--tp-*` properties, so contrast and dark mode follow the panel's checked defaults.
export const extCss = `
html { color-scheme: light dark; }
body { margin: 0; background: var(--tp-bg); color: var(--tp-fg); font: 15px/1.5 system-ui, sans-serif; }
.ext-popup { box-sizing: border-box; width: 400px; max-width: 100vw; min-height: 480px; padding: 12px 14px 16px; }
.ext-header { position: relative; display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 4px; }
.ext-heading { min-width: 0; }
.ext-heading .tp-meta { margin: 0; font-size: 0.875rem; overflow-wrap: anywhere; }
.ext-title { font-size: 1.05rem; margin: 0; }
.ext-menu { flex: none; }
.ext-menu > summary { list-style: none; min-height: 2.25rem; padding: 0.25rem 0.75rem; }
.ext-menu > summary::-webkit-details-marker { display: none; }
.ext-menu > summary::after { content: " ▾"; }
.ext-menu[open] > summary::after { content: " ▴"; }
.ext-account {
  position: absolute; inset-inline-end: 0; top: calc(100% + 4px); z-index: 2; width: min(20rem, calc(100vw - 28px));
  display: flex; flex-direction: column; align-items: stretch; gap: 8px; padding: 12px; box-sizing: border-box;
  background: var(--tp-bg); border: 1px solid var(--tp-border); border-radius: var(--tp-radius); box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
}
.ext-account .tp-meta { margin: 0; overflow-wrap: anywhere; }
.ext-notice-link { margin-top: 12px; }
.ext-expired { margin-bottom: 12px; }
.ext-options { box-sizing: border-box; max-width: 40rem; margin: 0 auto; padding: 24px 16px 48px; }
.ext-options h1 { font-size: 1.5rem; }
.ext-options section { margin-top: 24px; }
.ext-options select { min-height: 32px; }
`;
