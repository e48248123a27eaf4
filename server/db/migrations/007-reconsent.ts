/**
 * Re-consent (issue 13 point 3, R12): the order in which notice versions were published, and per version per
 * purpose the fingerprint of its consent-relevant fields and whether it changed materially since the version
 * before. The current notice is the latest release (`seq`), whichever instance published it. Versions published
 * before this migration get their rows when a server next starts (their fingerprints are computed in code).
 */
export const reconsent = `
create table notice_releases (
  seq bigserial primary key,
  version text not null unique,
  published_at timestamptz not null
);

create table notice_purposes (
  version text not null references notice_releases (version),
  purpose text not null,
  fingerprint text not null,
  material boolean not null,
  primary key (version, purpose)
);
`;
