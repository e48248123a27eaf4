import { randomBytes } from 'node:crypto';
import { ConfigError } from './config-error.ts';
import { loadDataConfig, type DataConfig } from './data-config.ts';
import { loadReceiptConfig, type ReceiptConfig } from './receipt-config.ts';
import { parseOperators, type OperatorRole } from '../shared/registry/operator-roles.ts';
import { loadSystemsConfig, type SystemsConfig } from './systems-config.ts';

/**
 * Server configuration, read once from the environment. Development behaviour (default secrets, the
 * `/dev/outbox`, open CORS for the demo) only with `NODE_ENV=development`, which `npm start` sets; any other
 * value, or none, is production, and production refuses to start until its secrets are set.
 */
export interface Config {
  host: string;
  port: number;
  production: boolean;
  databaseUrl: string | undefined;
  /** Connections in the PostgreSQL pool (`DATABASE_POOL_SIZE`). */
  databasePoolSize: number;
  /** PGlite's folder; `undefined` = in memory (tests only). */
  dataDir: string | undefined;
  hostToken: {
    secret: string | undefined;
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
    /** The oldest `iat`, and the furthest `exp` ahead, a host token may have. */
    maxAgeSeconds: number;
  };
  adminToken: string;
  allowedOrigins: string[];
  /** Where this server is reachable (OpenAPI `servers`); unset = the address it listens on. */
  publicUrl: string | undefined;
  /** Where a person sees their requests (the page with the privacy controls); linked from the e-mails. */
  privacyCenterUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Serve `/dev/outbox` and print codes to the console. Never in production. */
  devOutbox: boolean;
  bodyLimitBytes: number;
  /** Time a client has to send a whole request, headers and body (slow or stalled clients are cut off). */
  requestTimeoutMs: number;
  rateLimit: {
    perIdentityPerMinute: number;
    signInPerIpPer15Min: number;
    /** New device ids: their own budget, far larger than sign-in's (many visitors share one shop's NAT). */
    devicePerIpPer15Min: number;
    devicePerMinute: number;
    /** Failed authentications per client address: bad bearer tokens, and wrong admin tokens (a smaller budget). */
    authFailuresPerIpPer15Min: number;
    adminAuthFailuresPerIpPer15Min: number;
  };
  sessionTtlDays: number;
  /** How long a visitor's (device token's) body-scan consent lasts before it lapses (`VISITOR_SPECIAL_CONSENT_MINUTES`). */
  visitorSpecialConsentMinutes: number;
  signInCode: {
    ttlMinutes: number;
    /** Wrong guesses per address (across its codes) before each further one is slowed down. */
    attempts: number;
    /** Codes mailed per address before each further one is slowed down. */
    codesPerAddress: number;
    /** The first wait once slowed down; each further one doubles, up to the maximum. */
    slowdownBaseSeconds: number;
    slowdownMaxSeconds: number;
  };
  /** The built widget served at `/widget/` (undefined: not served). */
  widgetDir: string | undefined;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Start a request's fan-out to the data systems at once (without systems: fulfil access and portability at once). */
  autoFulfil: boolean;
  /** Per-person limits and retention ages (server/data-config.ts). */
  data: DataConfig;
  /** The consent ledger's signed checkpoints (services/ledger.ts). */
  ledger: {
    /** HMAC key of the checkpoints; outside the database, so its holder alone cannot rewrite the history. */
    checkpointKey: string;
    /** A checkpoint is taken when the latest is this old (0: only on request). */
    checkpointHours: number;
  };
  /** Receipt-signing keys (server/receipt-config.ts); development keeps a generated one in the database. */
  receipts: ReceiptConfig;
  /** The operator console (issue 15). */
  console: {
    /** Accounts from `OPERATORS` (`email:role+role,…`): created at start, their roles set to these. */
    operators: Array<{ email: string; roles: OperatorRole[] }>;
    /** A console session ends this long after sign-in (`CONSOLE_SESSION_HOURS`)… */
    sessionHours: number;
    /** …or after this long without a call (`CONSOLE_IDLE_MINUTES`). */
    idleMinutes: number;
    /** The built console served at `/console` (`CONSOLE_DIR`; undefined: not served). */
    dir: string | undefined;
    /** The Brussels hour from which the day's digest is mailed to operators (`DIGEST_HOUR`, 0–23). */
    digestHour: number;
  };
  /** The data systems rights reach (`SYSTEMS_FILE`) and how their jobs are delivered (server/systems-config.ts). */
  systems: SystemsConfig;
}

// In its own module so data-config.ts can throw it without importing this file back (no import cycle).
export { ConfigError };

const DEV_HOST_TOKEN_SECRET = 'dev-host-token-secret-change-me-0123456789';
const DEV_ADMIN_TOKEN = 'dev-admin-token';

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** Node treats 0 as "no timeout": refuse it, or one stalled client per socket could hold the server's connections. */
function requestTimeout(env: NodeJS.ProcessEnv): number {
  const value = int(env, 'REQUEST_TIMEOUT_MS', 30_000);
  if (value < 100) throw new ConfigError(`REQUEST_TIMEOUT_MS must be at least 100, got "${env.REQUEST_TIMEOUT_MS}"`);
  return value;
}

const list = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** What production needs that development fills in; every missing one is named at once. */
function missingInProduction(env: NodeJS.ProcessEnv): string[] {
  const missing: string[] = [];
  if (!env.ADMIN_TOKEN) missing.push('ADMIN_TOKEN (24+ characters)');
  if (!env.HOST_TOKEN_SECRET && !env.HOST_JWKS_URL) missing.push('HOST_TOKEN_SECRET or HOST_JWKS_URL');
  if (!env.HOST_TOKEN_AUDIENCE) missing.push('HOST_TOKEN_AUDIENCE (the "aud" host tokens must carry)');
  if (!env.SMTP_URL) missing.push('SMTP_URL (how sign-in codes are mailed)');
  if (!env.LEDGER_CHECKPOINT_KEY) missing.push('LEDGER_CHECKPOINT_KEY (32+ characters; signs the ledger checkpoints)');
  if (!env.RECEIPT_SIGNING_KEY)
    missing.push('RECEIPT_SIGNING_KEY (a P-256 or Ed25519 private key that signs receipts)');
  return missing;
}

/** Reads the configuration; throws `ConfigError` naming the variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An explicit opt-in: unset, "Production", "staging" or a typo all get production's rules.
  const production = env.NODE_ENV !== 'development';
  if (production) {
    const missing = missingInProduction(env);
    if (missing.length > 0) {
      throw new ConfigError(
        `production needs ${missing.join(', ')} to be set (NODE_ENV is ${env.NODE_ENV ? `"${env.NODE_ENV}"` : 'unset'}; only NODE_ENV=development uses development defaults)`,
      );
    }
  }
  const host = env.HOST || '127.0.0.1';
  const port = int(env, 'PORT', 8787);
  const secret = env.HOST_TOKEN_SECRET || (production ? undefined : DEV_HOST_TOKEN_SECRET);
  const jwksUrl = env.HOST_JWKS_URL || undefined;
  if (secret && secret.length < 32)
    throw new ConfigError('HOST_TOKEN_SECRET must be at least 32 characters (HS256 key)');
  const adminToken = env.ADMIN_TOKEN || (production ? '' : DEV_ADMIN_TOKEN);
  if (production && adminToken.length < 24)
    throw new ConfigError('ADMIN_TOKEN must be at least 24 characters in production');
  const poolSize = int(env, 'DATABASE_POOL_SIZE', 10);
  if (poolSize < 1) throw new ConfigError(`DATABASE_POOL_SIZE must be at least 1, got "${env.DATABASE_POOL_SIZE}"`);
  const maxAgeSeconds = int(env, 'HOST_TOKEN_MAX_AGE_SECONDS', 24 * 3600);
  if (maxAgeSeconds < 60)
    throw new ConfigError(`HOST_TOKEN_MAX_AGE_SECONDS must be at least 60, got "${env.HOST_TOKEN_MAX_AGE_SECONDS}"`);
  const publicUrl = env.PUBLIC_URL || undefined;
  // Development: a fresh key per start (checkpoints of an earlier run then read as not this server's).
  const checkpointKey = env.LEDGER_CHECKPOINT_KEY || randomBytes(32).toString('hex');
  if (checkpointKey.length < 32) throw new ConfigError('LEDGER_CHECKPOINT_KEY must be at least 32 characters');
  const allowedOrigins = list(env.ALLOWED_ORIGINS);
  const operators = parseOperators(env.OPERATORS ?? '');
  if (!operators.ok) throw new ConfigError(`OPERATORS: ${operators.error}`);
  return {
    host,
    port,
    production,
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: poolSize,
    dataDir: env.DATA_DIR === ':memory:' ? undefined : env.DATA_DIR || '.data/pglite',
    hostToken: {
      secret,
      jwksUrl,
      issuer: env.HOST_TOKEN_ISSUER || undefined,
      audience: env.HOST_TOKEN_AUDIENCE || undefined,
      maxAgeSeconds,
    },
    adminToken,
    allowedOrigins:
      allowedOrigins.length > 0 || production
        ? allowedOrigins
        : ['http://127.0.0.1:5173', 'http://localhost:5173', 'http://127.0.0.1:8788', 'http://localhost:8788'],
    publicUrl,
    privacyCenterUrl: env.PRIVACY_CENTER_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Twikit Privacy <privacy@twikit.com>',
    devOutbox: !production && env.DEV_OUTBOX !== '0',
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 16 * 1024),
    requestTimeoutMs: requestTimeout(env),
    rateLimit: {
      perIdentityPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 120),
      signInPerIpPer15Min: int(env, 'SIGN_IN_LIMIT_PER_15_MIN', 10),
      devicePerIpPer15Min: int(env, 'DEVICE_LIMIT_PER_IP_PER_15_MIN', 1000),
      devicePerMinute: int(env, 'DEVICE_LIMIT_PER_MINUTE', 3000),
      authFailuresPerIpPer15Min: int(env, 'AUTH_FAILURE_LIMIT_PER_15_MIN', 300),
      adminAuthFailuresPerIpPer15Min: int(env, 'ADMIN_AUTH_FAILURE_LIMIT_PER_15_MIN', 20),
    },
    sessionTtlDays: int(env, 'SESSION_TTL_DAYS', 30),
    visitorSpecialConsentMinutes: Math.max(1, int(env, 'VISITOR_SPECIAL_CONSENT_MINUTES', 60)),
    signInCode: {
      ttlMinutes: int(env, 'SIGN_IN_CODE_TTL_MINUTES', 10),
      attempts: int(env, 'SIGN_IN_CODE_ATTEMPTS', 5),
      codesPerAddress: int(env, 'SIGN_IN_CODES_PER_ADDRESS', 5),
      slowdownBaseSeconds: Math.max(1, int(env, 'SIGN_IN_SLOWDOWN_BASE_SECONDS', 30)),
      slowdownMaxSeconds: Math.max(1, int(env, 'SIGN_IN_SLOWDOWN_MAX_SECONDS', 900)),
    },
    trustProxy: env.TRUST_PROXY === '1',
    widgetDir: env.WIDGET_DIR === '' ? undefined : env.WIDGET_DIR || 'dist/widget',
    autoFulfil: env.AUTO_FULFIL !== '0',
    data: loadDataConfig(env),
    ledger: { checkpointKey, checkpointHours: int(env, 'LEDGER_CHECKPOINT_HOURS', 24) },
    receipts: loadReceiptConfig(env),
    console: {
      operators: operators.operators,
      sessionHours: Math.max(1, int(env, 'CONSOLE_SESSION_HOURS', 8)),
      idleMinutes: Math.max(1, int(env, 'CONSOLE_IDLE_MINUTES', 30)),
      dir: env.CONSOLE_DIR === '' ? undefined : env.CONSOLE_DIR || 'dist/console',
      digestHour: Math.min(23, int(env, 'DIGEST_HOUR', 7)),
    },
    systems: loadSystemsConfig(env, production),
  };
}
