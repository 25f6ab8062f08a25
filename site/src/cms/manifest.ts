/**
 * The sync manifest, read once per content sync and shared by every loader: one request tells
 * all collections which documents are published and when each last changed.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { CmsClient } from './client';
import { syncManifestSchema, type SyncManifest } from './strapi-schemas';

export const MANIFEST_PATH = '/api/sync-manifest';

/** Hands each loader the manifest of the current sync; `loader` is the asking loader's name. */
export type ManifestSource = (loader: string, logger: AstroIntegrationLogger) => Promise<SyncManifest>;

/**
 * A manifest is shared with loaders that have not used it yet. A loader asking a second time
 * means a new sync (`astro dev` re-syncs in the same process), and so does a manifest older than
 * `maxAgeMs` (a sync that ran only some loaders must not leave a stale one for the next): both
 * fetch a fresh one. In a build every loader starts within milliseconds, so there is one request.
 */
export function createManifestSource(client: CmsClient, maxAgeMs = 10_000): ManifestSource {
  let current: { manifest: Promise<SyncManifest>; at: number; takenBy: Set<string> } | undefined;
  return (loader, logger) => {
    if (!current || current.takenBy.has(loader) || Date.now() - current.at > maxAgeMs) {
      current = { manifest: fetchManifest(client, logger), at: Date.now(), takenBy: new Set() };
    }
    current.takenBy.add(loader);
    return current.manifest;
  };
}

async function fetchManifest(client: CmsClient, logger: AstroIntegrationLogger): Promise<SyncManifest> {
  const started = Date.now();
  const own = client.child();
  const manifest = await own.getData(MANIFEST_PATH, {}, syncManifestSchema);
  const counts = (['articles', 'categories', 'people', 'tags', 'units'] as const).map((key) => `${manifest[key].length} ${key}`);
  logger.info(`${MANIFEST_PATH}: ${counts.join(', ')} published (${own.requestCount} requests, ${Date.now() - started} ms)`);
  return manifest;
}
