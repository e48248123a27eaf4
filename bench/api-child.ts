// Starts bench/api-process.ts as a child process and waits for its URL; `stop` ends that one process.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The host-token key (HS256) of the bench's API, for the host tokens the load generator sends. Bench-only. */
export const BENCH_HOST_SECRET = 'bench-host-token-secret-0123456789abcdef';

export interface ApiChild {
  url: string;
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./api-process.ts', import.meta.url));

// Children still running: an interrupted run stops them too (`stopAllApiChildren`).
const live = new Set<ApiChild>();

/** Stops every API child this process started and has not stopped yet. */
export const stopAllApiChildren = (): Promise<unknown> => Promise.allSettled([...live].map((c) => c.stop()));

/** The rights API on `env` (DATA_DIR or DATABASE_URL, ALLOWED_ORIGINS) in its own Node process. */
export async function startApiChild(env: Record<string, string>): Promise<ApiChild> {
  const { NODE_ENV: _drop, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('the bench API did not start within 60 s')), 60_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bench API exited with code ${code} before listening`));
    });
  });
  const api: ApiChild = {
    url,
    async stop() {
      live.delete(api);
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  live.add(api);
  return api;
}
