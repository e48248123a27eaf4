import { ConfigError } from './config.ts';

/** On Ctrl+C or SIGTERM: run `close` (servers, databases), then exit. */
export function closeOnSignal(close: () => Promise<void>): void {
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** A start-up failure: a configuration error as one clear line, anything else in full; exit 1. */
export function failStart(error: unknown): never {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
}
