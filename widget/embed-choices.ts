// The values each `data-*` attribute of the script tag accepts, from the registries, written into the loader by the
// build (`__WIDGET_CHOICES__`, widget/vite-builds.ts): the loader checks a page's attributes without carrying the
// registries themselves. Build-time only: nothing here ships.
import { Region } from '../shared/contract/common.ts';
import { APP_REGISTRY } from '../shared/registry/apps.ts';
import { LOCALE_REGISTRY } from '../shared/registry/locales.ts';

/** Where the launcher sits (`data-launcher`), or `none` for a host that opens the controls from its own link. */
export const LAUNCHER_PLACES = ['bottom-left', 'bottom-right', 'top-left', 'top-right', 'none'] as const;

/** Each checked attribute's allowed values; the first of `mode` and `launcher` is the default. */
export const embedChoices = (): Record<'region' | 'app' | 'lang' | 'mode' | 'launcher', readonly string[]> => ({
  region: Region.options,
  app: APP_REGISTRY.map((a) => a.id),
  lang: LOCALE_REGISTRY.map((l) => l.code),
  mode: ['launcher', 'inline'],
  launcher: LAUNCHER_PLACES,
});
