// An iframe counts: the sign-in frame's fields are reached through it (Shift+Tab from the first item lands in it).
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"])';

/** The elements Tab reaches inside `container`, in order (visible, enabled). */
export function tabbables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.hasAttribute('disabled') && !el.closest('[inert]') && el.getClientRects().length > 0,
  );
}

/**
 * Keeps Tab and Shift+Tab inside the dialog (R54). Decided by document order, so it also holds when focus
 * sits on something that is not itself tabbable (the dialog title focused on open).
 */
export function wrapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const items = tabbables(container);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return void event.preventDefault();
  const root = container.getRootNode() as ShadowRoot | Document;
  const active = root.activeElement;
  const inside = active instanceof HTMLElement && container.contains(active);
  const before = (el: HTMLElement) =>
    inside && Boolean(el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
  const after = (el: HTMLElement) =>
    inside && Boolean(el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_PRECEDING);
  if (event.shiftKey && (!inside || active === first || !items.some(before))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!inside || active === last || !items.some(after))) {
    event.preventDefault();
    first.focus();
  }
}

/** Makes every sibling of `keep` inert, up through the page, while a modal is open (R54); returns the undo. */
export function inertOthers(keep: Element): () => void {
  const changed: Element[] = [];
  const mark = (parent: ParentNode, spare: Element) => {
    for (const el of parent.children) {
      if (el === spare || el.hasAttribute('inert') || el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
      el.setAttribute('inert', '');
      changed.push(el);
    }
  };
  mark(keep.getRootNode() as ShadowRoot, keep); // inside our shadow root: the launcher
  const host = (keep.getRootNode() as ShadowRoot).host;
  if (host) mark(document.body, host); // the host page
  return () => {
    for (const el of changed) el.removeAttribute('inert');
  };
}
