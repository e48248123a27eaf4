/**
 * A restriction is lifted only after the person was told (GDPR Art. 18(3), R49). `lifted_at` marks the moment
 * the lift took effect: the "may I process?" read counts a restriction in force until then. The told moment
 * itself is an event in the request's log (`request_events`), written with the lift.
 */
export const restrictionLift = `
alter table rights_requests add column lifted_at timestamptz;
`;
