// How soon the reference server answers after it is started on an existing PGlite data folder: the time from
// spawning `server/main.ts` (as `npm run api` runs it) to its first answered `GET /v1/notice`, which reads the
// database. Each start is a new process; the folder is the one the load just wrote.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { BENCH_HOST_SECRET } from './api-child.ts';

export interface StartupResult {
  /** Spawn → first answer, ms, one per start. */
  samples: number[];
  /** Spawn → "listening" printed, ms, one per start. */
  listening: number[];
}

async function startOnce(dataDir: string): Promise<{ answerMs: number; listeningMs: number }> {
  const { NODE_ENV: _drop, ...inherited } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...inherited,
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      HOST_TOKEN_SECRET: BENCH_HOST_SECRET,
      ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with ${code} before listening:\n${output}`));
      });
    });
    const listeningMs = performance.now() - started;
    for (;;) {
      const response = await fetch(`${url}/v1/notice`).catch(() => undefined);
      if (response?.ok) {
        await response.arrayBuffer();
        return { answerMs: performance.now() - started, listeningMs };
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
}

/** `runs` starts of the server on `dataDir`, one after another. */
export async function measureStartup(dataDir: string, runs: number): Promise<StartupResult> {
  const result: StartupResult = { samples: [], listening: [] };
  for (let i = 0; i < runs; i++) {
    const { answerMs, listeningMs } = await startOnce(dataDir);
    result.samples.push(answerMs);
    result.listening.push(listeningMs);
  }
  return result;
}
