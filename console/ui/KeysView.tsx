import { useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import { ApiKeyCreated, ApiKeyList } from '../../shared/contract/console.ts';
import { OPERATOR_ROLES, type OperatorRole } from '../../shared/registry/operator-roles.ts';
import type { ConsoleError } from '../api.ts';
import { useConsole } from './ConsoleContext.ts';
import { ProblemText } from './ProblemText.tsx';
import { StepUp } from './StepUp.tsx';
import { useLoad } from './use-load.ts';

/** Named API keys for automation: list, create (after a fresh code; the secret shown once), revoke. */
export function KeysView() {
  const { model, t, locale } = useConsole();
  const { data, error, reload } = useLoad(
    async (signal) => (await model.api.call('GET', '/v1/console/keys', ApiKeyList, { signal })).body,
    [],
  );
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<OperatorRole[]>(['operator']);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ConsoleError | null>(null);
  const [stepUp, setStepUp] = useState(false);
  const [created, setCreated] = useState<z.infer<typeof ApiKeyCreated> | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const create = async (event?: Event) => {
    event?.preventDefault();
    setFailure(null);
    setMessage(null);
    if (!/^[\p{L}\p{N} ._-]{3,64}$/u.test(name.trim())) return setFieldError(t('keys.error.name'));
    if (roles.length === 0) return setFieldError(t('keys.error.roles'));
    setFieldError(null);
    try {
      const { body } = await model.api.call('POST', '/v1/console/keys', ApiKeyCreated, {
        body: { name: name.trim(), roles },
      });
      setCreated(body);
      setStepUp(false);
      setName('');
      reload();
    } catch (problem) {
      if ((problem as ConsoleError).type === 'step-up-required') return setStepUp(true);
      setFailure(problem as ConsoleError);
    }
  };
  const revoke = async (id: string, keyName: string) => {
    setFailure(null);
    try {
      await model.api.call('DELETE', `/v1/console/keys/${id}`, null);
      setMessage(t('keys.revokedDone', { name: keyName }));
      reload();
    } catch (problem) {
      setFailure(problem as ConsoleError);
    }
  };
  const toggle = (role: OperatorRole, on: boolean) => setRoles(on ? [...roles, role] : roles.filter((r) => r !== role));

  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('keys.heading')}</h2>
      <p>{t('keys.intro')}</p>
      {failure && <ProblemText error={failure} />}
      {message && (
        <p class="status" role="status">
          {message}
        </p>
      )}
      {created && (
        <div class="status" role="status">
          <p>{t('keys.created', { name: created.name })}</p>
          <label for="key-secret">{t('keys.secret')}</label>
          <input id="key-secret" class="secret" readOnly value={created.token} />
        </div>
      )}
      <form onSubmit={create} noValidate>
        <label for="key-name">{t('keys.name')}</label>
        <input
          id="key-name"
          value={name}
          aria-invalid={fieldError ? 'true' : 'false'}
          aria-describedby={fieldError ? 'key-error' : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <fieldset>
          <legend>{t('keys.roles')}</legend>
          {OPERATOR_ROLES.map((role) => (
            <label key={role} class="check">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) => toggle(role, e.currentTarget.checked)}
              />{' '}
              {t(`role.${role}`)}
            </label>
          ))}
        </fieldset>
        {fieldError && (
          <p id="key-error" class="field-error">
            {fieldError}
          </p>
        )}
        <button type="submit">{t('keys.create')}</button>
      </form>
      {stepUp && <StepUp onConfirmed={() => void create()} />}
      {error && <ProblemText error={error} />}
      {data && (
        <div class="table-wrap">
          <table aria-labelledby="keys-heading">
            <thead>
              <tr>
                <th scope="col">{t('keys.col.name')}</th>
                <th scope="col">{t('keys.col.roles')}</th>
                <th scope="col">{t('keys.col.by')}</th>
                <th scope="col">{t('keys.col.used')}</th>
                <th scope="col">{t('keys.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              {data.keys.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>{key.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                  <td>{key.createdBy}</td>
                  <td>{key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleString(locale) : t('keys.never')}</td>
                  <td>
                    {key.revokedAt ? (
                      t('keys.revoked')
                    ) : (
                      <button type="button" class="secondary" onClick={() => revoke(key.id, key.name)}>
                        {t('keys.revoke', { name: key.name })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
