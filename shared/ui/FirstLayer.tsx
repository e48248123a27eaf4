import { useId } from 'preact/hooks';
import type { AppId, Region } from '../contract/common.ts';
import { acceptAllPurposes } from '../notice/purpose-rules.ts';
import { AcceptReject } from './AcceptReject.tsx';
import { ControllerIdentity } from './ControllerIdentity.tsx';
import { useCore } from './CoreContext.ts';
import { formatDueDate } from './format.ts';
import { NoticeChanges } from './NoticeChanges.tsx';
import { useT } from './I18nContext.ts';
import { rowsForApp, usesText } from './notice-helpers.ts';
import { ResidencyLine } from './ResidencyLine.tsx';
import type { PanelView } from './views.ts';

export interface FirstLayerProps {
  app?: AppId | undefined;
  region?: Region | undefined;
  onViewChange(view: PanelView): void;
  /** A shell that closes on a decision announces what was recorded itself (see AcceptReject). */
  onDecided?: ((said: string) => void) | undefined;
}

/** The first layer (R10): highest-impact items first, identity, purposes and rights in short, Accept all / Reject all. */
export function FirstLayer({ app, region, onViewChange, onDecided }: FirstLayerProps) {
  const { t, tx, locale } = useT();
  const ids = { key: useId(), purposes: useId(), rights: useId() };
  const notice = useCore().notice.response.value?.notice;
  if (!notice) return null;
  const covered = acceptAllPurposes(notice.purposes);
  // The purposes "accept all" would grant, named beside the processing they add to.
  const acceptable = notice.purposes.filter((p) => covered.includes(p.id));
  const nl = notice.locale;
  // Body scans are asked only in their own step (R22): said while the notice in force has such a purpose.
  const scansAsked = notice.purposes.some((p) => p.specialCategory && p.justInTime);
  return (
    <div class="tp-first">
      <NoticeChanges />
      <section class="tp-highlights" aria-labelledby={ids.key}>
        <h3 id={ids.key}>{t('first.keyPoints')}</h3>
        <ul>
          {scansAsked && <li class="tp-highlight">{t('first.biometric')}</li>}
          <li class="tp-highlight">
            <ResidencyLine notice={notice} region={region} />
          </li>
        </ul>
      </section>
      <ControllerIdentity controller={notice.controller} noticeLang={nl} />
      <section aria-labelledby={ids.purposes}>
        <h3 id={ids.purposes}>{t('first.purposes')}</h3>
        <ul class="tp-purposes">
          {rowsForApp(notice.processing.rows, app).map((row) => (
            <li key={row.id} lang={nl}>
              <strong>{row.dataType}</strong> {usesText(row)}
            </li>
          ))}
          {acceptable.map((purpose) => (
            <li key={purpose.id}>{tx('first.sharingLine', { title: <strong lang={nl}>{purpose.title}</strong> })}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby={ids.rights}>
        <h3 id={ids.rights}>{t('first.rights')}</h3>
        <p>{t('first.rightsShort')}</p>
        <button type="button" class="tp-link" onClick={() => onViewChange('requests')}>
          {t('first.useRights')}
        </button>
      </section>
      <p class="tp-notice-link">
        <button type="button" class="tp-link" onClick={() => onViewChange('notice')}>
          {t('first.readNotice')}
        </button>{' '}
        <span class="tp-meta">
          {t('notice.versionLine', { version: notice.version, date: formatDueDate(notice.effectiveDate, locale) })}
        </span>
      </p>
      {scansAsked && <p class="tp-note">{t('first.scansSeparately')}</p>}
      <AcceptReject
        onChooseOneByOne={() => onViewChange('consents')}
        onDecided={onDecided}
        dataTypes={acceptable.length === 1 ? listOf(acceptable[0]!.dataTypes, t('first.and')) : undefined}
      />
    </div>
  );
}

/**
 * "Name and E-Mail": the notice's data types as a list. Shown only while the notice is in the UI's language
 * (AcceptReject), so the UI's word for "and" fits. Not Intl.ListFormat: its first use in a page loads ICU's list
 * data, which cost the first layer ≈ 20–90 ms at CPU 1× (bench/README.md, the profile).
 */
const listOf = (items: readonly string[], and: string): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
