/**
 * The two admin-API calls scripts need against a running Strapi: log in as an admin and make a
 * content API token. Used by the live measurement and by the test harness.
 */
import { randomBytes } from 'node:crypto';
import axios from 'axios';

export async function adminLogin(url: string, email: string, password: string): Promise<string> {
  const res = await axios.post(`${url}/admin/login`, { email, password }, { validateStatus: () => true });
  const token = res.data?.data?.token;
  if (res.status !== 200 || typeof token !== 'string') {
    throw new Error(`Admin login at ${url} failed: ${res.status} ${JSON.stringify(res.data).slice(0, 300)}`);
  }
  return token;
}

export async function createApiToken(url: string, adminJwt: string, type: 'full-access' | 'read-only'): Promise<string> {
  const res = await axios.post(
    `${url}/admin/api-tokens`,
    { name: `test-${type}-${randomBytes(4).toString('hex')}`, type, lifespan: null },
    { headers: { Authorization: `Bearer ${adminJwt}` }, validateStatus: () => true },
  );
  const key = res.data?.data?.accessKey;
  if (res.status !== 201 || typeof key !== 'string') {
    throw new Error(`Creating a ${type} API token failed: ${res.status} ${JSON.stringify(res.data).slice(0, 300)}`);
  }
  return key;
}
