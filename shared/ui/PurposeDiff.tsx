import type { Purpose } from '../contract/notice.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { I18n } from './I18nContext.ts';

// One purpose before and after a notice change, written once: the person's "What changed" (NoticeChanges, R12) and
// the operators' comparison of two versions (the console's notices page) show the same facts in the same words.

/** Fields shown on every comparison, then every other field that differs (new fields of `Purpose` included). */
const ALWAYS: readonly string[] = ['title', 'description'];
const NEVER: readonly string[] = ['id'];
const LABELS: Partial<Record<string, MessageKey>> = {
  title: 'changes.field.title',
  description: 'changes.field.description',
  legalBasis: 'notice.table.basis',
  dataTypes: 'notice.table.dataType',
  apps: 'notice.table.apps',
  specialCategory: 'changes.field.specialCategory',
  justInTime: 'changes.field.justInTime',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of a purpose that differ between two versions (title and description always first). */
export const changedFields = (earlier: Purpose, after: Purpose, always: readonly string[] = ALWAYS): string[] => [
  ...always,
  ...[...new Set([...Object.keys(earlier), ...Object.keys(after)])].filter(
    (field) =>
      !always.includes(field) &&
      !NEVER.includes(field) &&
      !same(earlier[field as keyof Purpose], after[field as keyof Purpose]),
  ),
];

/** One fact of a purpose as text: the notice's own text, or a translated yes/no, basis or list. */
function factText(field: string, value: unknown, { t }: I18n): string {
  if (value === undefined || value === null) return t('changes.none');
  if (typeof value === 'boolean') return t(value ? 'changes.yes' : 'changes.no');
  if (field === 'legalBasis') return t(`basis.${String(value)}` as MessageKey);
  if (field === 'apps' && Array.isArray(value) && value.length === 0) return t('changes.allApps');
  if (Array.isArray(value)) return value.length === 0 ? t('changes.none') : value.map(String).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface PurposeDiffProps {
  earlier: Purpose;
  after: Purpose;
  /** The rows to show: `changedFields(earlier, after)` or a subset. */
  fields: readonly string[];
  caption: string;
  /** Column headings: the aspect, the earlier version, the later version. */
  headings: readonly [string, string, string];
  /** The languages the two versions' texts are in (`lang` of their cells). */
  langs: readonly [string, string];
  i18n: I18n;
  class?: string;
}

/** A purpose before and after, as a table: a row per fact, a column per version, each header labelled. */
export function PurposeDiff({ earlier, after, fields, caption, headings, langs, i18n, class: cls }: PurposeDiffProps) {
  const { t } = i18n;
  return (
    <table class={cls}>
      <caption lang={langs[1]}>{caption}</caption>
      <thead>
        <tr>
          {headings.map((heading) => (
            <th key={heading} scope="col">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => {
          const label = LABELS[field];
          return (
            <tr key={field}>
              <th scope="row">{label ? t(label) : field}</th>
              <td lang={langs[0]}>{factText(field, earlier[field as keyof Purpose], i18n)}</td>
              <td lang={langs[1]}>{factText(field, after[field as keyof Purpose], i18n)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
