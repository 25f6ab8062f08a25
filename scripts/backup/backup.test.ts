/**
 * Round trip on SQLite: content made through REST (people, a category, an uploaded photo, an
 * article with a credited cover and a byline) survives export → import into a fresh database.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createCategory, createPerson, publishArticle, uploadPhoto } from '../lib/newsroom-rest';
import { sqliteEnv, startCms, type CmsServer } from '../testing/cms-server';
import { exportBackup, importBackup } from './transfer';

const dirs: string[] = [];
let cms: CmsServer | null = null;

afterAll(async () => {
  await cms?.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const tempDir = async (name: string) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), `toa-soan-${name}-`));
  dirs.push(dir);
  return dir;
};

interface PublicArticle {
  title: string;
  slug: string;
  cover: { caption: string; credit: string; image: { url: string; hash: string } };
  byline: Array<{ role: string; person: { name: string } }>;
  category: { name: string };
}

it('restores articles, people, credits and media from a backup into a fresh database', async () => {
  const source = await tempDir('backup-source');
  const target = await tempDir('backup-target');
  const backups = await tempDir('backups');
  const logFile = path.join(backups, 'transfer.log');

  cms = await startCms({ sqliteDir: source });
  const client = { url: cms.url, token: cms.tokens.fullAccess };
  const writer = await createPerson(client, 'Nguyễn Thị Phóng Viên');
  await createPerson(client, 'Lê Văn Biên Tập');
  const category = await createCategory(client, 'Thời sự sao lưu');
  const photo = await uploadPhoto(client, 'anh-sao-luu');
  const article = await publishArticle(client, {
    title: 'Bài viết còn nguyên sau khi khôi phục',
    sapo: 'Kiểm tra sao lưu và khôi phục.',
    paragraph: 'Nội dung bài viết dùng để kiểm tra.',
    categoryId: category.documentId,
    writerId: writer.documentId,
    photoId: photo.id,
  });
  await cms.stop();
  cms = null;

  const file = await exportBackup({ env: sqliteEnv(source), logFile, dir: backups });
  expect(path.basename(file)).toMatch(/^toa-soan-.*\.tar\.gz$/);

  await importBackup(file, { env: sqliteEnv(target), logFile });
  // The media file itself came back, not only its database row.
  const uploads = await readdir(path.join(target, 'public', 'uploads'));
  expect(uploads).toContain(path.basename(photo.url));

  cms = await startCms({ sqliteDir: target });
  const populate = 'populate[cover][populate]=image&populate[byline][populate]=person&populate[category]=true';
  const res = await fetch(`${cms.url}/api/articles?filters[documentId][$eq]=${article.documentId}&${populate}`);
  const { data } = (await res.json()) as { data: PublicArticle[] };
  expect(data).toHaveLength(1);
  const restored = data[0]!;
  expect(restored.title).toBe('Bài viết còn nguyên sau khi khôi phục');
  expect(restored.category.name).toBe('Thời sự sao lưu');
  expect(restored.byline).toEqual([expect.objectContaining({ role: 'writer', person: expect.objectContaining({ name: 'Nguyễn Thị Phóng Viên' }) })]);
  expect(restored.cover).toMatchObject({ credit: 'Trần Văn Ảnh', image: { hash: photo.hash } });
  const image = await fetch(`${cms.url}${restored.cover.image.url}`);
  expect(image.status).toBe(200);
  expect(image.headers.get('content-type')).toBe('image/jpeg');

  const people = (await (await fetch(`${cms.url}/api/people?sort=name`)).json()) as { data: Array<{ name: string }> };
  expect(people.data.map((p) => p.name)).toEqual(['Lê Văn Biên Tập', 'Nguyễn Thị Phóng Viên']);
  expect(existsSync(path.join(source, 'cms.db'))).toBe(true);
}, 300_000);
