/** Photo checks answered from the sync manifest, or by asking (src/cms/photo-check.ts). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkAgainstManifest, createPhotoCheck } from '../src/cms/photo-check';
import type { SyncManifest } from '../src/cms/strapi-schemas';

const manifest = (missingUploads?: string[]): SyncManifest => ({ articles: [], categories: [], people: [], tags: [], units: [], siteSetting: null, ...(missingUploads ? { missingUploads } : {}) });

describe('checkAgainstManifest', () => {
  it('answers for the CMS’s own uploads from the list of missing files, without a request', async () => {
    const asked: string[] = [];
    const other = async (url: string) => (asked.push(url), null);
    const check = checkAgainstManifest(manifest(['/uploads/anh_hop_2.jpg', '/uploads/ảnh đã mất.jpg']), 'http://cms.example:1337', other);
    expect(await check('http://cms.example:1337/uploads/anh_hop_2.jpg')).toBe('the CMS no longer has the file');
    expect(await check(new URL('/uploads/ảnh đã mất.jpg', 'http://cms.example:1337').toString())).toBe('the CMS no longer has the file');
    expect(await check('http://cms.example:1337/uploads/anh_hop_1.jpg')).toBeNull();
    expect(asked).toEqual([]);
    // A cloud provider's URL is not the CMS's to vouch for.
    expect(await check('https://cdn.example.vn/anh_hop_2.jpg')).toBeNull();
    expect(asked).toEqual(['https://cdn.example.vn/anh_hop_2.jpg']);
  });

  it('asks for every photo when the CMS sends no list (a CMS older than the list)', async () => {
    const other = async () => 'HTTP 404';
    expect(checkAgainstManifest(manifest(), 'http://cms.example:1337', other)).toBe(other);
  });
});

describe('createPhotoCheck', () => {
  it('asks once per photo within a check, and a new check (the next sync) asks again', async () => {
    let present = false;
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      res.statusCode = present ? 200 : 404;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/anh.jpg`;
      const check = createPhotoCheck();
      expect(await Promise.all([check(url), check(url)])).toEqual(['HTTP 404', 'HTTP 404']);
      expect(await check(url)).toBe('HTTP 404');
      expect(asked).toEqual(['HEAD /anh.jpg']);
      present = true;
      expect(await createPhotoCheck()(url)).toBeNull();
      expect(asked).toHaveLength(2);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
