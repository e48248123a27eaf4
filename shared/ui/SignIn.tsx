import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import * as z from 'zod/mini';
import { Email } from '../contract/auth.ts';
import type { Locale } from '../contract/common.ts';
import type { MessageParams } from '../i18n/translate.ts';
import type { SignInKey } from '../i18n/sign-in/en.ts';
import { useT } from './I18nContext.ts';
import { signInErrorKey } from './sign-in-error.ts';

/** A code is on its way to `email`: until when it works, and how many guesses it allows. */
export interface CodeSent {
  email: string;
  expiresAt: string;
  attemptsAllowed: number;
}

/** The two calls of a sign-in by e-mail code, as the surface keeps its session (the extension, the sign-in frame). */
export interface SignInSteps {
  sendCode(email: string, locale: Locale): Promise<CodeSent>;
  verify(email: string, code: string): Promise<unknown>;
}

const CODE = /^\d{6}$/;

/**
 * Sign-in by e-mail code, in two steps: the address, then the 6-digit code. Each step has a visible label, an
 * error in text beside the field with how to fix it (R59), and no memory test or CAPTCHA (R62): the address
 * typed once is carried to the second step and not asked again. `t` is the surface's catalogue, which spreads in
 * shared/i18n/sign-in; `intro` says what signing in is for there. Its fields' look: `signInCss`.
 */
export function SignIn({
  model,
  t,
  intro,
  initialEmail = '',
  onSignedIn,
}: {
  model: SignInSteps;
  t: (key: SignInKey, params?: MessageParams) => string;
  intro: ComponentChildren;
  initialEmail?: string;
  onSignedIn?: () => void;
}) {
  const { t: shared, locale } = useT();
  const id = useId();
  const [email, setEmail] = useState(initialEmail);
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [wrong, setWrong] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ key: SignInKey; params?: Record<string, number> } | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  // Focus follows the step (a layout effect: a fast keyboard user is never pulled back).
  useLayoutEffect(() => (sent ? codeRef.current?.focus() : undefined), [sent]);
  useLayoutEffect(() => (error ? (sent ? codeRef : emailRef).current?.focus() : undefined), [error]);

  const sendCode = async (event?: Event) => {
    event?.preventDefault();
    const parsed = z.safeParse(Email, email);
    if (!parsed.success) return setError({ key: 'signIn.error.email' });
    setBusy(true);
    setError(null);
    // Cleared now, not when the answer comes: the e-mail may arrive first, and what the person types meanwhile stays.
    setWrong(0);
    setCode('');
    try {
      setSent(await model.sendCode(parsed.data, locale));
    } catch (e) {
      setError({ key: signInErrorKey(e, 'email', 1) });
    } finally {
      setBusy(false);
    }
  };

  const verify = async (event: Event) => {
    event.preventDefault();
    if (!sent) return;
    const digits = code.replace(/\s+/g, '');
    if (!CODE.test(digits)) return setError({ key: 'signIn.error.code' });
    setBusy(true);
    setError(null);
    try {
      await model.verify(sent.email, digits);
      onSignedIn?.();
    } catch (e) {
      const left = sent.attemptsAllowed - (wrong + 1);
      setWrong((n) => n + 1);
      setError({ key: signInErrorKey(e, 'code', left), params: { left } });
    } finally {
      setBusy(false);
    }
  };

  const errorId = `${id}-error`;
  const errorText = error ? (
    <p id={errorId} class="tp-field-error" role="alert">
      {t(error.key, error.params)}
    </p>
  ) : null;

  if (!sent) {
    return (
      <form class="tp-form tp-sign-in" onSubmit={sendCode} noValidate aria-busy={busy}>
        <h2 class="tp-view-title">{t('signIn.heading')}</h2>
        <p>{intro}</p>
        <div class="tp-field">
          <label for={`${id}-email`}>{t('signIn.email')}</label>
          <input
            ref={emailRef}
            id={`${id}-email`}
            type="email"
            name="email"
            autocomplete="email"
            inputMode="email"
            required
            value={email}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? errorId : undefined}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          {errorText}
        </div>
        <button type="submit" class="tp-btn tp-btn-primary" disabled={busy}>
          {busy ? shared('request.sending') : t('signIn.sendCode')}
        </button>
      </form>
    );
  }
  const minutes = Math.max(1, Math.round((Date.parse(sent.expiresAt) - Date.now()) / 60_000));
  return (
    <form class="tp-form tp-sign-in" onSubmit={verify} noValidate aria-busy={busy}>
      <h2 class="tp-view-title">{t('signIn.heading')}</h2>
      <p role="status">{t('signIn.codeSent', { email: sent.email, minutes })}</p>
      <div class="tp-field">
        <label for={`${id}-code`}>{t('signIn.code')}</label>
        <p id={`${id}-hint`} class="tp-hint">
          {t('signIn.codeHint')}
        </p>
        <input
          ref={codeRef}
          id={`${id}-code`}
          name="code"
          autocomplete="one-time-code"
          inputMode="numeric"
          maxLength={8}
          required
          value={code}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-hint ${errorId}` : `${id}-hint`}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        {errorText}
      </div>
      <div class="tp-choice-buttons">
        <button type="submit" class="tp-btn tp-btn-primary" disabled={busy}>
          {busy ? t('signIn.verifying') : t('signIn.verify')}
        </button>
        <button type="button" class="tp-btn tp-btn-secondary" disabled={busy} onClick={() => void sendCode()}>
          {t('signIn.resend')}
        </button>
        <button
          type="button"
          class="tp-btn tp-btn-secondary"
          disabled={busy}
          onClick={() => {
            setSent(null);
            setError(null);
          }}
        >
          {t('signIn.otherEmail')}
        </button>
      </div>
    </form>
  );
}
