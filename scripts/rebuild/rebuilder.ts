/**
 * Turns a stream of content changes into site builds: changes are de-duplicated and collected for
 * a short debounce, one build runs at a time, and changes arriving during a build cause exactly one
 * more build after it. A build goes into a fresh folder and is swapped in only when it succeeded,
 * so a failed build (CMS down, bad data) leaves the last good site live and records why.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { fastLaneFiles, type FastLaneSummary } from '@toa-soan/site/fast-lane';
import { BuildFolders, diffBuilds, fastLaneChanges, removeTree, type SiteChanges } from './builds';

/** One reason to rebuild: a Strapi webhook event, or an operator/start-up request. */
export interface ChangeEvent {
  event: string;
  /** Strapi model name (e.g. `article`) or `media`. */
  model?: string;
  uid?: string;
  documentId?: string;
  receivedAt: string;
}

export interface BuildContext {
  /** Empty staging folder the build writes into (does not exist yet); moved into builds/ after. */
  outDir: string;
  /** Where the build's output should go. */
  logFile: string;
  reasons: ChangeEvent[];
  /** `fast-lane`: only the routes whose key changed are rendered, over the live build (site/README.md, "Fast lane"). */
  lane: BuildLane;
  /**
   * Environment the site build must get on top of its own: where it writes its route keys
   * (SITE_ROUTE_KEYS_DIR) and, for a fast lane, the live build and its keys.
   */
  env: Record<string, string>;
}

export type BuildLane = 'full' | 'fast-lane';

/** Builds the site into ctx.outDir; rejects (with a useful message) when the build failed. */
export type BuildCommand = (ctx: BuildContext) => Promise<void>;

export interface BuildRecord {
  id: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  result: 'success' | 'failed';
  lane: BuildLane;
  /** The first MAX_REASONS_KEPT reasons (a bulk import sends thousands). */
  reasons: ChangeEvent[];
  reasonCount: number;
  logFile: string;
  error?: string;
  changes?: SiteChanges;
  /**
   * Where a successful build's time went, in order: the build command, the swap (readers get the
   * new build at its end), comparing with the previous build (`changes`), removing old builds.
   */
  timings?: BuildTimings;
}

export interface BuildTimings {
  buildMs: number;
  swapMs: number;
  compareMs: number;
  pruneMs: number;
}

export interface RebuilderStatus {
  state: 'idle' | 'waiting' | 'building';
  /** Name of the live build folder, or null before the first success. */
  live: string | null;
  pending: ChangeEvent[];
  lastBuild: BuildRecord | null;
  lastSuccess: BuildRecord | null;
  counts: { builds: number; succeeded: number; failed: number; events: number; duplicates: number };
}

export interface RebuilderOptions {
  stateDir: string;
  build: BuildCommand;
  /** Quiet time after the last change before a build starts. Default 1000 ms. */
  debounceMs?: number;
  /** Longest a change waits while changes keep coming. Default 10 s. */
  maxWaitMs?: number;
  /** Build folders kept (the live one always is). Default 3. */
  keep?: number;
  /** Retry after a failed build, doubling up to 15 min; 0 disables. Default 60 s. */
  retryMs?: number;
  log?: (line: string) => void;
  /** Called with every finished build, successful or not (the bench's publish-to-live phase). */
  onBuild?: (record: BuildRecord) => void;
  /** Content changes are built by the fast lane once a full build of this process is live. Default true. */
  fastLane?: boolean;
  /** Quiet time after a fast lane before a full build reconciles (the sitemap; anything a key missed). Default 10 min. */
  reconcileMs?: number;
}

/** Quiet time after the last change before a build (REBUILD_DEBOUNCE_MS). */
export const DEFAULT_DEBOUNCE_MS = 1000;
const MAX_RETRY_MS = 15 * 60_000;
/** Quiet time after the last fast lane before the full build that reconciles (REBUILD_RECONCILE_MS). */
export const DEFAULT_RECONCILE_MS = 10 * 60_000;

/**
 * Changes the fast lane builds: Strapi's entry and media events. Anything else (start-up, retry,
 * a CMS restart, reconciling, an operator's request) gets a full build.
 */
export const isContentChange = (change: ChangeEvent) => /^(entry|media)\./.test(change.event);

/**
 * The fast lane keeps its own Astro cache (site/scripts/fast-lane.ts), empty in a new process:
 * its first build pulls every document and encodes every photo (82 s against 26 s for the next at
 * 10,000 articles, scripts/bench/README.md). So the first full build of a process is followed by
 * a fast lane of no change, which fills that cache before an editor's publish needs it.
 */
export const WARM_UP_EVENT = 'fast-lane.warm-up';
const MAX_REASONS_KEPT = 50;

/** Strapi sends entry.delete once per stored version (draft and published): one key per document. */
export function changeKey(change: ChangeEvent): string {
  return [change.event, change.uid ?? change.model ?? '', change.documentId ?? change.receivedAt].join('|');
}

export function describeChange(change: ChangeEvent): string {
  return [change.event, change.model, change.documentId].filter(Boolean).join(' ');
}

export class Rebuilder {
  readonly folders: BuildFolders;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly keep: number;
  private readonly retryMs: number;
  private readonly reconcileMs: number;
  private readonly log: (line: string) => void;

  private pending = new Map<string, ChangeEvent>();
  private firstPendingAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private reconcileTimer: NodeJS.Timeout | null = null;
  /** A full build of this process went live: the live build was made by this code, so a fast lane can add to it. */
  private fullBuildLive = false;
  /**
   * The hard-linked copy of the live build the next fast lane's merge starts from
   * (SITE_LIVE_CLONE), made right after each swap: `cp -al` of ~23,000 files took 1.1–1.4 s of a
   * fast lane at 10,000 articles, time a reader would otherwise wait for.
   */
  private liveClone: { of: string; made: Promise<boolean> } | null = null;
  private retryDelay: number;
  private running: Promise<void> | null = null;
  private waiters: Array<(record: BuildRecord) => void> = [];
  private idleWaiters: Array<() => void> = [];
  private stopped = false;
  private paused = false;
  private lastBuild: BuildRecord | null = null;
  private lastSuccess: BuildRecord | null = null;
  private live: string | null = null;
  private counts = { builds: 0, succeeded: 0, failed: 0, events: 0, duplicates: 0 };

  constructor(private readonly options: RebuilderOptions) {
    this.folders = new BuildFolders(options.stateDir);
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
    this.keep = Math.max(1, options.keep ?? 3);
    this.retryMs = options.retryMs ?? 60_000;
    this.reconcileMs = options.reconcileMs ?? DEFAULT_RECONCILE_MS;
    this.retryDelay = this.retryMs;
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** Reads the live build left by a previous run, so it keeps being served. */
  async init(): Promise<void> {
    const current = await this.folders.current();
    this.live = current ? path.basename(current) : null;
  }

  /** Queues a change; false when the same change is already waiting (a duplicate). */
  notify(change: ChangeEvent): boolean {
    this.counts.events += 1;
    const key = changeKey(change);
    if (this.pending.has(key)) {
      this.counts.duplicates += 1;
      return false;
    }
    if (this.pending.size === 0) this.firstPendingAt = Date.now();
    this.pending.set(key, change);
    if (!this.running && !this.stopped) this.schedule();
    return true;
  }

  /** Collects changes without building (e.g. while Strapi seeds before it answers HTTP). */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    if (this.pending.size > 0 && !this.running && !this.stopped) this.schedule();
  }

  /** Builds as soon as possible (no debounce) and resolves with the build that included `change`. */
  rebuildNow(change: ChangeEvent): Promise<BuildRecord> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.notify(change);
      if (!this.running) this.runNext();
    });
  }

  /** Resolves when nothing is waiting for its debounce or building. */
  whenIdle(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private idle(): boolean {
    return !this.running && !this.timer;
  }

  private settle(): void {
    if (!this.idle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  status(): RebuilderStatus {
    return {
      state: this.running ? 'building' : this.pending.size > 0 ? 'waiting' : 'idle',
      live: this.live,
      pending: [...this.pending.values()],
      lastBuild: this.lastBuild,
      lastSuccess: this.lastSuccess,
      counts: { ...this.counts },
    };
  }

  /** Cancels waiting builds and lets a running one finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.reconcileTimer) clearTimeout(this.reconcileTimer);
    this.timer = null;
    this.retryTimer = null;
    this.reconcileTimer = null;
    await this.running;
    await this.liveClone?.made;
    this.settle();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const waited = Date.now() - this.firstPendingAt;
    const delay = Math.max(0, Math.min(this.debounceMs, this.maxWaitMs - waited));
    this.timer = setTimeout(() => this.runNext(), delay);
  }

  private runNext(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running || this.pending.size === 0 || this.stopped || this.paused) {
      this.settle();
      return;
    }
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const reasons = [...this.pending.values()];
    const waiters = this.waiters;
    this.pending = new Map();
    this.waiters = [];
    this.running = this.buildOnce(reasons)
      .then((record) => {
        for (const resolve of waiters) resolve(record);
        // A failed fast lane is tried again at once as a full build; that one retries as any.
        if (record.result === 'failed' && record.lane === 'fast-lane') this.notify({ event: 'fast-lane.failed', receivedAt: new Date().toISOString() });
        else if (record.result === 'failed') this.scheduleRetry();
      })
      .finally(() => {
        this.running = null;
        if (this.pending.size > 0 && !this.stopped) {
          // Changes that came in during the build: exactly one more build, after the debounce.
          this.firstPendingAt = Date.now();
          if (this.waiters.length > 0) this.runNext();
          else this.schedule();
        }
        this.settle();
      });
  }

  private scheduleRetry(): void {
    if (this.retryMs <= 0 || this.stopped || this.pending.size > 0) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_MS);
    this.log(`[rebuild] retrying in ${Math.round(delay / 1000)} s`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.notify({ event: 'retry', receivedAt: new Date().toISOString() });
    }, delay);
    this.retryTimer.unref();
  }

  /**
   * A fast lane when every reason is a content change and the live build is a full build of this
   * process (or a fast lane on top of one) with its route keys; a full build otherwise.
   */
  private async laneFor(reasons: ChangeEvent[], live: string | null): Promise<BuildLane> {
    if (this.options.fastLane === false || !this.fullBuildLive || !live) return 'full';
    if (!reasons.every((r) => isContentChange(r) || r.event === WARM_UP_EVENT)) return 'full';
    return existsSync(this.folders.keysOf(live)) ? 'fast-lane' : 'full';
  }

  /**
   * After a fast lane, a full build once changes have been quiet for `reconcileMs`: it writes what
   * a fast lane leaves as it was (the sitemap) and would put right a page whose key missed a change.
   * A full build makes the pending one needless.
   */
  private armReconcile(lane: BuildLane): void {
    if (this.reconcileTimer) clearTimeout(this.reconcileTimer);
    this.reconcileTimer = null;
    if (lane === 'full' || this.reconcileMs <= 0 || this.stopped) return;
    this.reconcileTimer = setTimeout(() => {
      this.reconcileTimer = null;
      this.notify({ event: 'reconcile', receivedAt: new Date().toISOString() });
    }, this.reconcileMs);
    this.reconcileTimer.unref();
  }

  /** Starts the hard-linked copy of `buildDir` for the next fast lane; its promise says whether it is complete. */
  private cloneLive(buildDir: string): void {
    const dir = this.folders.liveCloneDir;
    const made = (async () => {
      await removeTree(dir);
      await execa('cp', ['-al', buildDir, dir]);
      return true;
    })().catch(async (error) => {
      this.log(`[rebuild] copying the live build for the next fast lane failed (the fast lane will copy it itself): ${(error as Error).message}`);
      await removeTree(dir).catch(() => {});
      return false;
    });
    this.liveClone = { of: buildDir, made };
  }

  private async buildOnce(reasons: ChangeEvent[]): Promise<BuildRecord> {
    const started = new Date();
    const outDir = await this.folders.reserve(started);
    const id = path.basename(outDir);
    const logsDir = path.join(this.options.stateDir, 'logs');
    await mkdir(logsDir, { recursive: true });
    const logFile = path.join(logsDir, `build-${id}.log`);
    const why = summarise(reasons);
    const previous = await this.folders.current();
    const lane = await this.laneFor(reasons, previous);
    this.log(`[rebuild] build ${id} started${lane === 'fast-lane' ? ' in the fast lane' : ''} (${why})`);
    this.counts.builds += 1;

    const record: BuildRecord = {
      id,
      startedAt: started.toISOString(),
      finishedAt: '',
      durationMs: 0,
      result: 'failed',
      lane,
      reasons: reasons.slice(0, MAX_REASONS_KEPT),
      reasonCount: reasons.length,
      logFile,
    };
    // Every build writes into the same staging path, then moves to its own folder: Astro keys its
    // content store and caches on the config, which includes the output folder, so a constant
    // path keeps builds incremental.
    const staging = this.folders.stagingDir;
    const stagingKeys = this.folders.stagingKeysDir;
    const env: Record<string, string> = { SITE_ROUTE_KEYS_DIR: stagingKeys };
    if (lane === 'fast-lane' && previous) {
      Object.assign(env, { SITE_LIVE_DIR: previous, SITE_FAST_LANE_FROM: this.folders.keysOf(previous) });
      if (this.liveClone?.of === previous && (await this.liveClone.made)) env.SITE_LIVE_CLONE = this.folders.liveCloneDir;
    }
    this.liveClone = null;
    try {
      await removeTree(staging);
      await removeTree(stagingKeys);
      const buildStarted = performance.now();
      await this.options.build({ outDir: staging, logFile, reasons, lane, env });
      if (!existsSync(path.join(staging, 'index.html'))) {
        throw new Error(`the build finished but wrote no index.html into ${staging}`);
      }
      const built = performance.now();
      // Read before the swap: the next build's staging path is the same.
      const merged = lane === 'fast-lane' ? await readMergeSummary(staging) : null;
      await rename(staging, outDir);
      const keyed = existsSync(stagingKeys);
      if (keyed) {
        await mkdir(this.folders.routeKeysDir, { recursive: true });
        await rename(stagingKeys, this.folders.keysOf(outDir));
      }
      await this.folders.swap(outDir);
      this.live = id;
      record.result = 'success';
      if (lane === 'full' && keyed && !this.fullBuildLive && this.options.fastLane !== false) this.notify({ event: WARM_UP_EVENT, receivedAt: new Date().toISOString() });
      if (lane === 'full') this.fullBuildLive = true;
      this.armReconcile(lane);
      if (keyed && this.options.fastLane !== false) this.cloneLive(outDir);
      const swapped = performance.now();
      // What changed is worked out once readers have the new build: hashing every file of both
      // builds took seconds per build at 1,000 articles (scripts/bench/README.md, "Publish-to-live").
      // A fast lane says what it wrote; only those files are compared.
      const compare = previous && merged ? fastLaneChanges(previous, outDir, merged) : diffBuilds(previous, outDir);
      record.changes = await compare.catch((error) => {
        this.log(`[rebuild] comparing build ${id} with the previous one failed: ${(error as Error).message}`);
        return undefined;
      });
      const compared = performance.now();
      await this.folders.prune(this.keep).catch((error) => this.log(`[rebuild] pruning old builds failed: ${(error as Error).message}`));
      const ms = (from: number, to: number) => Math.round(to - from);
      record.timings = { buildMs: ms(buildStarted, built), swapMs: ms(built, swapped), compareMs: ms(swapped, compared), pruneMs: ms(compared, performance.now()) };
    } catch (error) {
      record.error = (error as Error).message;
      await removeTree(staging).catch(() => {});
      await removeTree(stagingKeys).catch(() => {});
    }
    const finished = new Date();
    record.finishedAt = finished.toISOString();
    record.durationMs = finished.getTime() - started.getTime();
    this.lastBuild = record;
    this.options.onBuild?.(record);
    const seconds = (record.durationMs / 1000).toFixed(1);
    if (record.result === 'success') {
      this.counts.succeeded += 1;
      this.lastSuccess = record;
      this.retryDelay = this.retryMs;
      const c = record.changes;
      const pages = c ? [...c.pages.added.map((p) => `+${p}`), ...c.pages.removed.map((p) => `-${p}`)].slice(0, 5).join(' ') : '';
      const changed = c ? `: ${c.added} added, ${c.changed} changed, ${c.removed} removed files${pages ? ` ${pages}` : ''}` : '';
      this.log(`[rebuild] build ${id} live in ${seconds} s (${why})${changed}`);
    } else {
      this.counts.failed += 1;
      const tail = await readFile(logFile, 'utf8').then((t) => t.trim().split('\n').slice(-5).join('\n'), () => '');
      this.log(`[rebuild] build ${id} FAILED after ${seconds} s (${why}): ${record.error}; the previous site stays live. Log: ${logFile}${tail ? `\n${tail}` : ''}`);
    }
    return record;
  }
}

/** What the site's fast-lane merge wrote and removed (site/scripts/merge-fast-lane.ts), or null when it left no summary. */
async function readMergeSummary(outDir: string): Promise<FastLaneSummary | null> {
  const file = fastLaneFiles(outDir).summaryFile;
  const text = await readFile(file, 'utf8').catch(() => null);
  await rm(file, { force: true });
  return text ? (JSON.parse(text) as FastLaneSummary) : null;
}

function summarise(reasons: ChangeEvent[]): string {
  const shown = reasons.slice(0, 4).map(describeChange).join(', ');
  return reasons.length > 4 ? `${shown} and ${reasons.length - 4} more` : shown;
}
