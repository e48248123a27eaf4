import { useState } from 'preact/hooks';
import { NoticeRelease } from '../../shared/contract/notice-admin.ts';
import { NoticeResponse, type NoticeDocument } from '../../shared/contract/notice.ts';
import type { ConsoleError } from '../api.ts';
import { useDraft } from '../draft.ts';
import type { ConsoleMessageKey } from '../messages/index.ts';
import { checkNoticeDraft, type DraftIssue, fingerprintChanges } from '../models/notice-draft.ts';
import { useConsole } from './ConsoleContext.ts';
import { NoticeDiff } from './NoticeDiff.tsx';
import { ProblemText } from './ProblemText.tsx';
import { StepUp } from './StepUp.tsx';

interface Props {
  current: string;
  published: readonly string[];
  onPublished: () => void;
}

interface Checked {
  documents: NoticeDocument[];
  english: NoticeDocument;
  current: NoticeDocument;
  marks: Record<string, boolean>;
}

/**
 * Publishing the next notice version (dpo): a JSON document pasted or chosen as a file, checked against the
 * contract here first (each problem with its place), compared with the version in force, each changed purpose
 * marked material (consents to it are asked again, R12) or editorial, then sent.
 */
export function NoticePublish({ current, published, onPublished }: Props) {
  const { model, t } = useConsole();
  const [text, setText, clearText] = useDraft('notice-publish');
  const [issues, setIssues] = useState<DraftIssue[]>([]);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [failure, setFailure] = useState<ConsoleError | null>(null);
  const [stepUp, setStepUp] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const check = async (event?: Event) => {
    event?.preventDefault();
    setFailure(null);
    setDone(null);
    setChecked(null);
    const result = await checkNoticeDraft(text, published);
    if (!result.ok) {
      setIssues(result.issues);
      queueMicrotask(() => document.getElementById('publish-issues')?.focus());
      return;
    }
    setIssues([]);
    try {
      const { body } = await model.api.call(
        'GET',
        `/v1/notice/versions/${encodeURIComponent(current)}?locale=en`,
        NoticeResponse,
      );
      const marks = { ...(await fingerprintChanges(body.notice, result.english)), ...result.material };
      setChecked({ documents: result.documents, english: result.english, current: body.notice, marks });
      queueMicrotask(() => document.getElementById('publish-preview')?.focus());
    } catch (problem) {
      setFailure(problem as ConsoleError);
    }
  };

  const publish = async () => {
    if (!checked) return;
    setFailure(null);
    try {
      const { body } = await model.api.call('POST', '/v1/admin/notices', NoticeRelease, {
        body: { documents: checked.documents, material: checked.marks },
      });
      setStepUp(false);
      setChecked(null);
      clearText();
      setDone(
        t('notices.publish.done', {
          version: body.version,
          count: body.purposes.filter((p) => p.material).length,
        }),
      );
      onPublished();
    } catch (problem) {
      if ((problem as ConsoleError).type === 'step-up-required') return setStepUp(true);
      setFailure(problem as ConsoleError);
    }
  };

  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (file) setText(await file.text());
  };

  const fieldErrors = (failure?.body.errors ?? []) as { pointer?: string; reason?: string }[];

  return (
    <section aria-labelledby="publish-heading">
      <h3 id="publish-heading">{t('notices.publish.heading')}</h3>
      <p>{t('notices.publish.intro')}</p>
      {done && (
        <p class="status" role="status">
          {done}
        </p>
      )}
      <form onSubmit={check} noValidate>
        <label for="publish-json">{t('notices.publish.json')}</label>
        <p class="hint" id="publish-json-hint">
          {t('notices.publish.jsonHint')}
        </p>
        <textarea
          id="publish-json"
          class="code"
          rows={12}
          spellcheck={false}
          aria-describedby="publish-json-hint"
          aria-invalid={issues.length > 0 ? 'true' : undefined}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <label for="publish-file">{t('notices.publish.file')}</label>
        <input
          id="publish-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void readFile(e.currentTarget)}
        />
        <p>
          <button type="submit">{t('notices.publish.check')}</button>
        </p>
      </form>
      {issues.length > 0 && (
        <div id="publish-issues" class="error" role="alert" tabIndex={-1}>
          <p>{t('notices.publish.issues', { count: issues.length })}</p>
          <ul>
            {issues.slice(0, 50).map((issue) => (
              <li key={`${issue.path}|${issue.detail}`}>
                {issue.path && <code>{issue.path}</code>}
                {issue.path && ': '}
                {t(`notices.issue.${issue.kind}` as ConsoleMessageKey)} <span lang="en">({issue.detail})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {checked && (
        <section id="publish-preview" aria-labelledby="preview-heading" tabIndex={-1}>
          <h4 id="preview-heading">
            {t('notices.publish.preview', { version: checked.english.version, current: checked.current.version })}
          </h4>
          <NoticeDiff
            earlier={checked.current}
            later={checked.english}
            marks={{
              value: checked.marks,
              onChange: (purpose, material) =>
                setChecked({ ...checked, marks: { ...checked.marks, [purpose]: material } }),
            }}
          />
          <p>{t('notices.publish.locales', { locales: checked.documents.map((d) => d.locale).join(', ') })}</p>
          {stepUp && <StepUp onConfirmed={publish} />}
          <p>
            <button type="button" onClick={publish}>
              {t('notices.publish.submit', { version: checked.english.version })}
            </button>
          </p>
        </section>
      )}
      {failure && <ProblemText error={failure} />}
      {fieldErrors.length > 0 && (
        <ul class="field-error">
          {fieldErrors.map((e) => (
            <li key={`${e.pointer}|${e.reason}`}>
              <code>{e.pointer}</code>: {e.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
