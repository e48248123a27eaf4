/**
 * The queue's filter "waiting on system X" (issue 15): requests with a job at X still owing an answer. The
 * partial index holds only open jobs, so it stays small however many jobs were ever answered.
 */
export const jobsBySystem = `
create index system_jobs_open_by_system on system_jobs (system_id, request_id)
  where state in ('pending', 'sent', 'failed') and request_id is not null;
`;
