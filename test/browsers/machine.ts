// The real machine behind `ensureBrowsers`: the file system, `--version`, apt-get and sudo.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import type { Machine } from './ensure.ts';

const runs = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: 'ignore', timeout: 10_000 }).status === 0;

export function thisMachine(env: Record<string, string | undefined> = process.env): Machine {
  return {
    env,
    exists(path) {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    version(path) {
      const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
      return result.status === 0 ? result.stdout.trim() : null;
    },
    apt() {
      const present = runs('sh', ['-c', 'command -v apt-get']);
      if (process.getuid?.() === 0) return { present, prefix: '' };
      return { present, prefix: runs('sudo', ['-n', 'true']) ? 'sudo ' : null };
    },
    run: (command) => spawnSync('sh', ['-c', command], { stdio: 'inherit' }).status === 0,
    log: (line) => console.error(line),
  };
}
