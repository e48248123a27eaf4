import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SystemsFile } from '../../shared/contract/systems.ts';

/** The demo's systems file (`npm start` passes it as `SYSTEMS_FILE` unless the environment names another). */
export const DEMO_SYSTEMS_FILE = fileURLToPath(new URL('../systems.json', import.meta.url));

/**
 * The `whsec_` secret of TwikFit's webhook entry in a systems file: the demo system verifies jobs with the very
 * secret the rights API signs them with. Undefined when the file has no such entry (TwikFit then takes no jobs).
 */
export function twikfitSecret(path: string, id = 'twikfit'): string | undefined {
  const file = SystemsFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  const connector = file.systems.find((s) => s.id === id)?.connector;
  return connector?.type === 'webhook' ? connector.secret : undefined;
}
