import browser from 'webextension-polyfill';
import type { Locale } from '../shared/contract/common.ts';
import { extT } from './messages/index.ts';

/** The toolbar badge: the number of requests with news, nothing when there is none. */
export async function showBadge(count: number, locale: Locale): Promise<void> {
  await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 99)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#0b57d0' });
  await browser.action.setTitle({
    title: count > 0 ? extT(locale, 'badge.title', { count }) : extT(locale, 'ext.title'),
  });
}
