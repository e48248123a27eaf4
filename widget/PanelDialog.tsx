import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { BiometricStep } from '../shared/ui/BiometricStep.tsx';
import { Panel } from '../shared/ui/Panel.tsx';
import type { PanelView } from '../shared/ui/views.ts';
import { useCore } from '../shared/ui/CoreContext.ts';
import type { DialogOptions } from './runtime-types.ts';
import { SHELL_STRINGS } from './shell-strings.ts';
import { wrapTab } from './focus-trap.ts';

/**
 * The modal dialog (R54): labelled, focus moves in and wraps, Escape and the close button close it
 * without recording anything (R18), focus goes back to the opener (done by the caller on close).
 */
export function PanelDialog({ options, onClose }: { options: DialogOptions; onClose(granted: boolean): void }) {
  const core = useCore();
  const strings = SHELL_STRINGS[core.locale.value];
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const [view, setView] = useState<PanelView>(options.view === 'just-in-time' ? 'consents' : options.view);
  const justInTime = options.view === 'just-in-time';

  useLayoutEffect(() => {
    if (!justInTime) title.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose(false);
    } else if (dialog.current) wrapTab(event, dialog.current);
  };

  return (
    <div class="tp-backdrop">
      <div
        class="tp-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={dialog}
        onKeyDown={onKeyDown}
      >
        <div class="tp-dialog-header">
          <h1 class="tp-dialog-title" id={titleId} tabIndex={-1} ref={title}>
            {strings.title}
          </h1>
          <button type="button" class="tp-close" onClick={() => onClose(false)}>
            {strings.close}
          </button>
        </div>
        <div class="tp-dialog-body">
          {justInTime ? (
            <div class="tp-panel">
              <BiometricStep purpose={options.purpose} onDone={(granted) => onClose(granted)} />
            </div>
          ) : (
            <Panel
              view={view}
              onViewChange={setView}
              app={options.app}
              region={options.region}
              onDecided={(said) => {
                // The dialog closes on a decision; what was recorded is said outside it, where it survives the close.
                onClose(false);
                options.announce(said);
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}
