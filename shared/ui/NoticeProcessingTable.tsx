import { useId } from 'preact/hooks';
import type { AppId } from '../contract/common.ts';
import type { NoticeDocument } from '../contract/notice.ts';
import { useT } from './I18nContext.ts';
import { rowsForApp } from './notice-helpers.ts';
import { NoticeSection } from './NoticeSection.tsx';

interface Props {
  processing: NoticeDocument['processing'];
  purposes: NoticeDocument['purposes'];
  app?: AppId | undefined;
}

/** The processing table (R2–R4) as a real table: caption, column and row headers, the current app's rows first. */
export function NoticeProcessingTable({ processing, purposes, app }: Props) {
  const { t, lang } = useT();
  const captionId = useId();
  const cols = ['dataType', 'what', 'how', 'apps', 'uses', 'basis'] as const;
  return (
    <NoticeSection title={t('notice.processing')}>
      <p>{processing.intro}</p>
      {/* Narrow screens scroll the table sideways (a WCAG 1.4.10 exception for data tables); the region is focusable so keyboards can. */}
      {/* biome-ignore lint/a11y/useSemanticElements: a div region around the table is the scroll container; a section would add a landmark with no heading of its own */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable region must take focus so that keyboards can scroll it (WCAG 2.1.1) */}
      <div class="tp-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table class="tp-table">
          <caption id={captionId} lang={lang}>
            {t('notice.table.caption')}
          </caption>
          <thead lang={lang}>
            <tr>
              {cols.map((c) => (
                <th key={c} scope="col">
                  {t(`notice.table.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rowsForApp(processing.rows, app).map((row) => {
              const purpose = purposes.find((p) => p.processingRow === row.id);
              return (
                <tr key={row.id} class={app && row.apps.includes(app) ? 'tp-row-current' : undefined}>
                  <th scope="row">{row.dataType}</th>
                  <td>
                    {row.what.summary}
                    {row.what.items.length > 0 && (
                      <ul>
                        {row.what.items.map((i) => (
                          <li key={i.label}>{i.description ? `${i.label}: ${i.description}` : i.label}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{row.howObtained}</td>
                  <td lang={lang}>{row.apps.map((a) => t(`app.${a}`)).join(', ')}</td>
                  <td>
                    <ul>
                      {row.uses.map((u) => (
                        <li key={u}>{u}</li>
                      ))}
                    </ul>
                    {row.usesOpenEnded && <span lang={lang}>{t('notice.table.openEnded')}</span>}
                  </td>
                  <td>
                    <span lang={lang}>{row.legalBases.map((b) => t(`basis.${b}`)).join(', ')}</span>
                    {row.specialCategory && (
                      <p class="tp-special" lang={lang}>
                        {t('notice.table.specialCategory')}
                      </p>
                    )}
                    {purpose && <p>{purpose.description}</p>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>{processing.scopeNote}</p>
    </NoticeSection>
  );
}
