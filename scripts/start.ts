/**
 * `npm start`: the whole newsroom on this machine. Strapi on embedded SQLite (cms/.data, demo
 * content on first run), the rebuild service listening for its webhooks, the built site served on
 * SITE_PORT. Strapi runs under a supervisor: if it crashes it is restarted while the site keeps
 * being served. Ctrl-C stops everything; the next `npm start` reuses the data and the last build.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { parseEnv } from 'node:util';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildAdmin, compileServer, planCmsBuild, strapiBin } from './lib/cms-build';
import { buildPreviewServer, startPreviewServer, type PreviewServer } from './lib/preview-server';
import { startStaticServer, type StaticServer } from './lib/static-server';
import { describeExit, Supervisor } from './lib/supervisor';
import { readRebuildConfig, startRebuildService, type RebuildService } from './rebuild/service';
import { REPO_DIR } from './rebuild/site-build';
import { CMS_DIR } from './lib/cms-paths';
import { DEMO_PASSWORD_DEFAULT, DEMO_USERS } from '@toa-soan/cms/demo-accounts';
import { DESK_ROLES } from '@toa-soan/cms/newsroom/desk';

const env = process.env;
const int = (name: string, fallback: number) => {
  const value = Number(env[name]?.trim() || fallback);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) fail(`${name}="${env[name]}" is not a port number`);
  return value;
};
const cmsPort = int('CMS_PORT', 1337);
const sitePort = int('SITE_PORT', 4321);
const rebuildPort = int('REBUILD_PORT', 4322);
const previewPort = int('PREVIEW_PORT', 4323);
const cmsUrl = `http://localhost:${cmsPort}`;
const previewUrl = env.PREVIEW_URL?.trim() || `http://localhost:${previewPort}`;
// First delay before restarting a crashed Strapi (doubling up to 30 s). Not below 100 ms: a Ctrl-C
// reaches Strapi too, and its exit must not be restarted before our own handler stops everything.
const restartDelayMs = Number(env.CMS_RESTART_DELAY_MS?.trim() || 1000);
if (!Number.isInteger(restartDelayMs) || restartDelayMs < 100) fail(`CMS_RESTART_DELAY_MS="${env.CMS_RESTART_DELAY_MS}" is not a whole number of milliseconds ≥ 100`);
const siteUrl = env.SITE_URL?.trim() || `http://localhost:${sitePort}`;

const started = Date.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function fail(message: string): never {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

async function step<T>(title: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  console.log(`→ ${title}…`);
  try {
    const result = await fn();
    console.log(`  ✓ ${title} (${seconds(Date.now() - t0)})`);
    return result;
  } catch (error) {
    console.error(`  ✗ ${title} failed after ${seconds(Date.now() - t0)}`);
    throw error;
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/** The shared webhook secret: REBUILD_WEBHOOK_SECRET, or one generated once into the state folder. */
async function webhookSecret(stateDir: string): Promise<string> {
  if (env.REBUILD_WEBHOOK_SECRET?.trim()) return env.REBUILD_WEBHOOK_SECRET.trim();
  const file = path.join(stateDir, 'webhook-secret');
  const stored = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (stored) return stored;
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

let cms: Supervisor | null = null;
let rebuild: RebuildService | null = null;
let site: StaticServer | null = null;
let preview: PreviewServer | null = null;
let stopping = false;

async function shutdown(reason: string, code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log(`\n${reason}: stopping…`);
    // Together: a Ctrl-C in the terminal also reaches Strapi, and the supervisor must know it is
    // being stopped before it sees Strapi exit, or it would schedule a restart.
    await Promise.all([rebuild?.stop().catch(() => {}), site?.stop().catch(() => {}), preview?.stop().catch(() => {}), cms?.stop()]);
    console.log('Stopped.');
  }
  process.exit(code);
}

let firstSignalAt = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      // One Ctrl-C reaches us twice (from the terminal and relayed by npm/tsx): only a later,
      // second Ctrl-C means "do not wait any longer".
      if (Date.now() - firstSignalAt < 1500) return;
      cms?.kill();
      process.exit(130);
    }
    firstSignalAt = Date.now();
    void shutdown(signal, 0);
  });
}

/**
 * A secret Strapi shares with another process: from the environment, else the value Strapi
 * generated into cms/.env on its first start (cms/src/lib/secrets.ts).
 */
async function cmsSecret(name: 'PREVIEW_SECRET' | 'PREVIEW_TOKEN'): Promise<string> {
  const value = env[name]?.trim() || parseEnv(await readFile(path.join(CMS_DIR, '.env'), 'utf8').catch(() => ''))[name]?.trim();
  if (!value) throw new Error(`${name} is neither set nor in ${path.join(CMS_DIR, '.env')}; Strapi writes it there on start`);
  return value;
}

/** Resolves once Strapi answers its health check; gives up when `signal` aborts. */
async function strapiHealthy(signal: AbortSignal): Promise<void> {
  while (!(await fetch(`${cmsUrl}/_health`, { signal }).then((r) => r.status === 204, () => false))) {
    await sleep(300, undefined, { signal });
  }
}

async function main() {
  const config = readRebuildConfig(env, { secret: 'set below', port: rebuildPort, cmsUrl, siteUrl });
  const logsDir = path.join(config.stateDir, 'logs');
  await mkdir(logsDir, { recursive: true });
  config.secret = await webhookSecret(config.stateDir);

  await step('Checking ports', async () => {
    const ports: Array<[number, string, string]> = [
      [cmsPort, 'CMS', 'CMS_PORT'],
      [sitePort, 'site', 'SITE_PORT'],
      [rebuildPort, 'rebuild service', 'REBUILD_PORT'],
      [previewPort, 'draft preview server', 'PREVIEW_PORT'],
    ];
    for (const [port, what, variable] of ports) {
      if (!(await portFree(port))) {
        throw new Error(`Port ${port} (${what}) is already in use: is another \`npm start\` or Strapi running? Stop it, or pick another port with ${variable}=…`);
      }
    }
  });

  const withAdmin = env.CMS_SERVE_ADMIN?.trim() !== 'false';
  const plan = await planCmsBuild(withAdmin);
  const buildLog = path.join(logsDir, 'cms-build.log');
  if (plan.admin) {
    await step('Building the CMS and its admin panel (strapi build, 1-2 min the first time)', () => buildAdmin(buildLog));
    await plan.write();
  } else if (plan.compile) {
    await step('Compiling the CMS', () => compileServer(buildLog));
    await plan.write();
  } else {
    console.log('  ✓ CMS build is up to date');
  }

  const cmsLog = path.join(logsDir, 'cms.log');
  const log = createWriteStream(cmsLog, { flags: 'a' });
  const strapiEnv = {
    ...env,
    PORT: String(cmsPort),
    PUBLIC_URL: env.PUBLIC_URL?.trim() || cmsUrl,
    CMS_SERVE_ADMIN: String(withAdmin),
    SEED_DEMO_CONTENT: env.SEED_DEMO_CONTENT?.trim() || 'true',
    REBUILD_WEBHOOK_URL: `http://127.0.0.1:${rebuildPort}/webhook`,
    REBUILD_WEBHOOK_SECRET: config.secret,
    PREVIEW_URL: previewUrl,
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  const supervisor = new Supervisor({
    spawn: () => {
      log.write(`\n--- npm start: Strapi starting ${new Date().toISOString()}\n`);
      const child = spawn(process.execPath, [strapiBin(), 'start'], { cwd: CMS_DIR, env: strapiEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      for (const stream of [child.stdout!, child.stderr!]) {
        stream.pipe(log, { end: false });
        // Warnings and errors are worth seeing here; everything is in the log.
        stream.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString().split('\n')) if (/\b(warn|error)\b/i.test(line)) console.log(`  [cms] ${line.trim()}`);
        });
      }
      return child;
    },
    ready: (_child, signal) => strapiHealthy(signal),
    readyTimeoutMs: 180_000,
    initialMs: restartDelayMs,
    maxMs: Math.max(30_000, restartDelayMs),
    onEvent: (event) => {
      const { status } = event;
      if (event.type === 'down') {
        // Builds need the CMS: hold them (webhooks and retries are kept) until it is back.
        rebuild?.rebuilder.pause();
        console.error(
          `\n✗ Strapi stopped unexpectedly (${describeExit(status.lastExit!)}); restarting in ${seconds(event.restartInMs)}. ` +
            `The site stays up with its last build. Log: ${cmsLog}`,
        );
      } else if (status.restarts > 0) {
        console.log(`✓ Strapi is back (restart ${status.restarts}); rebuilding the site in case a change was missed.`);
        rebuild?.rebuilder.resume();
        rebuild?.rebuilder.notify({ event: 'cms.restart', receivedAt: new Date().toISOString() });
      }
    },
  });
  cms = supervisor;
  rebuild = await step('Starting the rebuild service', () => startRebuildService(config, { cmsStatus: () => supervisor.status() }));
  // Strapi's seeding fires webhooks before it answers HTTP; build once it is up.
  rebuild.rebuilder.pause();

  await step(`Starting Strapi on ${cmsUrl} (log: ${path.relative(REPO_DIR, cmsLog)})`, () =>
    supervisor.start().catch(async (error: Error) => {
      const text = await readFile(cmsLog, 'utf8').catch(() => '');
      const tail = text.slice(text.lastIndexOf('\n--- npm start'));
      const hint = /EADDRINUSE/.test(tail) ? ` Port ${cmsPort} is taken: stop the other process or set CMS_PORT.` : '';
      throw new Error(`Strapi ${error.message}.${hint} Last lines of ${cmsLog}:\n${tail.trim().split('\n').slice(-15).join('\n')}`);
    }),
  );

  site = await step(`Serving the site on ${siteUrl}`, () =>
    startStaticServer({ root: rebuild!.rebuilder.folders.currentLink, port: sitePort, host: '0.0.0.0' }),
  );

  const previewLog = path.join(logsDir, 'preview.log');
  preview = await step(`Building and starting the draft preview server on ${previewUrl}`, async () => {
    await buildPreviewServer({ cmsUrl, siteUrl, logFile: previewLog });
    return startPreviewServer({
      port: previewPort,
      host: '0.0.0.0',
      cmsUrl,
      siteUrl,
      strapiToken: await cmsSecret('PREVIEW_TOKEN'),
      previewSecret: await cmsSecret('PREVIEW_SECRET'),
      cmsPublicUrl: strapiEnv.PUBLIC_URL,
      logFile: previewLog,
    });
  });
  preview.child.once('exit', (code, signal) => {
    if (!stopping) console.error(`\n✗ The draft preview server stopped (${signal ?? `exit ${code}`}); previews fail until the next npm start. Log: ${previewLog}`);
  });

  rebuild.rebuilder.resume();
  const first = await step('Building the site', () =>
    rebuild!.rebuilder.rebuildNow({ event: 'startup', receivedAt: new Date().toISOString() }),
  );
  if (first.result === 'failed') {
    const previous = rebuild.rebuilder.status().live;
    console.error(`  ✗ The site build failed: ${first.error}\n    Log: ${first.logFile}`);
    console.error(previous ? `    The previous build (${previous}) is still served.` : '    The site shows a placeholder until a build succeeds.');
    console.error('    Fix the cause; the next change in the CMS (or a restart) builds again.');
  }

  // The demo newsroom accounts exist when the demo content is loaded (cms/src/workflow/index.ts).
  const demoLogins =
    withAdmin && strapiEnv.SEED_DEMO_CONTENT === 'true'
      ? `\n  Demo logins      password ${env.DEMO_ADMIN_PASSWORD?.trim() ? '$DEMO_ADMIN_PASSWORD' : DEMO_PASSWORD_DEFAULT}\n` +
        `    ${DEMO_USERS.reporter.email.padEnd(26)} ${DESK_ROLES.reporter.name} (reporter: writes, submits)\n` +
        `    ${DEMO_USERS.editor.email.padEnd(26)} ${DESK_ROLES.editor.name} (editor: returns or approves)\n` +
        `    ${DEMO_USERS.publisher.email.padEnd(26)} ${DESK_ROLES.publisher.name} (publisher: publishes, schedules, reads the audit trail)`
      : '';
  console.log(`
Tòa soạn is running (ready in ${seconds(Date.now() - started)}):
  Admin panel      ${cmsUrl}/admin${withAdmin ? '' : ' (disabled: CMS_SERVE_ADMIN=false)'}${demoLogins}
  Site             ${siteUrl}
  Draft preview    ${previewUrl} (an article's "Open preview" in the admin opens it)
  Rebuild status   ${rebuild.server.url}/status
  Logs             ${logsDir}
A change published in the admin is rebuilt and live within seconds. Ctrl-C stops everything.`);
}

main().catch((error: Error) => {
  console.error(`\n✗ ${error.message}`);
  void shutdown('Start-up failed', 1);
});
