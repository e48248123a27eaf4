import { build } from 'vite';

/** The browser suite tests the widget as shipped: build it once, fresh (toolchain pitfall 9: never a stale dist). */
export default async function setup(): Promise<void> {
  await build({ mode: 'widget', logLevel: 'warn' });
}
