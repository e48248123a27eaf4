import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { useT } from './I18nContext.ts';

/** One section of the full notice: a UI-language heading over notice-language content (R13). */
export function NoticeSection({
  title,
  className,
  children,
}: {
  title: string;
  className?: string;
  children?: ComponentChildren;
}) {
  const { lang } = useT();
  const id = useId();
  return (
    <section class={className ? `tp-notice-section ${className}` : 'tp-notice-section'} aria-labelledby={id}>
      <h3 id={id} lang={lang}>
        {title}
      </h3>
      {children}
    </section>
  );
}
