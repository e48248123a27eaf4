// The pages the bench loads: a bare host page, ours, and each peer with the same two consent purposes
// (body scans, sharing with third parties). Each names the element that is "the first layer" once visible,
// the folder it is served from, and, for peers, the shipped files a first visit loads (for the size table).
import { readFileSync } from 'node:fs';

export type TargetId = 'bare' | 'ours' | 'klaro' | 'cookieconsent' | 'tarteaucitron';

export interface Target {
  id: TargetId;
  /** How the tables name it. */
  label: string;
  /** bench/pages/<page>.html */
  page: string;
  /** CSS selector of the first layer; `a >>> b` looks for `b` inside `a`'s open shadow root. */
  firstLayer: string;
  /** Served at `/<mount>/` from `dir` (peers: their npm package; ours: the widget build). */
  mount?: { prefix: string; dir: string };
  /** npm package and the files (relative to the package) a first visit loads, for the size table. */
  npm?: { name: string; files: string[] };
}

/** The host page's own content, identical on every page: on the bare page it is what "visible" means. */
const HOST_CONTENT = '#host-content';

export const BARE: Target = { id: 'bare', label: 'bare host page', page: 'bare', firstLayer: HOST_CONTENT };

/** Ours: the first-layer view inside the dialog in the widget's shadow root (widget/runtime.ts, shared/ui/FirstLayer.tsx). */
export const ours = (widgetDir: string): Target => ({
  id: 'ours',
  label: 'Twikit widget',
  page: 'ours',
  firstLayer: 'twikit-privacy >>> .tp-dialog .tp-first',
  mount: { prefix: '/widget/', dir: widgetDir },
});

export const PEERS: Target[] = [
  {
    id: 'klaro',
    label: 'klaro',
    page: 'klaro',
    firstLayer: '#klaro .cookie-notice, #klaro .cookie-modal',
    mount: { prefix: '/peers/klaro/', dir: 'node_modules/klaro/dist' },
    // klaro.js carries its CSS and every translation.
    npm: { name: 'klaro', files: ['dist/klaro.js'] },
  },
  {
    id: 'cookieconsent',
    label: 'vanilla-cookieconsent',
    page: 'cookieconsent',
    firstLayer: '#cc-main .cm',
    mount: { prefix: '/peers/cookieconsent/', dir: 'node_modules/vanilla-cookieconsent/dist' },
    npm: { name: 'vanilla-cookieconsent', files: ['dist/cookieconsent.umd.js', 'dist/cookieconsent.css'] },
  },
  {
    id: 'tarteaucitron',
    label: 'tarteaucitronjs',
    page: 'tarteaucitron',
    firstLayer: '#tarteaucitronAlertBig',
    mount: { prefix: '/peers/tarteaucitron/', dir: 'node_modules/tarteaucitronjs' },
    // The .min entry makes it load the .min language, services and CSS files next to it (tarteaucitron.js `load`).
    npm: {
      name: 'tarteaucitronjs',
      files: [
        'tarteaucitron.min.js',
        'lang/tarteaucitron.en.min.js',
        'tarteaucitron.services.min.js',
        'css/tarteaucitron.min.css',
      ],
    },
  },
];

/** The installed version of an npm package (from node_modules, as the size table reports it); `.` is this project. */
export const installedVersion = (name: string): string =>
  (
    JSON.parse(readFileSync(name === '.' ? 'package.json' : `node_modules/${name}/package.json`, 'utf8')) as {
      version: string;
    }
  ).version;
