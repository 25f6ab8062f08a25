/**
 * Renders bench results as the Markdown tables of README.md:
 * `node --import tsx bench/markdown.ts bench/results/sqlite-1000.json …`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchResult, BuildRun } from './bench';
import type { LiveResult, LiveRun } from './publish-to-live';

const s = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${n.toFixed(n < 10 ? 2 : 1)} s`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;

export function resultMarkdown(result: BenchResult, name: string): string {
  const [cold, edit, noChange] = result.runs as [BuildRun, BuildRun, BuildRun];
  const row = (label: string, f: (r: BuildRun) => string) => `| ${label} | ${f(cold)} | ${f(edit)} | ${f(noChange)} |`;
  const lines = [
    `### ${result.dataset.articles.toLocaleString('en')} articles — ${result.database}${result.fill.mode === 'rest' ? ', filled over REST' : ''}${
      result.incrementalBuild === false ? ", Astro's incremental build off" : ''
    }`,
    '',
    `\`${name}\`, ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC. Fill (${result.fill.mode}${result.fill.reused ? ', reused from the fill cache' : ''}): ` +
      `${result.fill.articlesPerSecond} articles/s (${result.fill.articleSeconds} s for the articles, ${result.fill.totalSeconds} s with start-up, photos and taxonomy). ` +
      `Load average at the cold build: ${cold.loadAverage.before[0]} → ${cold.loadAverage.after[0]}.`,
    '',
    '| Phase | Cold | After a one-article edit | No change |',
    '|---|---:|---:|---:|',
    row('Total wall time (site build script)', (r) => `**${s(r.wallSeconds)}**`),
    row('Start-up (config, Vite)', (r) => s(r.phases.startupSeconds)),
    row('Content sync (Content Layer)', (r) => s(r.phases.contentSyncSeconds)),
    row('REST pull: API requests (content + listing)', (r) => `${r.restPull.requests} (${r.restPull.contentRequests} + ${r.restPull.listingRequests})`),
    row('REST pull: bytes', (r) => mb(r.restPull.bytes)),
    row('REST pull: first request to last response', (r) => s(r.restPull.seconds)),
    row('Bundle (Vite)', (r) => s(r.phases.bundleSeconds)),
    row('Render all routes', (r) => `${s(r.phases.renderSeconds)} (${r.phases.routes} routes${r.phases.reusedRoutes ? `, ${r.phases.reusedRoutes} reused` : ''})`),
    row('… of which RSS feeds', (r) => `${s(r.phases.rssSeconds)} (${r.phases.rssRoutes} feeds)`),
    row('Images (generate optimized images)', (r) => s(r.phases.imagesSeconds)),
    row('… encoded / reused from cache', (r) => `${r.phases.imagesEncoded} / ${r.phases.imagesReused + r.phases.imagesRevalidated}`),
    row('… upload downloads by the image step', (r) => `${r.traffic.byKind.media.requests} (${mb(r.traffic.byKind.media.bytes)})`),
    row('Pagefind index', (r) => `${s(r.phases.pagefindSeconds)} (${r.output.pagefindFragments} pages${(r.output.searchBundles ?? 1) > 1 ? ` in ${r.output.searchBundles} bundles` : ''})`),
    row('… bundles indexed during Astro\'s build', (r) => (r.phases.searchAhead ? `${r.phases.searchAhead.indexed} of ${r.phases.searchAhead.planned}` : '–')),
    row('Peak memory, whole build tree', (r) => `${r.memory.build.peakTreeMiB} MiB`),
    row('… reached after the line', (r) => (r.memory.build.peakAfterLine ? `${s(r.memory.build.peakTreeAtMs / 1000)}: \`${r.memory.build.peakAfterLine.trim().slice(0, 60)}\`` : '—')),
    row('Peak memory, largest process', (r) => `${r.memory.build.maxProcessMiB} MiB (${r.memory.build.processes[0]?.command.split(' ').slice(0, 2).map((p) => path.basename(p)).join(' ')})`),
    row('Strapi resident memory during the build', (r) => `${r.memory.strapi.sampledPeakMiB} MiB`),
    '',
  ];
  if (result.baseline) {
    const b = result.baseline;
    lines.push(
      `Tutorial-style baseline (fetch only, no HTML; ${b.listRequests} \`populate=*\` list pages + ${b.articleRequests} per-article fetches, concurrency ${b.concurrency}): ` +
        `**${b.traffic.requests} requests, ${mb(b.traffic.bytes)}, ${s(b.seconds)}** vs. our cold pull ${cold.restPull.requests} requests, ${mb(cold.restPull.bytes)}, ${s(cold.restPull.seconds)} ` +
        `→ ×${b.ratio.requests} requests, ×${b.ratio.bytes} bytes, ×${b.ratio.seconds} time.`,
      '',
    );
  }
  if (result.publishToLive) lines.push(...liveMarkdown(result.publishToLive), '');
  lines.push('| Goal | Target | Measured | |', '|---|---|---|---|');
  for (const g of result.goals) lines.push(`| ${g.goal} | ${g.target} | ${g.actual} | ${g.met ? 'met' : '**missed**'} |`);
  lines.push('');
  return lines.join('\n');
}

const SCENARIOS = [
  ['new', 'One new article'],
  ['old-edit', 'Edit of an old article'],
  ['burst', 'Burst'],
] as const;

/** The publish-to-live table: per scenario the median run's total and where its time went. */
export function liveMarkdown(live: LiveResult): string[] {
  const shown = SCENARIOS.filter(([key]) => live.median[key]);
  const medians = shown.map(([key]) => live.median[key]!);
  const row = (label: string, f: (r: LiveRun) => string) => `| ${label} | ${medians.map(f).join(' | ')} |`;
  const all = (key: string) =>
    live.runs
      .filter((r) => r.scenario === key)
      .map((r) => r.totalSeconds.toFixed(1))
      .join(' / ');
  const phase = (r: LiveRun, f: (p: LiveRun['builds'][number]['phases']) => number) => r.builds.reduce((sum, b) => sum + f(b.phases), 0);
  return [
    `Publish-to-live through the rebuild service (debounce ${live.debounceMs} ms): REST publish → the CMS's webhook → build → swap → page served and found by the search (${live.searchCheck.split(';')[0]}). Median of ${live.runs.filter((r) => r.scenario === 'new').length} runs each; the breakdown is the median run's.`,
    '',
    `| Publish-to-live | ${shown.map(([key, label]) => (key === 'burst' ? `${label} of ${live.median[key]!.articles}` : label)).join(' | ')} |`,
    `|---|${shown.map(() => '---:').join('|')}|`,
    row('**Total, median**', (r) => `**${s(r.totalSeconds)}**`),
    `| … all runs | ${shown.map(([key]) => `${all(key)} s`).join(' | ')} |`,
    row('REST request until the CMS webhook arrives', (r) => s(r.breakdown.toWebhookSeconds)),
    row('Webhook to build start (debounce)', (r) => s(r.breakdown.debounceSeconds)),
    row('Build (site build script)', (r) => `${s(r.breakdown.buildSeconds)}${r.builds.length > 1 ? ` (${r.builds.length} builds)` : ''}${r.trailingBuilds ? ` (+${r.trailingBuilds} after)` : ''}`),
    row('… start-up', (r) => s(r.breakdown.build.startupSeconds)),
    row('… content sync', (r) => s(r.breakdown.build.contentSyncSeconds)),
    row('… bundle (Vite)', (r) => s(r.breakdown.build.bundleSeconds)),
    row('… render all routes', (r) => `${s(r.breakdown.build.renderSeconds)} (${phase(r, (p) => p.routes)} routes, ${phase(r, (p) => p.reusedRoutes)} reused)`),
    row('… images', (r) => s(r.breakdown.build.imagesSeconds)),
    row('… search index', (r) => `${s(r.breakdown.build.searchIndexSeconds)} (${r.builds.map((b) => (b.searchBundles ? `${b.searchBundles.indexed} of ${b.searchBundles.indexed + b.searchBundles.kept}` : '–')).join(' + ')} bundles indexed)`),
    row('… other (exits, XML check)', (r) => s(r.breakdown.build.otherSeconds)),
    row('Swap', (r) => s(r.breakdown.swapSeconds)),
    row('Between builds', (r) => s(r.breakdown.betweenBuildsSeconds)),
    row('Swap to page served', (r) => s(r.breakdown.servedSeconds)),
    row('Page served to found by search', (r) => s(r.breakdown.searchSeconds)),
    row('Load average (1 min) before → after', (r) => `${r.loadAverage.before[0]} → ${r.loadAverage.after[0]}`),
  ];
}

if (process.argv[1]?.endsWith('markdown.ts')) {
  for (const file of process.argv.slice(2)) {
    const result = JSON.parse(await readFile(file, 'utf8')) as BenchResult;
    console.log(resultMarkdown(result, `results/${path.basename(file)}`));
  }
}
