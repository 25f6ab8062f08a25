/**
 * Checks that a photo's file can actually be fetched before an article refers to it: Astro's
 * image service would otherwise fail the whole build on one missing upload.
 */
import axios from 'axios';
import { createLimiter } from './client';
import type { PhotoCheck } from './to-entries';

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
