import type { Region } from '../contract/common.ts';
import type { NoticeDocument } from '../contract/notice.ts';
import { useT } from './I18nContext.ts';
import { residencyFor } from './notice-helpers.ts';

/** Where the person's data is stored (R5): their region's location, or both when the region is unknown. */
export function ResidencyLine({ notice, region }: { notice: NoticeDocument; region?: Region | undefined }) {
  const { tx } = useT();
  const nl = notice.locale;
  const provider = <span lang={nl}>{notice.residency.provider}</span>;
  const yours = residencyFor(notice, region);
  if (yours) {
    return (
      <>
        {tx('first.residency', {
          location: <strong lang={nl}>{yours.location}</strong>,
          residents: <span lang={nl}>{yours.residents}</span>,
          provider,
        })}
      </>
    );
  }
  const eea = residencyFor(notice, 'eea');
  const usCa = residencyFor(notice, 'us_ca');
  // The regions are named as the notice names them, never in the UI's own words: one name per region on
  // every surface (test/unit/ui/region-names.test.tsx).
  return (
    <>
      {tx('first.residencyBoth', {
        eea: <strong lang={nl}>{eea?.location}</strong>,
        eeaResidents: <span lang={nl}>{eea?.residents}</span>,
        usCa: <strong lang={nl}>{usCa?.location}</strong>,
        usCaResidents: <span lang={nl}>{usCa?.residents}</span>,
        provider,
      })}
    </>
  );
}
