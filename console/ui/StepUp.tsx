import { useState } from 'preact/hooks';
import { EmailStartResult } from '../../shared/contract/auth.ts';
import { StepUpResult } from '../../shared/contract/console.ts';
import type { ConsoleError } from '../api.ts';
import { useConsole } from './ConsoleContext.ts';
import { ProblemText } from './ProblemText.tsx';

/** Confirms a destructive action with a fresh e-mailed code, then calls `onConfirmed` (which retries it). */
export function StepUp({ onConfirmed }: { onConfirmed: () => void }) {
  const { model, t } = useConsole();
  const [sent, setSent] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<ConsoleError | null>(null);
  const me = model.me.value;
  if (me && me.kind !== 'operator') return <p class="error">{t('stepUp.notForKeys')}</p>;

  const send = async () => {
    setError(null);
    try {
      await model.api.call('POST', '/v1/console/auth/step-up/start', EmailStartResult);
      setSent(true);
      queueMicrotask(() => document.getElementById('step-up-code')?.focus());
    } catch (failure) {
      setError(failure as ConsoleError);
    }
  };
  const confirm = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await model.api.call('POST', '/v1/console/auth/step-up', StepUpResult, { body: { code: code.trim() } });
      onConfirmed();
    } catch (failure) {
      setError(failure as ConsoleError);
    }
  };
  return (
    <fieldset>
      <legend>{t('stepUp.heading')}</legend>
      <p>{t('stepUp.intro', { email: me?.name ?? '' })}</p>
      {error && <ProblemText error={error} />}
      {!sent ? (
        <button type="button" onClick={send}>
          {t('stepUp.send')}
        </button>
      ) : (
        <form onSubmit={confirm} noValidate>
          <label for="step-up-code">{t('stepUp.code')}</label>
          <input
            id="step-up-code"
            inputMode="numeric"
            autocomplete="one-time-code"
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          <p>
            <button type="submit">{t('stepUp.confirm')}</button>
          </p>
        </form>
      )}
    </fieldset>
  );
}
