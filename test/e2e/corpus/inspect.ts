// What a person (and an attacker) would see of the widget after a bad answer, read from every widget element's
// shadow root: injected markup, script links, the texts of alerts and status regions, and whether script ran.
import type { Page } from 'playwright-core';
import { de } from '../../../shared/i18n/messages/de.ts';
import { en } from '../../../shared/i18n/messages/en.ts';
import { fr } from '../../../shared/i18n/messages/fr.ts';
import { nl } from '../../../shared/i18n/messages/nl.ts';

export interface Inspection {
  /** `window.__pwned` was set, i.e. a payload ran. */
  pwned: boolean;
  /** `({}).polluted` / `({}).hidden` exist: a `__proto__` key reached Object.prototype. */
  polluted: boolean;
  /** Elements or attributes the widget never renders itself (img, script, iframe, on* handlers …). */
  injected: string[];
  /** href / src / action values that are not http(s), mailto, tel or a fragment. */
  scriptLinks: string[];
  /** Non-empty texts of `role="alert"` and `role="status"` elements. */
  messages: string[];
}

// Plain source (no transpiler helpers in the page). The launcher's own shield icon is the only SVG.
const INSPECT = `(() => {
  const roots = [...document.querySelectorAll('twikit-privacy')].map((h) => h.shadowRoot).filter(Boolean);
  const out = { pwned: window.__pwned === true, polluted: ({}).polluted !== undefined || ({}).hidden !== undefined, injected: [], scriptLinks: [], messages: [] };
  for (const root of roots) {
    for (const el of root.querySelectorAll('img, script, iframe, object, embed, style, link, base, meta, math, details, template, frame, svg, video, audio, input[type=image]')) {
      if (!el.closest('.launcher')) out.injected.push(el.tagName.toLowerCase());
    }
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name) || attr.name === 'srcdoc') out.injected.push(el.tagName.toLowerCase() + '[' + attr.name + ']');
        if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name) && !/^(https?:|mailto:|tel:|#)/i.test(attr.value.trim())) out.scriptLinks.push(attr.value.slice(0, 80));
      }
    }
    for (const el of root.querySelectorAll('[role=alert], [role=status]')) {
      const text = el.textContent.trim();
      if (text) out.messages.push(text);
    }
  }
  return out;
})()`;

/** Looks at every widget on the page. */
export const inspect = (page: Page): Promise<Inspection> => page.evaluate<Inspection>(INSPECT);

// Every UI sentence in every language, as a pattern (`{name}` placeholders match anything). The most specific
// first: a sentence that is mostly placeholders (`{what} — {ground}`) matches many texts, so it is tried last.
const templates = [en, nl, fr, de]
  .flatMap((messages) =>
    Object.entries(messages as Record<string, string>).map(([key, text]) => ({
      key,
      literal: text.replace(/\{\w+\}/g, '').length,
      pattern: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '[\\s\\S]*')}$`),
    })),
  )
  .sort((a, b) => b.literal - a.literal);

/** The catalogue key of a shown text (a whole sentence of the UI, in any language), or null for anything else. */
export function messageKey(text: string): string | null {
  return templates.find((t) => t.pattern.test(text))?.key ?? null;
}

/** Keys of the sentences that tell a person something went wrong or could not be confirmed. */
export const isErrorKey = (key: string | null): boolean =>
  key !== null && /^(error\.|panel\.(stale|offline|noticeUnavailable))/.test(key);
