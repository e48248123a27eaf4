import { launchServer as launch, type ServerProcess } from '../../bench/server-process.ts';
import { ADMIN_TOKEN, HOST_SECRET, type TestDatabase } from './harness.ts';

export { stopServer } from '../../bench/server-process.ts';
export type ChildServer = ServerProcess;

/** `server/main.ts` as its own process over `database`, with the harness's secrets and no practical rate limit. */
export function launchServer(database: TestDatabase, env: Record<string, string> = {}): Promise<ChildServer> {
  return launch(
    {
      HOST_TOKEN_SECRET: HOST_SECRET,
      ADMIN_TOKEN,
      NODE_ENV: 'development',
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...database.env,
      ...env,
    },
    // A loaded machine (2 cores, several suites at once) can take long to boot a server; slow is not failed here.
    120_000,
  );
}
