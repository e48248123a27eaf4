// The operator console (issue 15): served by the reference server at /console, same origin as the API.
import { render } from 'preact';
import { createConsoleModel } from './models/console-model.ts';
import { App } from './ui/App.tsx';
import { ConsoleContext } from './ui/ConsoleContext.ts';
import { consoleCss } from './ui/console-css.ts';

const sheet = new CSSStyleSheet();
sheet.replaceSync(consoleCss);
document.adoptedStyleSheets = [sheet];

const model = createConsoleModel();
document.documentElement.lang = model.locale.value;
const root = document.getElementById('app')!;
root.textContent = '';
render(
  <ConsoleContext.Provider value={model}>
    <App />
  </ConsoleContext.Provider>,
  root,
);
root.dataset.ready = 'true';
