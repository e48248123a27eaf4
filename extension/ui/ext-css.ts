// The popup's and options page's own layout, around the shared panel CSS (shared/ui/styles.ts). Colours are
// the panel's `--tp-*` properties, so contrast and dark mode follow the panel's checked defaults.
export const extCss = `
html { color-scheme: light dark; }
body { margin: 0; background: var(--tp-bg); color: var(--tp-fg); font: 15px/1.5 system-ui, sans-serif; }
.ext-popup { box-sizing: border-box; width: 400px; max-width: 100vw; min-height: 480px; padding: 12px 14px 16px; }
.ext-header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 8px; }
.ext-title { font-size: 1.15rem; margin: 0; }
.ext-account { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; flex-basis: 100%; }
.ext-account .tp-meta { flex: 1 1 12rem; }
.ext-account .tp-meta { margin: 0; overflow-wrap: anywhere; }
.ext-sign-in input { box-sizing: border-box; width: 100%; }
.ext-notice-link { margin-top: 12px; }
.ext-expired { margin-bottom: 12px; }
.ext-options { box-sizing: border-box; max-width: 40rem; margin: 0 auto; padding: 24px 16px 48px; }
.ext-options h1 { font-size: 1.5rem; }
.ext-options section { margin-top: 24px; }
.ext-options select { min-height: 32px; }
`;
