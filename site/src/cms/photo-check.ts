/**
 * Checks that a photo's file can actually be fetched before an article refers to it: Astro's
 * image service would otherwise fail the whole build on one missing upload.
 */
import axios from 'axios';
import pLimit from 'p-limit';
import pRetry from 'p-retry';
import type { SyncManifest } from './strapi-schemas';
import { absoluteMediaUrl } from '@toa-soan/cms/newsroom/media';
import type { PhotoCheck } from './to-entries';

/**
 * For the CMS's own uploads (`<CMS_URL>/uploads/…`), the answer of the sync manifest, which lists
 * the uploads whose file is gone: no request per photo, which on a cold build of an archive with a
 * photo per article would be thousands. Other URLs (a cloud upload provider's), and every URL when
 * the CMS sends no such list, go to `other`.
 */
export function checkAgainstManifest(manifest: SyncManifest, cmsUrl: string, other: PhotoCheck): PhotoCheck {
  if (!manifest.missingUploads) return other;
  const missing = new Set(manifest.missingUploads.map((url) => absoluteMediaUrl(url, cmsUrl)));
  const uploads = absoluteMediaUrl('/uploads/', cmsUrl);
  return (url) => (url.startsWith(uploads) ? Promise.resolve(missing.has(url) ? 'the CMS no longer has the file' : null) : other(url));
}

export function createPhotoCheck(options: { timeoutMs?: number; concurrency?: number } = {}): PhotoCheck {
  const limit = pLimit(options.concurrency ?? 6);
  const seen = new Map<string, Promise<string | null>>();
  const head = async (url: string): Promise<string | null> => {
    const res = await limit(() => axios.head(url, { timeout: options.timeoutMs ?? 15_000, validateStatus: () => true, maxRedirects: 3 }));
    if (res.status >= 200 && res.status < 300) return null;
    if (res.status < 500 && res.status !== 429) return `HTTP ${res.status}`;
    throw new Error('CMS kept failing');
  };
  // Three attempts for network errors, 5xx and 429; then the reason is the last failure.
  const check = (url: string) =>
    pRetry(() => head(url), { retries: 2, minTimeout: 300 }).catch((error: { code?: string; message: string }) => error.code ?? error.message);
  return (url) => {
    let result = seen.get(url);
    if (!result) seen.set(url, (result = check(url)));
    return result;
  };
}
