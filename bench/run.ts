// `npm run bench`: builds the widget, then measures size, the new-user page load (ours, a bare page and the
// peers), the returning user, the extension popup, and the reference server under load. Progress
// goes to stderr, the report to stdout and to bench/results/latest.{md,json}. Settings: bench/config.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../test/e2e/browser.ts';
import { startApiChild, stopAllApiChildren } from './api-child.ts';
import { runApiLoad } from './api-load.ts';
import { describeMachine, loadBenchConfig } from './config.ts';
import { createBenchDatabase, disposeAllDatabases } from './database.ts';
import { measureExtension } from './extension.ts';
import { runPageLoads } from './page-load.ts';
import { profileFirstLayer } from './profile.ts';
import { measureSizes } from './peer-sizes.ts';
import { renderMarkdown, type BenchResults } from './report.ts';
import { runReturningUser } from './returning-user.ts';
import { runScale } from './scale.ts';
import { startStaticHost } from './static-host.ts';
import { summarizeLoads } from './summary.ts';
import { BARE, ours, PEERS } from './targets.ts';
import { buildWidgetSnapshot } from './widget-build.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const progress = (what: string) => (done: number, total: number) => {
  if (done % 10 === 0 || done === total) log(`  ${what}: ${done}/${total}`);
};

/** Page load and returning user share one browser, one static host and one API (PGlite in a temp folder). */
async function measureInBrowser(
  results: BenchResults,
  widgetDir: string,
  config: ReturnType<typeof loadBenchConfig>,
): Promise<void> {
  const targets = [BARE, ours(widgetDir), ...PEERS];
  const host = await startStaticHost(targets.flatMap((t) => (t.mount ? [t.mount] : [])));
  const database = await createBenchDatabase('pglite', config.pgAdminUrl);
  let browser: Browser | undefined;
  try {
    const api = await startApiChild({ ...database.env, ALLOWED_ORIGINS: host.origin });
    try {
      host.apiUrl = api.url;
      browser = await launchBrowser();
      results.machine.chromium = browser.version();
      const options = { runs: config.runs, cpuRates: config.cpuRates, quietMs: config.quietMs };
      if (config.sections.has('load')) {
        log(
          `Page load, new user: ${targets.length} targets × ${config.cpuRates.length} CPU rates × ${config.runs} runs…`,
        );
        const samples = await runPageLoads(browser, host, targets, options, progress('page loads'));
        results.pageLoad = { summaries: summarizeLoads(samples, targets, config.cpuRates), samples };
        log('Profiling our first layer…');
        results.profile = await profileFirstLayer(browser, host, targets[1]!, { cpuRates: config.cpuRates, loads: 3 });
      }
      if (config.sections.has('returning')) {
        log('Returning user…');
        results.returning = await runReturningUser(browser, host, targets[1]!, options, progress('returning visits'));
      }
    } finally {
      await browser?.close();
      await api.stop();
    }
  } finally {
    results.settings.encodings = [...host.encodings];
    await host.close();
    await database.dispose();
  }
}

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const results: BenchResults = {
    date: new Date().toISOString().slice(0, 10),
    machine: describeMachine(),
    settings: {
      runs: config.runs,
      cpuRates: config.cpuRates,
      quietMs: config.quietMs,
      apiSeconds: config.apiSeconds,
      apiConnections: config.apiConnections,
      encodings: [],
    },
    sizes: null,
    pageLoad: null,
    returning: null,
    extension: null,
    api: null,
    scale: null,
    profile: null,
  };
  // The widget is built fresh (a fresh clone has no dist/) unless no section needs it.
  const needsWidget = (['size', 'load', 'returning'] as const).some((s) => config.sections.has(s));
  if (needsWidget) log('Building the widget (vite build --mode widget)…');
  const widget = needsWidget ? await buildWidgetSnapshot() : null;
  try {
    if (widget && config.sections.has('size')) results.sizes = measureSizes(widget.dir, PEERS);
    if (widget && (config.sections.has('load') || config.sections.has('returning')))
      await measureInBrowser(results, widget.dir, config);
    if (config.sections.has('extension'))
      results.extension = await measureExtension({ runs: config.runs, cpuRates: config.cpuRates });
    if (config.sections.has('api')) {
      log(`Reference server: ${config.apiDatabases.join(', ')}, ${config.apiSeconds} s per scenario…`);
      results.api = await runApiLoad(
        {
          databases: config.apiDatabases,
          seconds: config.apiSeconds,
          connections: config.apiConnections,
          pgAdminUrl: config.pgAdminUrl,
        },
        log,
      );
    }
    if (config.sections.has('scale')) {
      log('Scale: the same calls on an empty and a loaded PostgreSQL database…');
      results.scale = await runScale(
        { sizes: config.scale, calls: config.scale.calls, pgAdminUrl: config.pgAdminUrl },
        log,
      );
    }
  } finally {
    widget?.dispose();
  }
  const markdown = renderMarkdown(results);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.md', markdown);
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(markdown);
  log('Written: bench/results/latest.md, bench/results/latest.json');
}

// Ctrl+C: stop the API children and drop the databases this run made, then leave.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up…`);
    void Promise.allSettled([stopAllApiChildren(), disposeAllDatabases()]).finally(() => process.exit(130));
  });
}

main().catch(async (error: unknown) => {
  console.error(error);
  await Promise.allSettled([stopAllApiChildren(), disposeAllDatabases()]);
  process.exit(1);
});
