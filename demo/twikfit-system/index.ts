export { runJob } from './jobs.ts';
export { pageData } from './page-data.ts';
export { DEMO_USER, OTHER_USER, seedUsers } from './seed.ts';
export { findUser, openTwikfitStore, type TwikfitState, type TwikfitStore, type TwikfitUser } from './store.ts';
export { createJobsEndpoint, type JobsEndpoint, type JobsEndpointOptions } from './webhook.ts';
export { DEMO_SYSTEMS_FILE, twikfitSecret } from './systems-entry.ts';
