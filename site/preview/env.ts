/**
 * The preview server's settings, read at run time (not baked into its build): the site's own
 * (CMS_URL, SITE_URL) plus what a preview needs beyond a build.
 */
import { readEnv, type SiteEnv } from '../src/env';

export interface PreviewEnv extends Pick<SiteEnv, 'cmsUrl' | 'siteUrl'> {
  /** An API token that may read drafts (the CMS keeps one keyed PREVIEW_TOKEN; readers without a token never see drafts). */
  strapiToken: string;
  /** The CMS's PREVIEW_SECRET: preview links are signed with it. */
  previewSecret: string;
  /** The origin editors open the admin at, the only page allowed to frame a preview. */
  adminOrigin: string;
}

export function readPreviewEnv(env: NodeJS.ProcessEnv = process.env): PreviewEnv {
  const site = readEnv(env);
  const strapiToken = site.strapiToken;
  const previewSecret = env.PREVIEW_SECRET?.trim();
  if (!strapiToken) throw new Error('STRAPI_TOKEN is not set: the preview server reads drafts with an API token (the CMS keeps one whose key is its PREVIEW_TOKEN)');
  if (!previewSecret) throw new Error('PREVIEW_SECRET is not set: give the preview server the CMS\'s PREVIEW_SECRET, which signs preview links');
  const adminUrl = env.CMS_PUBLIC_URL?.trim() || site.cmsUrl;
  let adminOrigin: string;
  try {
    adminOrigin = new URL(adminUrl).origin;
  } catch {
    throw new Error(`CMS_PUBLIC_URL is not a URL: "${adminUrl}" (expected where editors open the admin, e.g. https://cms.example.gov.vn)`);
  }
  return { cmsUrl: site.cmsUrl, siteUrl: site.siteUrl, strapiToken, previewSecret, adminOrigin };
}
