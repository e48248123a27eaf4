import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { useT } from './I18nContext.ts';

export interface SummaryItem {
  /** The id of the field to focus. */
  target: string;
  text: string;
}

/** The list of problems at the top of a form; it takes focus after each failed submit (`focusKey` changes). */
export function ErrorSummary({ items, focusKey }: { items: readonly SummaryItem[]; focusKey: number }) {
  const { t } = useT();
  const id = useId();
  const box = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (focusKey > 0) box.current?.focus();
  }, [focusKey]);
  if (items.length === 0) return null;

  // In a shadow root `#id` links do not scroll or focus: focus the field ourselves.
  const focusField = (event: Event, target: string) => {
    event.preventDefault();
    const root = box.current?.getRootNode() as Document | ShadowRoot | undefined;
    (root?.getElementById(target) as HTMLElement | null)?.focus();
  };
  return (
    // A named section (a region): on focus, screen readers say "There is a problem" before the list. A div with
    // aria-labelledby and no role was named for no one (ARIA forbids naming a generic element).
    <section class="tp-summary" tabIndex={-1} ref={box} aria-labelledby={id}>
      <h3 id={id}>{t('request.summary')}</h3>
      <ul>
        {items.map((item) => (
          <li key={item.target}>
            <a href={`#${item.target}`} onClick={(e) => focusField(e, item.target)}>
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
