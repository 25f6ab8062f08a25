/**
 * Editorial workflow (issue 15) on a real Strapi with the demo content and its three newsroom
 * accounts: roles, review states, who may publish, audit trail, versions. Every rule is checked
 * through the admin's own REST endpoints with each role's JWT, as the admin panel calls them.
 */
import axios, { type AxiosResponse } from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, startCms, type CmsServer } from '@toa-soan/scripts/testing';

const ARTICLE = 'api::article.article';
const AUDIT = 'api::audit-entry.audit-entry';
const CM = `/content-manager/collection-types/${ARTICLE}`;
const DEMO_PASSWORD = 'ToaSoan-Demo-2026';
const EMAILS = { reporter: 'phongvien@toasoan.local', editor: 'bientap@toasoan.local', publisher: 'truongban@toasoan.local' };

let cms: CmsServer;
const jwt = { reporter: '', editor: '', publisher: '', superAdmin: '' };
let image: number;
let category: string;
let person: string;

const http = () => axios.create({ baseURL: cms.url, validateStatus: () => true });
const as = (who: keyof typeof jwt) => ({ headers: { Authorization: `Bearer ${jwt[who]}` } });

function expectStatus(res: AxiosResponse, status: number): void {
  expect(res.status, `${res.config.method} ${res.config.url}: ${JSON.stringify(res.data).slice(0, 400)}`).toBe(status);
}

function articleData(title: string) {
  return {
    title,
    sapo: 'Một câu tóm tắt.',
    category,
    byline: [{ role: 'writer', person }],
    cover: { image, caption: 'Quang cảnh buổi họp.', credit: 'Lê Tính' },
    body: [{ __component: 'body.text', content: [{ type: 'paragraph', children: [{ type: 'text', text: 'Đoạn thứ nhất.' }] }] }],
  };
}

const withText = (paragraphs: string[]) => [
  { __component: 'body.text', content: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })) },
];

async function review(documentId: string): Promise<{ reviewState: string; reviewNote: string | null; title: string }> {
  const res = await http().get(`${CM}/${documentId}`, as('superAdmin'));
  expectStatus(res, 200);
  return res.data.data;
}

async function update(who: keyof typeof jwt, documentId: string, data: Record<string, unknown>) {
  return http().put(`${CM}/${documentId}`, data, as(who));
}

/** Minimal RFC 4180 reader: quoted cells may hold commas, quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell.replace(/\r$/, '')), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

async function auditRows(): Promise<Array<Record<string, string>>> {
  const res = await http().get('/admin/toa-soan/audit/export.csv', { ...as('publisher'), responseType: 'text' });
  expectStatus(res, 200);
  expect(res.headers['content-type']).toMatch(/text\/csv/);
  const [header, ...rows] = parseCsv((res.data as string).replace(/^\uFEFF/, ''));
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

beforeAll(async () => {
  cms = await startCms({ env: { SEED_DEMO_CONTENT: 'true' } });
  jwt.superAdmin = cms.admin.jwt;
  // One login per user and run: Strapi rate-limits /admin/login.
  for (const who of ['reporter', 'editor', 'publisher'] as const) jwt[who] = await adminLogin(cms.url, EMAILS[who], DEMO_PASSWORD);
  const res = await http().get('/api/articles', {
    params: { populate: { cover: { populate: { image: { fields: ['id'] } } }, category: { fields: ['documentId'] }, byline: { populate: { person: { fields: ['documentId'] } } } }, pagination: { pageSize: 1 } },
  });
  const first = res.data.data[0];
  image = first.cover.image.id;
  category = first.category.documentId;
  person = first.byline.find((c: { person?: unknown }) => c.person).person.documentId;
});

afterAll(async () => {
  await cms?.stop();
});

describe('newsroom roles', () => {
  it('exist with Vietnamese names, next to the super admin', async () => {
    const res = await http().get('/admin/roles', as('superAdmin'));
    expectStatus(res, 200);
    const names = (res.data.data as Array<{ name: string }>).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Quản trị hệ thống', 'Phóng viên', 'Biên tập viên', 'Trưởng ban biên tập']));
  });

  it('keep reporters away from deleting categories and other reporters away from their articles', async () => {
    const del = await http().delete(`/content-manager/collection-types/api::category.category/${category}`, as('reporter'));
    expectStatus(del, 403);
    const created = await http().post(CM, articleData('Bài của biên tập viên'), as('editor'));
    expectStatus(created, 201);
    const edit = await update('reporter', created.data.data.documentId, { title: 'Phóng viên sửa bài người khác' });
    expectStatus(edit, 403);
    expect((await review(created.data.data.documentId)).title).toBe('Bài của biên tập viên');
  });
});

describe('review and publishing', () => {
  let documentId: string;

  it('a reporter writes a draft ("Nháp") and cannot approve nor publish it by any path', async () => {
    const created = await http().post(CM, articleData('Xã Tân Hòa ra quân làm thủy lợi'), as('reporter'));
    expectStatus(created, 201);
    documentId = created.data.data.documentId;
    expect(created.data.data.reviewState).toBe('nhap');

    const approve = await update('reporter', documentId, { reviewState: 'da-duyet' });
    expectStatus(approve, 403);
    expect(approve.data.error.message).toMatch(/Chỉ Biên tập viên hoặc Trưởng ban/);

    expectStatus(await http().post(`${CM}/${documentId}/actions/publish`, {}, as('reporter')), 403);
    expectStatus(await http().post(`${CM}/actions/bulkPublish`, { documentIds: [documentId] }, as('reporter')), 403);
    // The content API does not take an admin JWT at all.
    const rest = await http().post('/api/articles?status=published', { data: articleData('Qua REST') }, as('reporter'));
    expect([401, 403]).toContain(rest.status);
    expect((await review(documentId)).reviewState).toBe('nhap');
  });

  it('the publisher cannot publish an article not yet approved, alone or in bulk', async () => {
    const one = await http().post(`${CM}/${documentId}/actions/publish`, {}, as('publisher'));
    expectStatus(one, 400);
    expect(one.data.error.message).toMatch(/chưa được duyệt/);
    const bulk = await http().post(`${CM}/actions/bulkPublish`, { documentIds: [documentId] }, as('publisher'));
    expectStatus(bulk, 400);
    expect(bulk.data.error.message).toMatch(/chưa được duyệt/);
    const published = await http().get(`/api/articles/${documentId}`);
    expectStatus(published, 404);
  });

  it('the reporter submits; once submitted the text is the desk’s', async () => {
    expectStatus(await update('reporter', documentId, { reviewState: 'cho-duyet' }), 200);
    expect((await review(documentId)).reviewState).toBe('cho-duyet');
    const edit = await update('reporter', documentId, { title: 'Sửa sau khi gửi' });
    expectStatus(edit, 403);
    expect(edit.data.error.message).toMatch(/phóng viên không sửa được nữa/);
    expect((await review(documentId)).title).toBe('Xã Tân Hòa ra quân làm thủy lợi');
  });

  it('the editor returns it only with a note, and the reporter fixes and resubmits', async () => {
    const bare = await update('editor', documentId, { reviewState: 'tra-lai' });
    expectStatus(bare, 400);
    expect(bare.data.error.message).toMatch(/ghi chú/);
    expect((await review(documentId)).reviewState).toBe('cho-duyet');

    expectStatus(await update('editor', documentId, { reviewState: 'tra-lai', reviewNote: 'Thiếu số liệu mét khối đất.' }), 200);
    expect(await review(documentId)).toMatchObject({ reviewState: 'tra-lai', reviewNote: 'Thiếu số liệu mét khối đất.' });

    expectStatus(await update('reporter', documentId, { body: withText(['Đoạn thứ nhất.', 'Xã nạo vét 12.000 m³ đất.']) }), 200);
    expectStatus(await update('reporter', documentId, { reviewState: 'cho-duyet' }), 200);
    // A new submission starts without the last note.
    expect(await review(documentId)).toMatchObject({ reviewState: 'cho-duyet', reviewNote: null });
  });

  it('the editor approves but cannot publish; editing an approved article sends it back to review', async () => {
    expectStatus(await update('editor', documentId, { reviewState: 'da-duyet' }), 200);
    expectStatus(await http().post(`${CM}/${documentId}/actions/publish`, {}, as('editor')), 403);

    expectStatus(await update('editor', documentId, { title: 'Xã Tân Hòa ra quân làm thủy lợi mùa khô' }), 200);
    expect((await review(documentId)).reviewState).toBe('cho-duyet');
    // A save that changes nothing keeps the approval (the admin sends every field on each save).
    expectStatus(await update('editor', documentId, { reviewState: 'da-duyet' }), 200);
    const same = await review(documentId);
    expectStatus(await update('editor', documentId, { title: same.title }), 200);
    expect((await review(documentId)).reviewState).toBe('da-duyet');
  });

  it('the publisher publishes an approved article, and a fix of theirs keeps it approved', async () => {
    const res = await http().post(`${CM}/${documentId}/actions/publish`, {}, as('publisher'));
    expectStatus(res, 200);
    const live = await http().get(`/api/articles/${documentId}`);
    expectStatus(live, 200);
    expect(live.data.data.title).toBe('Xã Tân Hòa ra quân làm thủy lợi mùa khô');
    // Review fields are internal: readers never see them.
    expect(live.data.data).not.toHaveProperty('reviewState');
    expect(live.data.data).not.toHaveProperty('reviewNote');

    expectStatus(await update('publisher', documentId, { title: 'Xã Tân Hòa ra quân làm thủy lợi mùa khô 2026' }), 200);
    expect((await review(documentId)).reviewState).toBe('da-duyet');
    expectStatus(await http().post(`${CM}/${documentId}/actions/publish`, {}, as('publisher')), 200);
  });

  it('keeps a version per publish: list, diff, restore into the draft', async () => {
    const list = await http().get(`/admin/toa-soan/articles/${documentId}/versions`, as('editor'));
    expectStatus(list, 200);
    const versions = list.data.data as Array<{ number: number; title: string; madeBy: string }>;
    expect(versions.map((v) => [v.number, v.title, v.madeBy])).toEqual([
      [2, 'Xã Tân Hòa ra quân làm thủy lợi mùa khô 2026', EMAILS.publisher],
      [1, 'Xã Tân Hòa ra quân làm thủy lợi mùa khô', EMAILS.publisher],
    ]);

    const diff = await http().get(`/admin/toa-soan/articles/${documentId}/versions/diff`, { params: { from: 1, to: 2 }, ...as('editor') });
    expectStatus(diff, 200);
    // Each changed field with its form label and its values as an editor reads them.
    expect(diff.data.data.fields).toEqual([
      {
        field: 'title',
        label: 'Tiêu đề',
        before: 'Xã Tân Hòa ra quân làm thủy lợi mùa khô',
        after: 'Xã Tân Hòa ra quân làm thủy lợi mùa khô 2026',
        beforeText: 'Xã Tân Hòa ra quân làm thủy lợi mùa khô',
        afterText: 'Xã Tân Hòa ra quân làm thủy lợi mùa khô 2026',
      },
    ]);
    expect(diff.data.data.bodyChanged).toBe(false);

    // The editor rewrites the draft, then compares it with what is live.
    expectStatus(await update('editor', documentId, { body: withText(['Đoạn thứ nhất.', 'Cả xã nạo vét 15.000 m³ đất.']), featured: true }), 200);
    const textDiff = await http().get(`/admin/toa-soan/articles/${documentId}/versions/diff`, { params: { from: 2, to: 'draft' }, ...as('editor') });
    expect(textDiff.data.data.bodyChanged).toBe(true);
    expect(textDiff.data.data.fields.map((f: Record<string, unknown>) => [f.label, f.beforeText, f.afterText])).toEqual([['Tin nổi bật', 'Không', 'Có']]);
    expect(textDiff.data.data.text).toEqual([
      { op: 'same', text: 'Đoạn thứ nhất.' },
      { op: 'removed', text: 'Xã nạo vét 12.000 m³ đất.' },
      { op: 'added', text: 'Cả xã nạo vét 15.000 m³ đất.' },
    ]);

    expectStatus(await http().post(`/admin/toa-soan/articles/${documentId}/versions/1/restore`, {}, as('reporter')), 403);
    const restored = await http().post(`/admin/toa-soan/articles/${documentId}/versions/1/restore`, {}, as('editor'));
    expectStatus(restored, 200);
    const draft = await review(documentId);
    expect(draft.title).toBe('Xã Tân Hòa ra quân làm thủy lợi mùa khô');
    const back = await http().get(`/admin/toa-soan/articles/${documentId}/versions/diff`, { params: { from: 1, to: 'draft' }, ...as('editor') });
    expect(back.data.data.fields).toEqual([]);
    expect(back.data.data.bodyChanged).toBe(false);
    // A restore is an edit: the restored draft goes through review again.
    expect(draft.reviewState).toBe('cho-duyet');
  });

  it('a copy of an approved article starts as a draft ("Nháp")', async () => {
    expect((await review(documentId)).reviewState).toBe('cho-duyet');
    expectStatus(await update('editor', documentId, { reviewState: 'da-duyet' }), 200);
    const copy = await http().post(`${CM}/clone/${documentId}`, { title: 'Bản sao' }, as('reporter'));
    expectStatus(copy, 200);
    expect(await review(copy.data.data.documentId)).toMatchObject({ title: 'Bản sao', reviewState: 'nhap' });
  });

  it('the publisher unpublishes; the editor cannot', async () => {
    expectStatus(await http().post(`${CM}/${documentId}/actions/unpublish`, {}, as('editor')), 403);
    expectStatus(await http().post(`${CM}/${documentId}/actions/unpublish`, {}, as('publisher')), 200);
    expectStatus(await http().get(`/api/articles/${documentId}`), 404);
  });

  it('the audit trail lists every step with who did it and from where', async () => {
    const rows = (await auditRows()).filter((row) => row.subjectId === documentId);
    const steps = rows.map((row) => [row.action, row.actor]);
    const expected = [
      ['create', EMAILS.reporter],
      ['submit', EMAILS.reporter],
      ['return', EMAILS.editor],
      ['submit', EMAILS.reporter],
      ['approve', EMAILS.editor],
      ['review-reset', EMAILS.editor],
      ['publish', EMAILS.publisher],
      ['publish', EMAILS.publisher],
      ['restore-version', EMAILS.editor],
      ['unpublish', EMAILS.publisher],
    ];
    // In order, among the updates recorded between them.
    let at = 0;
    for (const step of steps) if (at < expected.length && step[0] === expected[at]![0] && step[1] === expected[at]![1]) at++;
    expect(steps.slice(0, 3)).toContainEqual(['create', EMAILS.reporter]);
    expect(at, JSON.stringify(steps)).toBe(expected.length);
    expect(steps.filter(([action]) => action === 'update').length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.ip).toMatch(/127\.0\.0\.1/);
      expect(new Date(row.at).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
    }
    const returned = rows.find((row) => row.action === 'return')!;
    expect(JSON.parse(returned.details)).toMatchObject({ from: 'cho-duyet', to: 'tra-lai', note: 'Thiếu số liệu mét khối đất.' });
    // Refused attempts changed nothing, so they left no entry.
    expect(rows.filter((row) => row.actor === EMAILS.reporter && row.action === 'approve')).toEqual([]);
  });

  it('the audit screen reads one page at a time, filtered by article, user and action', async () => {
    const page = (who: keyof typeof jwt, params: Record<string, unknown>) => http().get('/admin/toa-soan/audit', { params, ...as(who) });
    const all = await page('publisher', { article: documentId, pageSize: 100 });
    expectStatus(all, 200);
    const entries = all.data.data as Array<{ at: string; action: string; actor: string; subjectId: string; ip: string }>;
    expect(entries.length).toBe(all.data.pagination.total);
    expect(entries.every((entry) => entry.subjectId === documentId)).toBe(true);
    // Newest first.
    expect(entries.map((entry) => entry.at)).toEqual([...entries.map((entry) => entry.at)].sort().reverse());
    expect(entries[0]!.action).toBe('unpublish');

    // By words of the title too, and by user and action together.
    const byTitle = await page('publisher', { article: 'thủy lợi mùa khô', pageSize: 100 });
    expect(byTitle.data.data.some((entry: { subjectId: string }) => entry.subjectId === documentId)).toBe(true);
    const returned = await page('superAdmin', { article: documentId, user: 'bientap', action: 'return' });
    expectStatus(returned, 200);
    expect(returned.data.data.map((entry: { action: string; actor: string }) => [entry.action, entry.actor])).toEqual([['return', EMAILS.editor]]);
    const userChanges = await page('superAdmin', { action: 'user-*', pageSize: 100 });
    expect(userChanges.data.data.length).toBeGreaterThan(0);
    expect(userChanges.data.data.every((entry: { action: string }) => entry.action.startsWith('user-'))).toBe(true);

    // Pages do not overlap and add up to the total.
    const first = await page('publisher', { article: documentId, pageSize: 10, page: 1 });
    const second = await page('publisher', { article: documentId, pageSize: 10, page: 2 });
    expect(first.data.pagination).toMatchObject({ page: 1, pageSize: 10, total: entries.length, pageCount: Math.ceil(entries.length / 10) });
    const ids = [...first.data.data, ...second.data.data].map((entry: { id: number }) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(entries.slice(0, ids.length).map((entry) => (entry as unknown as { id: number }).id));

    expectStatus(await page('publisher', { pageSize: 7 }), 400);
    // The Biên tập viên and the Phóng viên read neither the screen's route nor the export.
    for (const who of ['editor', 'reporter'] as const) {
      expectStatus(await page(who, {}), 403);
      expectStatus(await http().get('/admin/toa-soan/audit/export.csv', as(who)), 403);
    }
    expectStatus(await http().get('/admin/toa-soan/audit'), 401);
  });
});

describe('audit trail', () => {
  it('records admin user changes with who made them', async () => {
    const users = await http().get('/admin/users', { params: { filters: { email: { $eq: EMAILS.reporter } } }, ...as('superAdmin') });
    const reporterId = users.data.data.results[0].id as number;
    expectStatus(await http().put(`/admin/users/${reporterId}`, { firstname: 'Phóng viên', lastname: 'Nguyễn' }, as('superAdmin')), 200);
    const rows = await auditRows();
    const change = rows.find((row) => row.action === 'user-update' && row.subjectId === String(reporterId) && row.actor === cms.admin.email);
    expect(change, JSON.stringify(rows.filter((r) => r.action.startsWith('user')))).toBeDefined();
    expect(JSON.parse(change!.details).fields).toEqual(expect.arrayContaining(['firstname', 'lastname']));
    // The demo accounts were made at start, by the system.
    expect(rows.some((row) => row.action === 'user-create' && row.subjectTitle === EMAILS.editor && row.actor === 'system')).toBe(true);
  });

  it('cannot be edited nor deleted by anyone, and only the publisher and Super Admin read it', async () => {
    const audit = `/content-manager/collection-types/${AUDIT}`;
    const list = await http().get(audit, { params: { pageSize: 1 }, ...as('superAdmin') });
    expectStatus(list, 200);
    const total = list.data.pagination.total as number;
    const entry = list.data.results[0] as { documentId: string; action: string };

    for (const who of ['superAdmin', 'publisher'] as const) {
      const edit = await http().put(`${audit}/${entry.documentId}`, { action: 'nothing' }, as(who));
      expectStatus(edit, 403);
      const del = await http().delete(`${audit}/${entry.documentId}`, as(who));
      expectStatus(del, 403);
      // Super Admin holds every permission: the refusal is the audit rule's, not RBAC's.
      if (who === 'superAdmin') expect(del.data.error.message).toMatch(/Nhật ký thao tác/);
      expectStatus(await http().post(`${audit}/actions/bulkDelete`, { documentIds: [entry.documentId] }, as(who)), 403);
      expectStatus(await http().post(audit, { action: 'made up', actor: 'x', at: new Date().toISOString() }, as(who)), 403);
    }
    expectStatus(await http().get(audit, as('reporter')), 403);
    expectStatus(await http().get('/admin/toa-soan/audit/export.csv', as('editor')), 403);
    expectStatus(await http().get('/api/audit-entries', { headers: { Authorization: `Bearer ${cms.tokens.fullAccess}` } }), 404);

    const after = await http().get(audit, { params: { pageSize: 1, sort: 'id:asc' }, ...as('superAdmin') });
    expect(after.data.pagination.total).toBeGreaterThanOrEqual(total);
    const same = await http().get(`${audit}/${entry.documentId}`, as('publisher'));
    expectStatus(same, 200);
    expect(same.data.data.action).toBe(entry.action);
  });
});
