import type { Ref } from 'preact';
import { RequestType } from '../contract/requests.ts';
import { useT } from './I18nContext.ts';

export interface RequestTypePickerProps {
  id: string;
  value: RequestType | '';
  onChange(type: RequestType | ''): void;
  selectRef?: Ref<HTMLSelectElement>;
}

/** The request type as a labelled select, with a line saying what the chosen type does. */
export function RequestTypePicker({ id, value, onChange, selectRef }: RequestTypePickerProps) {
  const { t } = useT();
  const hintId = `${id}-hint`;
  return (
    <div class="tp-field">
      <label for={id}>{t('request.field.type')}</label>
      <select
        id={id}
        ref={selectRef}
        value={value}
        aria-describedby={value ? hintId : undefined}
        onChange={(e) => onChange(RequestType.options.find((o) => o === e.currentTarget.value) ?? '')}
      >
        <option value="">{t('request.choose')}</option>
        {RequestType.options.map((type) => (
          <option key={type} value={type}>
            {t(`request.type.${type}`)}
          </option>
        ))}
      </select>
      {value && (
        <p id={hintId} class="tp-hint">
          {t(`request.typeHint.${value}`)}
        </p>
      )}
    </div>
  );
}
