/**
 * The rebuild service on its own (production container): builds once at start so a fresh volume
 * gets a site, then rebuilds on Strapi's webhooks. Settings: see scripts/rebuild/README.md.
 */
import { readRebuildConfig, startRebuildService } from './service';

const config = readRebuildConfig();
const service = await startRebuildService(config);
console.log(`[rebuild] listening on ${service.server.url} (POST /webhook, GET /status); builds in ${config.stateDir}`);
if (process.env.REBUILD_ON_START?.trim() !== 'false') {
  service.rebuilder.notify({ event: 'startup', receivedAt: new Date().toISOString() });
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`[rebuild] ${signal}: stopping`);
    service.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
