import { useId, useState } from 'preact/hooks';
import type { Locale, Region } from '../../shared/contract/common.ts';
import { LOCALE_REGISTRY } from '../../shared/registry/locales.ts';
import type { SessionModel } from '../session-model.ts';
import { writeStored } from '../settings.ts';
import type { ExtMessageKey } from '../messages/index.ts';
import { useExtT } from './ExtI18n.ts';
import { SignOut } from './SignOut.tsx';

const REGIONS: readonly Region[] = ['eea', 'us_ca'];

export interface OptionsProps {
  session: SessionModel;
  region: Region;
  locale: Locale;
  onLocaleChange(locale: Locale): void;
}

/** The options page: region (which rights API), language, sign-out, and clearing what this device keeps. */
export function Options({ session, region: initialRegion, locale, onLocaleChange }: OptionsProps) {
  const { t, shared } = useExtT();
  const id = useId();
  const [region, setRegion] = useState(initialRegion);
  const [language, setLanguage] = useState(locale);
  const [status, setStatus] = useState<ExtMessageKey | null>(null);
  const current = session.session.value;

  const save = async (event: Event) => {
    event.preventDefault();
    // Another region is another account service: a session of this one means nothing there.
    if (region !== initialRegion && current) await session.signOut({ clearLocal: false });
    await writeStored({ region, locale: language });
    onLocaleChange(language);
    setStatus('options.saved');
  };

  const clear = async () => {
    await session.signOut({ clearLocal: true });
    setStatus('options.cleared');
  };

  return (
    <main class="ext-options tp-panel">
      <h1>{t('options.title')}</h1>
      <p role="status" class="tp-status">
        {status ? t(status) : null}
      </p>
      <form class="tp-form" onSubmit={save}>
        <fieldset class="tp-field tp-radios" aria-describedby={`${id}-region-hint`}>
          <legend>{t('options.region')}</legend>
          <p id={`${id}-region-hint`} class="tp-hint">
            {t('options.regionHint')} {current ? t('options.regionChangeSignsOut') : null}
          </p>
          {REGIONS.map((r) => (
            <div key={r} class="tp-radio">
              <input
                type="radio"
                id={`${id}-${r}`}
                name="region"
                value={r}
                checked={region === r}
                onChange={() => setRegion(r)}
              />
              <label for={`${id}-${r}`}>{t(`options.region.${r}`)}</label>
            </div>
          ))}
        </fieldset>
        <div class="tp-field">
          <label for={`${id}-language`}>{shared('language.label')}</label>
          <select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.currentTarget.value as Locale)}>
            {/* Each language named in itself, so a person who cannot read the current one still finds theirs. */}
            {LOCALE_REGISTRY.map(({ code, name }) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="tp-btn">
          {t('options.save')}
        </button>
      </form>
      <section aria-labelledby={`${id}-account`}>
        <h2 id={`${id}-account`}>{t('options.account')}</h2>
        {current ? (
          <>
            <p>{t('session.signedInAs', { email: current.email })}</p>
            <SignOut model={session} onDone={(cleared) => setStatus(cleared ? 'signOut.cleared' : 'signOut.done')} />
          </>
        ) : (
          <p>{t('options.notSignedIn')}</p>
        )}
      </section>
      <section aria-labelledby={`${id}-local`}>
        <h2 id={`${id}-local`}>{t('options.localData')}</h2>
        <p>{t('options.localDataHint')}</p>
        <button type="button" class="tp-btn tp-btn-secondary" onClick={() => void clear()}>
          {t('options.clear')}
        </button>
      </section>
    </main>
  );
}
