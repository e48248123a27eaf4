import type { Ref } from 'preact';
import { useT } from './I18nContext.ts';
import { PANEL_VIEWS, type PanelView } from './views.ts';

export interface ViewNavProps {
  view: PanelView;
  onViewChange(view: PanelView): void;
  navRef?: Ref<HTMLElement>;
}

/** The view switcher: a labelled nav of buttons; the current view is marked with `aria-current="page"`. */
export function ViewNav({ view, onViewChange, navRef }: ViewNavProps) {
  const { t } = useT();
  return (
    <nav class="tp-nav" aria-label={t('nav.label')} ref={navRef}>
      <ul class="tp-nav-list">
        {PANEL_VIEWS.map((v) => (
          <li key={v}>
            <button
              type="button"
              class="tp-nav-btn"
              aria-current={v === view ? 'page' : undefined}
              onClick={() => onViewChange(v)}
            >
              {t(`nav.${v}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
