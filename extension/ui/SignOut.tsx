import { useId, useState } from 'preact/hooks';
import type { SessionModel } from '../session-model.ts';
import { useExtT } from './ExtI18n.ts';

/** Sign-out with a choice to also remove everything kept on this device; a second step, so no slip signs out. */
export function SignOut({ model, onDone }: { model: SessionModel; onDone(cleared: boolean): void }) {
  const { t } = useExtT();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [clearLocal, setClearLocal] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="tp-btn tp-btn-secondary" onClick={() => setAsking(true)}>
        {t('session.signOut')}
      </button>
    );
  }
  const signOut = async () => {
    setBusy(true);
    await model.signOut({ clearLocal });
    onDone(clearLocal);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset needs a visible legend and brings form styling; this group (a checkbox and a button) is named by its hidden heading
    <div class="ext-sign-out" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} class="tp-sr">
        {t('session.signOut')}
      </p>
      <div class="tp-field tp-field-check">
        <input
          type="checkbox"
          id={`${id}-clear`}
          checked={clearLocal}
          onChange={(e) => setClearLocal(e.currentTarget.checked)}
        />
        <label for={`${id}-clear`}>{t('signOut.clearLocal')}</label>
      </div>
      <div class="tp-choice-buttons">
        <button type="button" class="tp-btn tp-btn-primary" disabled={busy} onClick={() => void signOut()}>
          {t('signOut.confirm')}
        </button>
        <button type="button" class="tp-btn tp-btn-secondary" disabled={busy} onClick={() => setAsking(false)}>
          {t('signOut.cancel')}
        </button>
      </div>
    </div>
  );
}
