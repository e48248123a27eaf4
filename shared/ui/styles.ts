// All CSS of the panel, adopted into the widget's shadow root (constructable stylesheet) or the extension's
// popup document. No `style=` attributes anywhere: the panel works under a strict CSP (R66).
//
// Theming: set any `--tp-*` property on the host element (`twikit-privacy { --tp-accent: #… }`); outer rules
// win over `:host` defaults. A host that overrides colours owns their contrast in both schemes.
//
// Contrast of the defaults (WCAG 2.x relative luminance; R58 asks ≥ 4.5:1 for text, ≥ 3:1 for switch
// states, borders of controls and focus rings):
//
// | pair                                        | light               | ratio | dark                | ratio |
// |---------------------------------------------|---------------------|-------|---------------------|-------|
// | text --tp-fg on --tp-bg                     | #1b1f24 / #ffffff   | 16.56 | #e8eaed / #14171a   | 14.93 |
// | text --tp-fg on --tp-surface                | #1b1f24 / #f3f4f6   | 15.05 | #e8eaed / #1f2429   | 12.98 |
// | text --tp-fg on --tp-mark (your region)     | #1b1f24 / #fff4d6   | 15.11 | #e8eaed / #3a3117   | 10.68 |
// | text --tp-fg on --tp-separate (object)      | #1b1f24 / #eef3fc   | 14.87 | #e8eaed / #1b2433   | 12.94 |
// | secondary text --tp-muted on --tp-bg        | #4b5563 / #ffffff   |  7.56 | #aab2bd / #14171a   |  8.41 |
// | secondary text --tp-muted on --tp-surface   | #4b5563 / #f3f4f6   |  6.87 | #aab2bd / #1f2429   |  7.31 |
// | links, secondary buttons --tp-accent on bg  | #0b57d0 / #ffffff   |  6.39 | #8ab4f8 / #14171a   |  8.54 |
// | links --tp-accent on --tp-surface           | #0b57d0 / #f3f4f6   |  5.80 | #8ab4f8 / #1f2429   |  7.42 |
// | links --tp-accent on --tp-separate          | #0b57d0 / #eef3fc   |  5.74 | #8ab4f8 / #1b2433   |  7.40 |
// | button text --tp-accent-fg on --tp-accent   | #ffffff / #0b57d0   |  6.39 | #0b1b33 / #8ab4f8   |  8.18 |
// | errors --tp-error on --tp-bg                | #b42318 / #ffffff   |  6.57 | #ff9b93 / #14171a   |  8.88 |
// | errors --tp-error on --tp-surface           | #b42318 / #f3f4f6   |  5.97 | #ff9b93 / #1f2429   |  7.72 |
// | switch off: track/thumb --tp-border on bg   | #6b7280 / #ffffff   |  4.83 | #8b949e / #14171a   |  5.85 |
// | switch off on --tp-surface                  | #6b7280 / #f3f4f6   |  4.39 | #8b949e / #1f2429   |  5.09 |
// | switch on: track --tp-accent on bg          | #0b57d0 / #ffffff   |  6.39 | #8ab4f8 / #14171a   |  8.54 |
// | switch on: thumb --tp-bg on --tp-accent     | #ffffff / #0b57d0   |  6.39 | #14171a / #8ab4f8   |  8.54 |
// | focus ring --tp-accent on --tp-bg           | #0b57d0 / #ffffff   |  6.39 | #8ab4f8 / #14171a   |  8.54 |
// | field borders --tp-border on bg             | #6b7280 / #ffffff   |  4.83 | #8b949e / #14171a   |  5.85 |
//
// Switch state is also shown without colour: the thumb moves and an "On"/"Off" word is printed.

import { css } from './css.ts';

/** The panel's stylesheet: theme properties with light and dark defaults, focus, target sizes, reflow, reduced motion. */
export const panelCss = css`
:host, :root {
  --tp-bg: #ffffff;
  --tp-fg: #1b1f24;
  --tp-muted: #4b5563;
  --tp-surface: #f3f4f6;
  --tp-accent: #0b57d0;
  --tp-accent-fg: #ffffff;
  --tp-border: #6b7280;
  --tp-error: #b42318;
  --tp-mark: #fff4d6;
  --tp-separate: #eef3fc;
  --tp-radius: 0.5rem;
  --tp-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --tp-font-size: max(1rem, 16px);
  --tp-gap: 1rem;
}
@media (prefers-color-scheme: dark) {
  :host, :root {
    --tp-bg: #14171a;
    --tp-fg: #e8eaed;
    --tp-muted: #aab2bd;
    --tp-surface: #1f2429;
    --tp-accent: #8ab4f8;
    --tp-accent-fg: #0b1b33;
    --tp-border: #8b949e;
    --tp-error: #ff9b93;
    --tp-mark: #3a3117;
    --tp-separate: #1b2433;
  }
}

.tp-panel {
  box-sizing: border-box;
  max-width: 100%;
  min-width: 0;
  background: var(--tp-bg);
  color: var(--tp-fg);
  font-family: var(--tp-font);
  font-size: var(--tp-font-size);
  line-height: 1.5;
  /* Words wrap where they may; only a word longer than its whole line (an address, a link) is broken */
  overflow-wrap: break-word;
  text-align: start;
}
.tp-panel *, .tp-panel *::before, .tp-panel *::after { box-sizing: inherit; }
.tp-panel h2 { font-size: 1.375em; line-height: 1.25; margin: 0.5em 0; }
.tp-panel h3 { font-size: 1.125em; line-height: 1.3; margin: 1.25em 0 0.5em; }
.tp-panel h4 { font-size: 1em; margin: 1em 0 0.25em; }
.tp-panel p, .tp-panel ul, .tp-panel dl { margin: 0.5em 0; }
.tp-panel ul { padding-inline-start: 1.25em; }
.tp-panel a { color: var(--tp-accent); text-decoration: underline; text-underline-offset: 0.15em; }
.tp-panel a:hover { text-decoration-thickness: 2px; }

/* Focus: always visible for keyboard users (R55, R58) */
.tp-panel :focus-visible { outline: 3px solid var(--tp-accent); outline-offset: 2px; border-radius: 2px; }
.tp-panel [tabindex="-1"]:focus:not(:focus-visible) { outline: none; }

/* Navigation */
.tp-language { display: flex; align-items: center; gap: 0.5rem; margin: 0.5rem 0; flex-wrap: wrap; }
.tp-language select { min-block-size: 2.25rem; font: inherit; color: inherit; background: var(--tp-bg); border: 1px solid var(--tp-muted); border-radius: 6px; padding: 0 0.5rem; }
/* The tabs stay in one row in every language and at 320 px: the row scrolls sideways rather than wrap */
.tp-nav-list {
  display: flex; flex-wrap: nowrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0;
  border-bottom: 1px solid var(--tp-border); overflow-x: auto; scrollbar-width: thin;
}
.tp-nav-list > li { flex: none; }
.tp-nav-btn {
  min-height: 2.75rem; min-width: 2.75rem; padding: 0.5rem 0.75rem; white-space: nowrap;
  font: inherit; color: var(--tp-fg); background: transparent; cursor: pointer;
  border: 0; border-bottom: 3px solid transparent;
}
.tp-nav-btn[aria-current="page"] { border-bottom-color: var(--tp-accent); font-weight: 700; }

/* Buttons: every target at least 24×24 px (R57); most are 44 px high */
.tp-btn {
  display: inline-flex; align-items: center; justify-content: center; gap: 0.5em;
  min-height: 2.75rem; min-width: 2.75rem; padding: 0.5rem 1rem;
  font: inherit; font-weight: 600; line-height: 1.25; text-align: center;
  border-radius: var(--tp-radius); border: 2px solid var(--tp-accent); cursor: pointer;
}
/* Accept all and Reject all share this one rule: the same size, weight and contrast (R17) */
.tp-btn-choice, .tp-btn-primary { background: var(--tp-accent); color: var(--tp-accent-fg); }
.tp-btn-secondary { background: transparent; color: var(--tp-accent); }
.tp-btn[aria-disabled="true"] { cursor: not-allowed; opacity: 0.7; }
.tp-link {
  display: inline; min-height: 24px; padding: 0.125rem 0; margin: 0.25rem 0;
  font: inherit; color: var(--tp-accent); background: none; border: 0; cursor: pointer;
  text-decoration: underline; text-underline-offset: 0.15em; text-align: start;
}
.tp-choice-buttons, .tp-actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0.75rem 0; }
.tp-choice-buttons > .tp-btn { flex: 1 1 8em; }
/* The two equal choices stay in view however long the view is (a sticky bar at the bottom of what scrolls) */
.tp-choices, .tp-jit-bar {
  position: sticky; inset-block-end: 0; z-index: 1; background: var(--tp-bg);
  border-top: 1px solid var(--tp-border); box-shadow: 0 -6px 12px -8px rgb(0 0 0 / 0.35);
}
.tp-choices { margin-top: 0.75rem; padding: 0.25rem 0 0.5rem; }
.tp-choices-intro { margin: 0.25rem 0; font-size: 0.9375em; }
.tp-choices .tp-choice-buttons { margin: 0.5rem 0 0.25rem; }
.tp-jit-bar { margin: 0.75rem -1rem -0.5rem; padding: 0 1rem 0.25rem; background: var(--tp-surface); }

/* Status, errors, loading */
.tp-status:empty, .tp-live:empty { margin: 0; padding: 0; border: 0; }
.tp-status:not(:empty) { padding: 0.5rem 0.75rem; border-inline-start: 4px solid var(--tp-accent); background: var(--tp-surface); border-radius: var(--tp-radius); }
.tp-error { color: var(--tp-error); font-weight: 600; padding: 0.5rem 0.75rem; border-inline-start: 4px solid var(--tp-error); background: var(--tp-surface); border-radius: var(--tp-radius); }
.tp-loading { color: var(--tp-muted); }
.tp-meta, .tp-note, .tp-hint, .tp-queued { color: var(--tp-muted); }
.tp-queued { margin: 4px 0 0; font-size: 0.875em; }
.tp-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

/* First layer */
.tp-highlight { margin: 0.5em 0; }
.tp-highlights { background: var(--tp-mark); border-radius: var(--tp-radius); padding: 0.25rem 1rem 0.5rem; }
.tp-highlights h3 { margin-top: 0.5em; }
.tp-purposes li { margin: 0.25em 0; }

/* Full notice */
.tp-notice-title { font-size: 1.25em; }
/* The processing table where its six columns fit; one card per data type where they do not (R61) */
.tp-processing { container-type: inline-size; }
.tp-table-wrap { display: none; max-width: 100%; overflow-x: auto; margin: 0.75rem 0; border: 1px solid var(--tp-border); border-radius: var(--tp-radius); }
.tp-cards { list-style: none; padding: 0; margin: 0.75rem 0; }
@container (min-width: 60em) {
  .tp-table-wrap { display: block; }
  .tp-cards { display: none; }
}
.tp-card { border: 1px solid var(--tp-border); border-radius: var(--tp-radius); padding: 0.25rem 0.75rem 0.5rem; margin: 0 0 0.75rem; }
.tp-card h4 { margin: 0.5em 0 0.25em; font-size: 1.0625em; }
.tp-card dl { margin: 0; }
.tp-card dt { font-weight: 700; margin-top: 0.5em; }
.tp-card dd { margin: 0; }
.tp-card ul { margin: 0.25em 0; }
.tp-card.tp-row-current { border-inline-start: 4px solid var(--tp-accent); }
.tp-table th, .tp-table td, .tp-card dd { overflow-wrap: normal; word-break: normal; hyphens: manual; }
.tp-table { border-collapse: collapse; width: 100%; }
.tp-table caption { text-align: start; font-weight: 600; padding: 0.5rem; }
.tp-table th, .tp-table td { border-top: 1px solid var(--tp-border); padding: 0.5rem; vertical-align: top; text-align: start; }
.tp-table thead th { background: var(--tp-surface); }
.tp-table ul { margin: 0; padding-inline-start: 1em; }
.tp-changes-table { min-width: 0; table-layout: fixed; margin: 0.75rem 0; border: 1px solid var(--tp-border); }
.tp-row-current > th { border-inline-start: 4px solid var(--tp-accent); }
.tp-special { font-weight: 700; }
.tp-dl dt { font-weight: 700; }
.tp-dl dd { margin: 0 0 0.5em; }
.tp-yours { background: var(--tp-mark); border-radius: var(--tp-radius); padding: 0.25rem 0.5rem; }
.tp-badge { display: inline-block; padding: 0 0.5em; border: 1px solid var(--tp-fg); border-radius: 999px; font-size: 0.875em; }
.tp-authority { font-style: normal; }
.tp-contact-list { list-style: none; padding: 0; }
/* An address has no word breaks of its own: it may break anywhere rather than run off a phone */
.tp-contact-list a { display: inline-block; min-height: 24px; max-width: 100%; overflow-wrap: anywhere; }

/* The right to object and the telemetry objection: their own visually separate block (R8, R25) */
.tp-separate { margin: 1.25rem 0; padding: 0.5rem 1rem 1rem; background: var(--tp-separate); border: 2px solid var(--tp-accent); border-radius: var(--tp-radius); }
.tp-separate h3, .tp-separate h4 { margin-top: 0.5em; }
.tp-state { font-weight: 600; }

/* Consent switches (R53, R58) */
.tp-switches { border: 0; margin: 0; padding: 0; min-width: 0; }
.tp-switches legend { font-weight: 700; padding: 0; margin-bottom: 0.5rem; }
.tp-switch-row { border-bottom: 1px solid var(--tp-border); padding: 0.75rem 0; }
.tp-switch {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; width: 100%;
  min-height: 2.75rem; padding: 0.25rem 0; font: inherit; color: var(--tp-fg); background: transparent;
  border: 0; cursor: pointer; text-align: start;
}
.tp-switch-label { flex: 1 1 12em; font-weight: 700; }
.tp-switch-track {
  position: relative; flex: none; width: 3rem; height: 1.75rem; border-radius: 999px;
  border: 2px solid var(--tp-border); background: var(--tp-bg);
}
.tp-switch-thumb {
  position: absolute; top: 0.1875rem; inset-inline-start: 0.1875rem; width: 1.125rem; height: 1.125rem;
  border-radius: 50%; background: var(--tp-border);
}
.tp-switch[aria-checked="true"] .tp-switch-track { background: var(--tp-accent); border-color: var(--tp-accent); }
.tp-switch[aria-checked="true"] .tp-switch-thumb { background: var(--tp-bg); inset-inline-start: calc(100% - 1.3125rem); }
.tp-switch-state { flex: none; min-width: 2.5em; font-weight: 600; }
.tp-switch[aria-disabled="true"] { cursor: progress; opacity: 0.7; }
.tp-switch-desc p { margin: 0.25em 0; }
.tp-jit { margin: 0.75rem 0; padding: 0.5rem 1rem; border: 2px solid var(--tp-accent); border-radius: var(--tp-radius); background: var(--tp-surface); }
.tp-express { font-weight: 700; }

/* Forms (R59) */
.tp-form { margin: 0 0 1.5rem; }
.tp-field { margin: 1rem 0; border: 0; padding: 0; min-width: 0; }
.tp-field > label, .tp-field > legend { display: block; font-weight: 600; margin-bottom: 0.25rem; padding: 0; }
.tp-field select, .tp-field textarea {
  display: block; width: 100%; max-width: 40em; min-height: 2.75rem; padding: 0.5rem;
  font: inherit; color: var(--tp-fg); background: var(--tp-bg);
  border: 2px solid var(--tp-border); border-radius: var(--tp-radius);
}
.tp-field textarea { resize: vertical; }
.tp-field [aria-invalid="true"] { border-color: var(--tp-error); }
.tp-field-check, .tp-radio { display: flex; align-items: flex-start; gap: 0.5rem; margin: 0.5rem 0; }
.tp-field-check > label, .tp-radio > label { font-weight: 400; flex: 1 1 0; min-width: 0; margin: 0; }
.tp-field input[type="checkbox"], .tp-field input[type="radio"] { flex: none; width: 1.5rem; height: 1.5rem; margin: 0; accent-color: var(--tp-accent); }
.tp-field-check { flex-wrap: wrap; }
.tp-field-check .tp-field-error { flex-basis: 100%; }
.tp-field-error { color: var(--tp-error); font-weight: 600; }
.tp-summary { padding: 0.5rem 1rem; border: 3px solid var(--tp-error); border-radius: var(--tp-radius); margin: 1rem 0; }
.tp-summary h3 { margin-top: 0.25em; }
.tp-summary a { color: var(--tp-error); font-weight: 600; }
.tp-review { padding: 0.5rem 1rem; border: 2px solid var(--tp-accent); border-radius: var(--tp-radius); }
.tp-quote { margin: 0.5rem 0; padding-inline-start: 0.75rem; border-inline-start: 4px solid var(--tp-border); white-space: pre-wrap; }

/* Request list */
.tp-requests-ul { list-style: none; padding: 0; }
.tp-signin-frame { display: block; box-sizing: border-box; width: 100%; height: 24rem; border: 0; }
.tp-request { padding: 0.5rem 0 0.75rem; border-bottom: 1px solid var(--tp-border); }
.tp-request p { margin: 0.25em 0; }
.tp-due { font-weight: 700; }
.tp-systems ul { margin: 0.25em 0; padding-inline-start: 1.25rem; }
.tp-systems li + li { margin-top: 0.25em; }
.tp-request-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.75rem; }
.tp-request-head h4 { margin: 0.5em 0 0.25em; }
/* The status as a chip: words in a bordered pill, so it reads without colour too */
.tp-chip { display: inline-block; margin: 0; padding: 0 0.625em; border: 1px solid currentColor; border-radius: 999px; font-size: 0.875em; font-weight: 600; }
.tp-chip-open { color: var(--tp-accent); }
.tp-chip-rejected { color: var(--tp-error); }
.tp-chip-completed, .tp-chip-cancelled { color: var(--tp-fg); }
.tp-ended { font-weight: 600; }
.tp-confirm { margin: 0.5rem 0; padding: 0.25rem 0.75rem; border: 2px solid var(--tp-accent); border-radius: var(--tp-radius); }

/* Windows high contrast / forced colours: keep switch states and focus visible */
@media (forced-colors: active) {
  .tp-switch-track { border-color: CanvasText; }
  .tp-switch-thumb { background: CanvasText; }
  .tp-switch[aria-checked="true"] .tp-switch-track { background: Highlight; border-color: Highlight; }
  .tp-switch[aria-checked="true"] .tp-switch-thumb { background: Canvas; }
  .tp-panel :focus-visible { outline-color: Highlight; }
}

/* Motion only for those who have not asked for less */
@media (prefers-reduced-motion: no-preference) {
  .tp-switch-thumb { transition: inset-inline-start 120ms ease-out; }
}
`;
