import { css } from '../../shared/ui/css.ts';

/** The console's stylesheet, adopted as a constructable sheet (no inline style: the page's CSP allows none). */
export const consoleCss = css`
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1b1f; --muted: #4a4a55; --line: #c4c4cc; --accent: #0b57d0;
  --accent-fg: #ffffff; --panel: #f4f4f7; --bad: #a4161a; --warn: #7a4b00; --ok: #1e6b34; --focus: #0b57d0; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #121216; --fg: #ececf1; --muted: #b9b9c6; --line: #5a5a66; --accent: #8ab4ff; --accent-fg: #0b0b10;
    --panel: #1d1d24; --bad: #ff8a8a; --warn: #ffc46b; --ok: #7fd69a; --focus: #8ab4ff; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: var(--bg); padding: 8px; z-index: 10; }
header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px 16px; border-bottom: 1px solid var(--line); }
header h1 { font-size: 1.1rem; margin: 0 16px 0 0; }
nav ul { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; margin: 0; padding: 0; }
nav a { display: inline-block; padding: 6px 10px; min-height: 24px; border-radius: 4px; }
nav a[aria-current="page"] { background: var(--panel); font-weight: 600; }
.who { margin-left: auto; color: var(--muted); font-size: 0.9rem; }
main { padding: 16px; max-width: 1200px; }
h2 { font-size: 1.4rem; margin: 8px 0 16px; }
h3 { font-size: 1.1rem; margin: 24px 0 8px; }
label { display: block; font-weight: 600; margin: 8px 0 4px; }
.hint { color: var(--muted); font-size: 0.9rem; margin: 0 0 4px; }
input, select, textarea { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted);
  border-radius: 4px; padding: 6px 8px; min-height: 32px; max-width: 100%; }
textarea { width: 100%; min-height: 80px; }
button { font: inherit; cursor: pointer; min-height: 32px; min-width: 24px; padding: 6px 14px; border-radius: 4px;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-fg); }
button.secondary { background: var(--bg); color: var(--accent); }
button.danger { background: var(--bad); border-color: var(--bad); color: var(--bg); }
.row { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-end; }
.row > div { min-width: 160px; }
fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 12px; margin: 12px 0; }
legend { font-weight: 600; padding: 0 4px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; }
.flag { display: inline-block; margin: 0 4px 2px 0; padding: 0 6px; border-radius: 4px; border: 1px solid currentColor; font-size: 0.85rem; }
.flag.overdue { color: var(--bad); }
.flag.soon { color: var(--warn); }
.status { margin: 8px 0; padding: 8px 12px; border-left: 4px solid var(--ok); background: var(--panel); }
.error { margin: 8px 0; padding: 8px 12px; border-left: 4px solid var(--bad); background: var(--panel); }
.field-error { color: var(--bad); margin: 4px 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ol.timeline { padding-left: 20px; }
pre { background: var(--panel); padding: 12px; margin: 0; font-size: 0.85rem; white-space: pre-wrap; word-break: break-word; }
.scroll { max-height: 480px; overflow: auto; margin: 8px 0; }
.secret { width: 100%; font-family: monospace; }
.actions-list { display: flex; flex-wrap: wrap; gap: 8px; }
label.choice { display: flex; gap: 8px; align-items: baseline; font-weight: normal; margin: 4px 0; }
textarea.code { font-family: monospace; font-size: 0.85rem; }
.muted { color: var(--muted); }
.flag.current { color: var(--ok); margin-left: 6px; }
.diff-purpose { margin: 16px 0; }
.diff caption { text-align: left; font-weight: 600; padding: 6px 0; }
h4 { font-size: 1rem; margin: 16px 0 8px; }
`;
