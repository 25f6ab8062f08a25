/**
 * Summarises a V8 `.cpuprofile` (from `--cpu-prof`): self time per function and per package, so
 * the README can say what holds a phase back. `node --import tsx profile-summary.ts <file> [top]`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository these profiles come from: its files are named by their path inside it. */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  seconds: number;
  /** Main-thread time not idle. Native worker threads (libvips in sharp, Pagefind) are not sampled. */
  busySeconds: number;
  functions: Array<{ name: string; selfMs: number; share: number }>;
  packages: Array<{ name: string; selfMs: number; share: number }>;
}

/** "node_modules/@strapi/database/dist/…" → "@strapi/database"; project files by folder. */
function packageOf(url: string): string {
  if (!url) return '(native/gc/idle)';
  const match = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (match) return match[match.length - 1]!.replace('node_modules/', '');
  if (url.startsWith('node:')) return 'node core';
  const inRepo = url.replace(/^file:\/\//, '').startsWith(`${REPO}/`);
  return inRepo ? url.replace(/^file:\/\//, '').slice(REPO.length + 1).split('/').slice(0, 2).join('/') : url.slice(0, 60);
}

export function summariseProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '').replace(`${pathToFileURL(REPO).href}/`, '')}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const pkg = packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const total = (profile.endTime - profile.startTime) || 1;
  const rank = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), share: Math.round((us / total) * 1000) / 10 }));
  const idle = [...byFunction].filter(([name]) => name === '(idle)').reduce((sum, [, us]) => sum + us, 0);
  return { seconds: Math.round(total / 1e4) / 100, busySeconds: Math.round((total - idle) / 1e4) / 100, functions: rank(byFunction), packages: rank(byPackage) };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
  const summary = summariseProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, Number(process.argv[3] ?? 15));
  console.log(`${summary.seconds}s profiled, ${summary.busySeconds}s busy on the main thread\n\nBy package (self time):`);
  for (const p of summary.packages) console.log(`  ${String(p.selfMs).padStart(7)} ms ${String(p.share).padStart(5)}%  ${p.name}`);
  console.log('\nBy function (self time):');
  for (const f of summary.functions) console.log(`  ${String(f.selfMs).padStart(7)} ms ${String(f.share).padStart(5)}%  ${f.name}`);
}
