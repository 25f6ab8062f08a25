/**
 * The search-ahead integration (SEARCH_INDEX_AHEAD=true): in a full build, forks index-ahead.ts when the build starts, so
 * search bundles are indexed while Astro renders, and tells it `done` when the build is done,
 * waiting for the bundle under way. The article route learns where to write its search plan from
 * SITE_SEARCH_PLAN, set here in Astro's own process (src/lib/search-plan.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSearchSettings } from './search-settings.ts';

export function searchAhead(): AstroIntegration {
  let outDir = '';
  let follower: ChildProcess | null = null;
  let plan = '';
  return {
    name: 'toa-soan:search-ahead',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const { cacheDir } = readSearchSettings(process.env);
        mkdirSync(cacheDir, { recursive: true });
        // Named as the index step's clean-up spares while this process runs.
        plan = path.join(cacheDir, `.new-${process.pid}-plan.json`);
        rmSync(plan, { force: true });
        process.env.SITE_SEARCH_PLAN = plan;
        follower = fork(fileURLToPath(new URL('./index-ahead.ts', import.meta.url)), [], {
          env: { ...process.env, SITE_OUT_DIR: outDir },
        });
        // It only saves time: a failure to start is said, and the build goes on.
        follower.on('error', (error) => console.error(`[search-ahead] ${error.message}`));
        // Never what keeps Astro's process alive: a failed build exits, and the follower stops
        // when its channel closes.
        follower.unref();
        follower.channel?.unref();
      },
      'astro:build:done': async () => {
        if (follower && follower.exitCode === null && follower.signalCode === null) {
          follower.ref();
          follower.channel?.ref();
          const exited = once(follower, 'exit');
          // It may have finished and closed its channel on its own meanwhile: then it exits anyway.
          if (follower.connected) follower.send('done', () => {});
          await exited;
        }
        delete process.env.SITE_SEARCH_PLAN;
        rmSync(plan, { force: true });
      },
    },
  };
}
