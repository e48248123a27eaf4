// The extension's popup: open to interactive. The extension is still being built (issue 4), so this is a hook
// that measures nothing yet; the report says "not measured yet" while it returns null.
import type { Spread } from './stats.ts';

export interface ExtensionResult {
  /** Per CPU rate: toolbar popup opened → its first view interactive, ms. */
  popupInteractive: Array<{ cpuRate: number; spread: Spread }>;
}

/**
 * TODO(extension): load dist/extension with `chromium.launchPersistentContext` (--load-extension, see
 * ../shared/docs/toolchain.md pitfall 7), open the popup page per run at each CPU rate (bench/page-session.ts
 * throttles), and time it to interactive. Until then: null, and the report says "not measured yet".
 */
export async function measureExtension(_options: { runs: number; cpuRates: number[] }): Promise<ExtensionResult | null> {
  return null;
}
