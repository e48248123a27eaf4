/** A configuration the server refuses to start with (the message names the variable and what it needs). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** An integer setting of at least `min`, or `fallback` when unset; anything else stops the start with its name. */
export function envInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(`${name} must be an integer of at least ${min}, got "${raw}"`);
  return value;
}
