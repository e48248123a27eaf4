/**
 * A restriction is lifted only after the person was told (GDPR Art. 18(3), R49). `lifted_at` marks the moment
 * the lift took effect: the "may I process?" read counts a restriction in force until then. The told moment
 * itself is an event in the request's log (`request_events`), written with the lift.
 *
 * `system_jobs.callback_error`: why a system's last callback for the job was refused (garbage, too large, sent
 * to another job's URL), for the operator. Apart from `last_error` (the delivery's), which a delivery clears.
 * The token index finds the job a callback's token belongs to when it was posted to another job's URL.
 */
export const restrictionLift = `
alter table rights_requests add column lifted_at timestamptz;
alter table system_jobs add column callback_error text;
create index system_jobs_token on system_jobs (token_hash);
`;
