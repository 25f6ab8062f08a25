import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type CmsServer } from '@toa-soan/scripts/testing';

let cms: CmsServer;

beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => {
  await cms?.stop();
});

describe('public access', () => {
  it('lets anonymous readers list articles', async () => {
    const res = await axios.get(`${cms.url}/api/articles`);
    expect(res.status).toBe(200);
    expect(res.data.data).toEqual([]);
  });

  it('refuses anonymous writes and sign-up', async () => {
    const create = await axios.post(`${cms.url}/api/articles`, { data: { title: 'x' } }, { validateStatus: () => true });
    expect([401, 403]).toContain(create.status);
    const signup = await axios.post(
      `${cms.url}/api/auth/local/register`,
      { username: 'reader', email: 'reader@example.test', password: 'Secret-123' },
      { validateStatus: () => true },
    );
    expect([401, 403]).toContain(signup.status);
  });
});
