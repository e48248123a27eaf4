import type { Locale } from '../shared/contract/common.ts';
import { signInCss } from '../shared/ui/sign-in-css.ts';
import { panelCss } from '../shared/ui/styles.ts';
import { extCss } from './ui/ext-css.ts';

/** The page's stylesheets (constructable, so no inline style anywhere) and its language. */
export function setUpPage(locale: Locale, title: string): void {
  const sheets = [panelCss, signInCss, extCss].map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  document.adoptedStyleSheets = sheets;
  document.documentElement.lang = locale;
  document.title = title;
}
