/**
 * Checks that a photo's file can actually be fetched before an article refers to it: Astro's
 * image service would otherwise fail the whole build on one missing upload.
 */
import axios from 'axios';
import { createLimiter } from './client';
import type { SyncManifest } from './strapi-schemas';
import { absoluteMediaUrl, type PhotoCheck } from './to-entries';

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
  const limit = createLimiter(options.concurrency ?? 6);
  const seen = new Map<string, Promise<string | null>>();
  const check = async (url: string): Promise<string | null> => {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const res = await limit(() =>
          axios.head(url, { timeout: options.timeoutMs ?? 15_000, validateStatus: () => true, maxRedirects: 3 }),
        );
        if (res.status >= 200 && res.status < 300) return null;
        if (res.status < 500 && res.status !== 429) return `HTTP ${res.status}`;
      } catch (error) {
        if (attempt === 2) return (error as { code?: string }).code ?? String(error);
      }
      await new Promise((r) => setTimeout(r, 300 * 2 ** attempt));
    }
    return 'CMS kept failing';
  };
  return (url) => {
    let result = seen.get(url);
    if (!result) seen.set(url, (result = check(url)));
    return result;
  };
}
