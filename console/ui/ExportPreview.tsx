import { useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import { ExportPreview as PreviewSchema } from '../../shared/contract/console.ts';
import { canDo } from '../../shared/registry/operator-roles.ts';
import type { ConsoleError } from '../api.ts';
import { useConsole } from './ConsoleContext.ts';
import { ProblemText } from './ProblemText.tsx';

/** The export preview on request: body scans masked unless the operator holds `biometric` (R70). */
export function ExportPreview({ id }: { id: string }) {
  const { model, t } = useConsole();
  const [preview, setPreview] = useState<z.infer<typeof PreviewSchema> | null>(null);
  const [error, setError] = useState<ConsoleError | null>(null);
  const show = async () => {
    setError(null);
    try {
      setPreview((await model.api.call('GET', `/v1/admin/requests/${id}/export-preview`, PreviewSchema)).body);
    } catch (failure) {
      setError(failure as ConsoleError);
    }
  };
  return (
    <section aria-labelledby="preview-heading">
      <h3 id="preview-heading">{t('preview.heading')}</h3>
      {error && <ProblemText error={error} />}
      {!preview ? (
        <button type="button" class="secondary" onClick={show}>
          {t('preview.show')}
        </button>
      ) : (
        <>
          <p class="status" role="status">
            {canDo(model.me.value?.roles ?? [], 'scans:see')
              ? t('preview.unmasked')
              : t('preview.masked', { count: preview.masked.length })}
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable region must take focus so that keyboards can scroll it (WCAG 2.1.1) */}
          <section class="scroll" tabIndex={0} aria-label={t('preview.label')}>
            <pre class="preview">{JSON.stringify(preview.document, null, 2)}</pre>
          </section>
        </>
      )}
    </section>
  );
}
