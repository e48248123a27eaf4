import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { type DataSystem, SystemsFile } from '../shared/contract/systems.ts';
import { ConfigError, envInt } from './config-error.ts';

/** The data systems requests fan out to (`SYSTEMS_FILE`), and how their jobs are delivered. */
export interface SystemsConfig {
  /** Empty without `SYSTEMS_FILE`: requests then stay with the privacy service, as before issue 14. */
  systems: readonly DataSystem[];
  /** The file the systems came from, for the start-up line. */
  file: string | undefined;
  delivery: DeliveryConfig;
  /** The largest callback body a system may post (a whole export's worth of data). */
  callbackBodyLimitBytes: number;
}

export interface DeliveryConfig {
  /** How often the worker looks for due jobs (it is also woken when a job is made in this process). */
  pollMs: number;
  /** A webhook attempt is abandoned (and retried) after this long. */
  timeoutMs: number;
  /** A claimed job is the claimer's this long; a job claimed by a dead process is free again after it. */
  leaseMs: number;
  /** The first retry's delay; each further one doubles (with jitter), up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A job whose delivery keeps failing counts as failed this long after it was made (at least 72 hours). */
  giveUpMs: number;
  /** Jobs claimed per worker round. */
  batch: number;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `systems[2] (id "twikfit").connector.url` — the entry and the field, as a product team wrote them. */
function where(raw: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== 'systems' || typeof path[1] !== 'number') return path.join('.') || '(the file)';
  const entry = (raw as { systems?: unknown[] }).systems?.[path[1]] as { id?: unknown } | undefined;
  const id = typeof entry?.id === 'string' ? ` (id "${entry.id}")` : '';
  const field = path.slice(2).join('.');
  return `systems[${path[1]}]${id}${field ? `.${field}` : ''}`;
}

/** Parses a systems file's text; throws `ConfigError` naming the entry (index and id) and the field. */
export function parseSystemsFile(text: string, file: string, production: boolean): DataSystem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`SYSTEMS_FILE ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = z.safeParse(SystemsFile, raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`SYSTEMS_FILE ${file}: ${where(raw, issue.path)}: ${issue.message}`);
  }
  const systems = parsed.data.systems;
  for (const [index, system] of systems.entries()) {
    const connector = system.connector;
    if (production && connector.type === 'webhook') {
      const url = new URL(connector.url);
      // A job carries the person's e-mail address: it travels over TLS, except to a system on this machine.
      if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname))
        throw new ConfigError(
          `SYSTEMS_FILE ${file}: systems[${index}] (id "${system.id}").connector.url: production sends jobs over https only (http is allowed for localhost)`,
        );
    }
  }
  return systems;
}

export function loadSystemsConfig(env: NodeJS.ProcessEnv, production: boolean): SystemsConfig {
  const file = env.SYSTEMS_FILE || undefined;
  let systems: DataSystem[] = [];
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`SYSTEMS_FILE ${file} cannot be read: ${(error as Error).message}`);
    }
    systems = parseSystemsFile(text, file, production);
  }
  const giveUpHours = envInt(env, 'JOB_GIVE_UP_HOURS', 72, 72);
  return {
    systems,
    file,
    callbackBodyLimitBytes: envInt(env, 'CALLBACK_BODY_LIMIT_BYTES', 10 * 1024 * 1024, 1024),
    delivery: {
      pollMs: envInt(env, 'JOB_POLL_MS', 2_000, 10),
      timeoutMs: envInt(env, 'JOB_TIMEOUT_MS', 10_000, 100),
      leaseMs: envInt(env, 'JOB_LEASE_MS', 60_000, 200),
      retryBaseMs: envInt(env, 'JOB_RETRY_BASE_MS', 30_000, 1),
      retryMaxMs: envInt(env, 'JOB_RETRY_MAX_MS', 3_600_000, 1),
      // Tests shorten it (JOB_GIVE_UP_MS); a deployment cannot go below three days of attempts.
      giveUpMs:
        env.JOB_GIVE_UP_MS && env.NODE_ENV === 'development'
          ? envInt(env, 'JOB_GIVE_UP_MS', 0, 1)
          : giveUpHours * 3_600_000,
      batch: envInt(env, 'JOB_BATCH', 10, 1),
    },
  };
}
