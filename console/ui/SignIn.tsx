import { useRef, useState } from 'preact/hooks';
import { ConsoleSession } from '../../shared/contract/console.ts';
import { EmailStartResult } from '../../shared/contract/auth.ts';
import type { ConsoleError } from '../api.ts';
import { useDraft } from '../draft.ts';
import { useConsole } from './ConsoleContext.ts';
import { ProblemText } from './ProblemText.tsx';

/** Sign-in by e-mailed code: address, then the 6 digits. */
export function SignIn() {
  const { model, t } = useConsole();
  const [email, setEmail] = useDraft('sign-in.email');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<{ minutes: number } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ConsoleError | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const send = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return setFieldError(t('signIn.error.email'));
    setFieldError(null);
    try {
      const { body } = await model.api.call('POST', '/v1/console/auth/start', EmailStartResult, { body: { email } });
      setSent({ minutes: Math.round((Date.parse(body.expiresAt) - Date.now()) / 60_000) });
      queueMicrotask(() => codeRef.current?.focus());
    } catch (failure) {
      setError(failure as ConsoleError);
    }
  };
  const verify = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (!/^\d{6}$/.test(code.trim())) return setFieldError(t('signIn.error.code'));
    setFieldError(null);
    try {
      const { body } = await model.api.call('POST', '/v1/console/auth/verify', ConsoleSession, {
        body: { email, code: code.trim() },
      });
      model.signedIn(body.token, body.me);
    } catch (failure) {
      setError(failure as ConsoleError);
    }
  };

  return (
    <section aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('signIn.heading')}</h2>
      {model.ended.value && (
        <p class="status" role="status">
          {t('signIn.ended')}
        </p>
      )}
      <p>{t('signIn.intro')}</p>
      {error && <ProblemText error={error} />}
      {!sent ? (
        <form onSubmit={send} noValidate>
          <label for="sign-in-email">{t('signIn.email')}</label>
          <input
            id="sign-in-email"
            type="email"
            autocomplete="username"
            value={email}
            aria-invalid={fieldError ? 'true' : 'false'}
            aria-describedby={fieldError ? 'sign-in-error' : undefined}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          {fieldError && (
            <p id="sign-in-error" class="field-error">
              {fieldError}
            </p>
          )}
          <p>
            <button type="submit">{t('signIn.send')}</button>
          </p>
        </form>
      ) : (
        <form onSubmit={verify} noValidate>
          <p class="status" role="status">
            {t('signIn.sent', { email, minutes: sent.minutes })}
          </p>
          <label for="sign-in-code">{t('signIn.code')}</label>
          <p class="hint" id="sign-in-code-hint">
            {t('signIn.codeHint')}
          </p>
          <input
            id="sign-in-code"
            ref={codeRef}
            inputMode="numeric"
            autocomplete="one-time-code"
            value={code}
            aria-invalid={fieldError ? 'true' : 'false'}
            aria-describedby={fieldError ? 'sign-in-code-hint sign-in-error' : 'sign-in-code-hint'}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          {fieldError && (
            <p id="sign-in-error" class="field-error">
              {fieldError}
            </p>
          )}
          <p class="row">
            <button type="submit">{t('signIn.verify')}</button>
            <button type="button" class="secondary" onClick={() => setSent(null)}>
              {t('signIn.otherEmail')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
