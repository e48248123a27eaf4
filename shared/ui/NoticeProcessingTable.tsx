import type { ComponentChildren } from 'preact';
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

/**
 * The processing table (R2–R4): a real table (caption, column and row headers, the current app's rows first)
 * where there is room for its six columns, and the same facts as one card per data type where there is not
 * (a container query in styles.ts shows one or the other). Words wrap normally in both: nothing breaks mid-word.
 */
export function NoticeProcessingTable({ processing, purposes, app }: Props) {
  const { t, lang } = useT();
  const captionId = useId();
  const rows = rowsForApp(processing.rows, app).map((row) => ({
    row,
    current: Boolean(app && row.apps.includes(app)),
    cells: cellsOf(
      row,
      purposes.find((p) => p.processingRow === row.id),
      t,
      lang,
    ),
  }));
  return (
    <NoticeSection title={t('notice.processing')}>
      <p>{processing.intro}</p>
      <div class="tp-processing">
        {/* biome-ignore lint/a11y/useSemanticElements: a div region around the table is the scroll container; a section would add a landmark with no heading of its own */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable region must take focus so that keyboards can scroll it (WCAG 2.1.1) */}
        <div class="tp-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table class="tp-table">
            <caption id={captionId} lang={lang}>
              {t('notice.table.caption')}
            </caption>
            <thead lang={lang}>
              <tr>
                {COLS.map((c) => (
                  <th key={c} scope="col">
                    {t(`notice.table.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ row, current, cells }) => (
                <tr key={row.id} class={current ? 'tp-row-current' : undefined}>
                  <th scope="row">{row.dataType}</th>
                  {cells.map(([col, content]) => (
                    <td key={col}>{content}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul class="tp-cards" aria-label={t('notice.table.caption')}>
          {rows.map(({ row, current, cells }) => (
            <li key={row.id} class={current ? 'tp-card tp-row-current' : 'tp-card'}>
              <h4>{row.dataType}</h4>
              <dl>
                {cells.map(([col, content]) => (
                  <div key={col} class="tp-card-item">
                    <dt lang={lang}>{t(`notice.table.${col}`)}</dt>
                    <dd>{content}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      </div>
      <p>{processing.scopeNote}</p>
    </NoticeSection>
  );
}

const COLS = ['dataType', 'what', 'how', 'apps', 'uses', 'basis'] as const;
type Row = NoticeDocument['processing']['rows'][number];
type Purpose = NoticeDocument['purposes'][number];

/** The cells of one row after its data type, each with its column, for the table and the cards alike. */
function cellsOf(
  row: Row,
  purpose: Purpose | undefined,
  t: ReturnType<typeof useT>['t'],
  lang: string,
): Array<[(typeof COLS)[number], ComponentChildren]> {
  return [
    [
      'what',
      <>
        {row.what.summary}
        {row.what.items.length > 0 && (
          <ul>
            {row.what.items.map((i) => (
              <li key={i.label}>{i.description ? `${i.label}: ${i.description}` : i.label}</li>
            ))}
          </ul>
        )}
      </>,
    ],
    ['how', row.howObtained],
    ['apps', <span lang={lang}>{row.apps.map((a) => t(`app.${a}`)).join(', ')}</span>],
    [
      'uses',
      <>
        <ul>
          {row.uses.map((u) => (
            <li key={u}>{u}</li>
          ))}
        </ul>
        {row.usesOpenEnded && <span lang={lang}>{t('notice.table.openEnded')}</span>}
      </>,
    ],
    [
      'basis',
      <>
        <span lang={lang}>{row.legalBases.map((b) => t(`basis.${b}`)).join(', ')}</span>
        {row.specialCategory && (
          <p class="tp-special" lang={lang}>
            {t('notice.table.specialCategory')}
          </p>
        )}
        {purpose && <p>{purpose.description}</p>}
      </>,
    ],
  ];
}
