/**
 * Imports the fixtures into a real Strapi twice and reads the result back over REST: published
 * with the original date, credits linked to people (deduplicated), categories matched, drafts
 * where publishing is impossible, a second run that leaves what was imported (and `--update` that
 * writes it again) instead of duplicating; and an archive of a former unit imported with `--unit`
 * and `--report`, interrupted and run again without a duplicate or a loss.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type CmsServer } from '../testing/cms-server';
import { EXIT, main, type Io } from './cli';
import type { ImportReport } from './importer';
import { generateExports } from './generate';
import { parseLegacyExport } from './parse';
import { readFileSync } from 'node:fs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(HERE, 'fixtures');

interface Captured extends Io {
  stdout: string;
  stderr: string;
}
function capture(): Captured {
  const io: Captured = { stdout: '', stderr: '', tty: false, out: (t) => void (io.stdout += t), err: (t) => void (io.stderr += t) };
  return io;
}

interface StoredArticle {
  documentId: string;
  title: string;
  publicationDate: string | null;
  publishedAt: string | null;
  sapo: string;
  unit: { name: string } | null;
  sourceKey: string;
  sourceCaptions: string[] | null;
  category: { name: string } | null;
  body: Array<{ __component: string; content: Array<{ type: string; children: Array<{ text: string }> }> }>;
  byline: Array<{ role: string; outlet: string | null; person: { documentId: string; name: string } | null }>;
}

let cms: CmsServer;
const api = () => axios.create({ baseURL: cms.url, headers: { Authorization: `Bearer ${cms.tokens.fullAccess}` } });

async function articles(status: 'draft' | 'published'): Promise<StoredArticle[]> {
  const res = await api().get('/api/articles', {
    params: {
      status,
      'pagination[pageSize]': 100,
      'populate[category]': true,
      'populate[unit]': true,
      'populate[body]': true,
      'populate[byline][populate][person]': true,
    },
  });
  return res.data.data;
}

const keyOf = (fixture: string) => parseLegacyExport(readFileSync(path.join(FIXTURES, fixture), 'utf8'), fixture).sourceKey;

async function runImport(args: string[], env: Record<string, string> = {}) {
  const io = capture();
  const code = await main(args, { CMS_URL: cms.url, STRAPI_TOKEN: cms.tokens.fullAccess, INIT_CWD: HERE, ...env }, io);
  return { code, io };
}

function counts(report: ImportReport) {
  const by = (status: string, published?: boolean) =>
    report.outcomes.filter((o) => o.status === status && (published === undefined || o.published === published)).length;
  return { created: by('created'), updated: by('updated'), existing: by('existing'), skipped: by('skipped'), failed: by('failed'), drafts: report.outcomes.filter((o) => o.published === false).length };
}

describe('legacy import into Strapi', () => {
  let existingEditor: string;
  let existingCategory: string;

  beforeAll(async () => {
    cms = await startCms();
    // Already in the CMS, spelled differently: another case, extra spaces, decomposed Unicode.
    existingEditor = (await api().post('/api/people', { data: { name: '  trần  MINH khoa '.normalize('NFD'), slug: 'tran-minh-khoa' } })).data.data.documentId;
    existingCategory = (await api().post('/api/categories', { data: { name: 'Tin tức – Sự kiện', slug: 'tin-tuc-su-kien' } })).data.data.documentId;
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('imports, publishes with the original dates; a second run leaves them, --update writes the same records again', async () => {
    const first = await runImport(['--json', 'fixtures']);
    expect(first.code, first.io.stderr).toBe(EXIT.ok);
    const firstReport = JSON.parse(first.io.stdout) as ImportReport;
    // 18 files: 2 unreadable, 1 the same article as 01 → 15 articles, 3 of them drafts.
    expect(counts(firstReport)).toEqual({ created: 15, updated: 0, existing: 0, skipped: 3, failed: 0, drafts: 3 });
    expect(first.io.stderr).toMatch(/fixtures\/17-not-utf8\.txt: skipped, not UTF-8/);
    expect(first.io.stderr).toMatch(/fixtures\/16-same-article-as-01\.txt: skipped, same article/);
    expect(first.io.stderr).toMatch(/import: 18\/18 files \(100%\)/);

    const second = await runImport(['--json', 'fixtures']);
    expect(second.code).toBe(EXIT.ok);
    const secondReport = JSON.parse(second.io.stdout) as ImportReport;
    expect(counts(secondReport)).toEqual({ created: 0, updated: 0, existing: 15, skipped: 3, failed: 0, drafts: 0 });
    const ids = (r: ImportReport) => r.outcomes.map((o) => o.documentId).filter(Boolean).sort();
    expect(ids(secondReport)).toEqual(ids(firstReport));

    const third = await runImport(['--json', '--update', 'fixtures']);
    expect(third.code).toBe(EXIT.ok);
    const thirdReport = JSON.parse(third.io.stdout) as ImportReport;
    expect(counts(thirdReport)).toEqual({ created: 0, updated: 15, existing: 0, skipped: 3, failed: 0, drafts: 3 });
    expect(ids(thirdReport)).toEqual(ids(firstReport));

    expect(await articles('draft')).toHaveLength(15);
    expect(await articles('published')).toHaveLength(12);
  });

  it('stores what the export says: date, sapo, body blocks, credits → people, category, unit, captions', async () => {
    const published = await articles('published');
    const byKey = (fixture: string) => published.find((a) => a.sourceKey === keyOf(fixture));

    const stamped = byKey('04-tin-va-anh-stamp.txt')!;
    expect(new Date(stamped.publicationDate!).toISOString()).toBe(new Date('2021-04-02T08:15:00+07:00').toISOString());
    expect(stamped.unit?.name).toBe('UBND huyện Phước Hòa Tây');
    expect(stamped.category?.name).toBe('Tin tức – Sự kiện'); // the existing category, not a second one
    expect(stamped.sapo).toMatch(/^Chiều 1\/4\/2021, Phòng Tài nguyên/);
    expect(stamped.body).toHaveLength(1);
    expect(stamped.body[0]!.__component).toBe('body.text');
    expect(stamped.body[0]!.content.map((p) => [p.type, p.children[0]!.text.slice(0, 20)])).toEqual([['paragraph', 'Sau lễ ra quân, các ']]);
    expect(stamped.sourceCaptions).toEqual(['Đoàn viên thanh niên vớt lục bình trên kênh Xáng Mới']);
    expect(stamped.byline.map((c) => [c.role, c.person?.name])).toEqual([
      ['writer', 'Đặng Văn Sơn'],
      ['photographer', 'Đặng Văn Sơn'],
    ]);
    expect(stamped.byline[0]!.person!.documentId).toBe(stamped.byline[1]!.person!.documentId);

    const edited = byKey('01-bt-hinh.txt')!;
    expect(new Date(edited.publicationDate!).toISOString()).toBe(new Date('2022-09-05T00:00:00+07:00').toISOString());
    expect(edited.byline[0]).toMatchObject({ role: 'editor', person: { documentId: existingEditor } });

    expect(byKey('10-theo-bao.txt')!.byline).toEqual([expect.objectContaining({ role: 'source', outlet: 'Báo Đồng Tháp', person: null })]);
    expect(byKey('12-pv.txt')!.byline.map((c) => [c.role, c.person?.name])).toEqual([['writer', 'PV']]);

    const categories = (await api().get('/api/categories', { params: { 'pagination[pageSize]': 100 } })).data.data as Array<{ documentId: string }>;
    expect(categories.map((c) => c.documentId)).toEqual([existingCategory]);

    const people = (await api().get('/api/people', { params: { 'pagination[pageSize]': 100 } })).data.data as Array<{ name: string }>;
    const names = people.map((p) => p.name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase());
    expect(names.filter((n) => n === 'trần minh khoa')).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
  });

  it('leaves articles without a credit or a date as drafts, without inventing a date', async () => {
    const published = new Set((await articles('published')).map((a) => a.sourceKey));
    const drafts = await articles('draft');
    for (const fixture of ['14-no-byline.txt', '15-no-date.txt', '06-no-year-at-all.txt']) {
      expect(published.has(keyOf(fixture)), fixture).toBe(false);
      expect(drafts.find((a) => a.sourceKey === keyOf(fixture)), fixture).toBeDefined();
    }
    expect(drafts.find((a) => a.sourceKey === keyOf('15-no-date.txt'))!.publicationDate).toBeNull();
  });

  it('prints a summary naming drafts and skipped files with their reasons', async () => {
    const run = await runImport(['--update', 'fixtures/14-no-byline.txt', 'fixtures/18-only-chrome.txt', 'fixtures/missing.txt']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.io.stdout).toMatch(/^Created 0 \(0 published, 0 draft\), updated 1 \(0 published, 1 draft\), imported before 0, skipped 1, failed 0/);
    expect(run.io.stdout).toMatch(/fixtures\/14-no-byline\.txt: no byline credit/);
    expect(run.io.stdout).toMatch(/fixtures\/18-only-chrome\.txt: no article text/);
    expect(run.io.stderr).toMatch(/import: fixtures\/missing\.txt: no such file or directory/);
  });

  it('exits non-zero when the CMS refuses the token or nothing can be imported', async () => {
    // --update: the article is there already, and only a write shows the token cannot write.
    const readOnly = await runImport(['--update', 'fixtures/04-tin-va-anh-stamp.txt'], { STRAPI_TOKEN: cms.tokens.readOnly });
    expect(readOnly.code).toBe(EXIT.cmsRefused);
    expect(readOnly.io.stdout).toMatch(/The CMS refused: the CMS refused the token \(403/);

    const nothing = await runImport(['fixtures/17-not-utf8.txt', 'fixtures/18-only-chrome.txt']);
    expect(nothing.code).toBe(EXIT.nothingImported);

    const unreachable = await runImport(['fixtures/04-tin-va-anh-stamp.txt', 'fixtures/01-bt-hinh.txt'], { CMS_URL: 'http://127.0.0.1:9' });
    expect(unreachable.code).toBe(EXIT.cmsRefused);
    // The run first lists what was imported before: nothing is attempted.
    expect(unreachable.io.stdout).toMatch(/Stopped; not attempted: fixtures\/04-tin-va-anh-stamp\.txt, fixtures\/01-bt-hinh\.txt/);

    expect((await runImport(['fixtures'], { CMS_URL: '' })).code).toBe(EXIT.usage);
  });

  it('exits non-zero when the CMS turns an article down, and the summary names each such file and why', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-import-'));
    try {
      // 01 with a paragraph over Strapi's 1 MB JSON body limit: answered 413.
      const fixture = await readFile(path.join(FIXTURES, '01-bt-hinh.txt'), 'utf8');
      const huge = path.join(dir, 'huge.txt');
      await writeFile(huge, fixture.replace('\n\nTheo báo cáo', `\n\n${'Đoạn văn rất dài. '.repeat(80_000)}\n\nTheo báo cáo`));
      const run = await runImport(['--update', huge, 'fixtures/04-tin-va-anh-stamp.txt']);
      expect(run.code, run.io.stdout).toBe(EXIT.articlesFailed);
      const shown = path.relative(HERE, huge);
      expect(run.io.stdout).toMatch(/^Created .*, skipped 0, failed 1\n/);
      const failed = run.io.stdout.split('\n\n').find((section) => section.startsWith('Failed:'));
      expect(failed?.split('\n').slice(1)).toEqual([expect.stringMatching(new RegExp(`^  ${shown.replace(/[.\\/]/g, '\\$&')}: 413 on (POST|PUT) /api/articles`))]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('imports an archive for a former unit with --unit and --report; interrupted, then run again: nothing duplicated or lost', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-archive-'));
    try {
      await generateExports({ dir: path.join(dir, 'thap-muoi'), count: 30, seed: 7, otherUnitEvery: 10 });
      const args = (report: string) => ['--unit', 'Huyện ủy Tháp Mười', '--report', path.join(dir, report), path.join(dir, 'thap-muoi')];

      // Ctrl-C once the progress shows a tenth done (3 of 30 files): the run finishes that file and stops.
      const io = capture();
      let interrupt: (() => void) | undefined;
      io.onInterrupt = (handler) => ((interrupt = handler), () => (interrupt = undefined));
      const err = io.err;
      io.err = (text) => {
        err(text);
        if (/import: [1-9]\d*\/30 files/.test(text)) interrupt?.();
      };
      const first = await main(args('first.csv'), { CMS_URL: cms.url, STRAPI_TOKEN: cms.tokens.fullAccess, INIT_CWD: HERE }, io);
      expect(first, io.stdout).toBe(EXIT.interrupted);
      const csv = (await readFile(path.join(dir, 'first.csv'), 'utf8')).trim().split('\n');
      expect(csv[0]).toBe('file,outcome,article_id,title,reason,warnings');
      const done = csv.slice(1).filter((line) => line.split(',')[1] === 'created');
      const notAttempted = csv.slice(1).filter((line) => line.split(',')[1] === 'not-attempted');
      expect(done.length).toBeGreaterThan(0);
      expect(done.length + notAttempted.length).toBe(30);

      const second = await runImport(args('second.json'));
      expect(second.code, second.io.stdout).toBe(EXIT.ok);
      const report = JSON.parse(await readFile(path.join(dir, 'second.json'), 'utf8')) as {
        files: Array<{ file: string; outcome: string; articleId: string | null; warnings: string[] }>;
      };
      expect(report.files).toHaveLength(30);
      expect(report.files.filter((f) => f.outcome === 'existing')).toHaveLength(done.length);
      expect(report.files.filter((f) => f.outcome === 'created')).toHaveLength(30 - done.length);
      // Every file has its own article: 30 distinct ids, and the CMS holds no other copy.
      expect(new Set(report.files.map((f) => f.articleId)).size).toBe(30);
      const total = async (unit: string) =>
        (await api().get('/api/articles', { params: { status: 'draft', filters: { unit: { name: { $eq: unit } } }, pagination: { pageSize: 1 } } })).data.meta.pagination.total as number;
      expect(await total('Huyện ủy Tháp Mười')).toBe(27);
      // A file that names another unit (its portal line) keeps it, with a warning.
      expect(await total('UBND huyện Giồng Riềng')).toBe(3);
      const other = report.files.filter((f) => f.warnings.some((w) => w.includes('--unit')));
      expect(other.map((f) => path.basename(f.file))).toEqual(['bai-00010.txt', 'bai-00020.txt', 'bai-00030.txt']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
