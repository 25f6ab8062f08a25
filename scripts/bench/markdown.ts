/**
 * Renders bench results as the Markdown tables of README.md:
 * `node --import tsx bench/markdown.ts bench/results/sqlite-1000.json …`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchResult, BuildRun } from './bench';

const s = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${n.toFixed(n < 10 ? 2 : 1)} s`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;

export function resultMarkdown(result: BenchResult, name: string): string {
  const [cold, edit, noChange] = result.runs as [BuildRun, BuildRun, BuildRun];
  const row = (label: string, f: (r: BuildRun) => string) => `| ${label} | ${f(cold)} | ${f(edit)} | ${f(noChange)} |`;
  const lines = [
    `### ${result.dataset.articles.toLocaleString('en')} articles — ${result.database}${result.fill.mode === 'rest' ? ', filled over REST' : ''}`,
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
    row('Peak memory, whole build tree', (r) => `${r.memory.build.peakTreeMiB} MiB`),
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
  lines.push('| Goal | Target | Measured | |', '|---|---|---|---|');
  for (const g of result.goals) lines.push(`| ${g.goal} | ${g.target} | ${g.actual} | ${g.met ? 'met' : '**missed**'} |`);
  lines.push('');
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('markdown.ts')) {
  for (const file of process.argv.slice(2)) {
    const result = JSON.parse(await readFile(file, 'utf8')) as BenchResult;
    console.log(resultMarkdown(result, `results/${path.basename(file)}`));
  }
}
