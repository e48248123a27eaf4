// The frame page around the panel's CSS: no margins (the widget sizes the frame to its content), the dialog's
// background, so it reads as part of the dialog in light and dark mode.
export const frameCss = `
html { color-scheme: light dark; }
body { margin: 0; background: var(--tp-bg); color: var(--tp-fg); }
.tp-frame { padding: 2px 2px 4px; }
.tp-frame-title { font-size: 1.125rem; margin: 0 0 0.5rem; }
.tp-frame-account { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
`;
