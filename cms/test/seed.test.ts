/**
 * `npm run seed` against a throwaway database, twice: the second run must find everything the
 * first one wrote and change nothing.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMS_DIR, createThrowawayDatabase, throwawaySecrets } from '@toa-soan/scripts/testing';

const REPORT_PREFIX = 'SEED_REPORT ';
let workDir: string;
let env: NodeJS.ProcessEnv;
let dropDatabase = async () => {};

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-seed-test-'));
  env = {
    ...process.env,
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
    CMS_PUBLIC_DIR: path.join(workDir, 'public'),
    ...throwawaySecrets(),
    SEED_DEMO_CONTENT: 'false',
  };
  const database = await createThrowawayDatabase(workDir, undefined, 'toa_soan_seed');
  dropDatabase = database.drop;
  Object.assign(env, database.env);
});

afterAll(async () => {
  await dropDatabase();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

interface Report {
  created: Record<string, number>;
  counts: Record<string, number>;
}

/** Runs the compiled seed CLI (the globalSetup compiled the CMS) and returns its report. */
async function runSeed(): Promise<Report> {
  const run = await execa(process.execPath, ['dist/src/seed/cli.js'], { cwd: CMS_DIR, env, extendEnv: false, stdin: 'ignore', all: true, reject: false });
  const line = run.all.split('\n').find((l) => l.startsWith(REPORT_PREFIX));
  if (run.failed || !line) throw new Error(`seed exited with ${run.exitCode}:\n${run.all.slice(-3000)}`);
  return JSON.parse(line.slice(REPORT_PREFIX.length)) as Report;
}

describe('npm run seed', () => {
  it('writes the demo content once, and a second run changes nothing', async () => {
    const first = await runSeed();
    expect(first.created).toEqual({ photos: 10, categories: 4, people: 6, tags: first.counts.tags, units: 9, articles: 13, siteSetting: 1 });
    expect(first.counts).toMatchObject({ photos: 10, categories: 4, people: 6, units: 9, articles: 13, publishedArticles: 12 });
    expect(first.counts.tags).toBeGreaterThanOrEqual(10);
    const uploads = await readdir(path.join(workDir, 'public', 'uploads'));
    expect(uploads.filter((f) => /^demo_.*\.jpg$/.test(f))).toHaveLength(10);

    const second = await runSeed();
    expect(second.created).toEqual({ photos: 0, categories: 0, people: 0, tags: 0, units: 0, articles: 0, siteSetting: 0 });
    expect(second.counts).toEqual(first.counts);
    expect(await readdir(path.join(workDir, 'public', 'uploads'))).toHaveLength(uploads.length);
  });
});
