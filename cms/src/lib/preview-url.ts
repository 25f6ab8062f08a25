/**
 * Signed, expiring preview links: the one definition shared by the CMS (which hands a link to
 * the admin's "Open preview" button, config/admin.ts) and the preview server (which renders a
 * draft only for a link it can verify, site/preview/).
 *
 * A link names the article (documentId), which version (draft or published) and when it stops
 * working; an HMAC-SHA256 with PREVIEW_SECRET over exactly those three values is its signature.
 * Whoever holds a link may read that one version of that one article until it expires, and
 * nothing else: the link cannot be widened to another article, version or time without the secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where a preview lives on the preview server: /xem-truoc/<documentId>. */
export const PREVIEW_PATH = '/xem-truoc/';
/** How long a link works. An editor who keeps the preview open longer reopens it from the admin. */
export const PREVIEW_LIFETIME_MS = 60 * 60 * 1000;

export type PreviewStatus = 'draft' | 'published';

export interface PreviewGrant {
  documentId: string;
  status: PreviewStatus;
  /** Milliseconds since the epoch after which the link no longer works. */
  expires: number;
}

const signature = (grant: PreviewGrant, secret: string) =>
  createHmac('sha256', secret).update(`${grant.documentId}\n${grant.status}\n${grant.expires}`).digest('base64url');

/** The preview link for `documentId`, valid for PREVIEW_LIFETIME_MS from `now`. */
export function signPreviewUrl(
  previewUrl: string,
  secret: string,
  target: { documentId: string; status: PreviewStatus },
  now = Date.now(),
): string {
  if (!secret) throw new Error('PREVIEW_SECRET is empty: preview links cannot be signed');
  const grant: PreviewGrant = { ...target, expires: now + PREVIEW_LIFETIME_MS };
  const url = new URL(`${PREVIEW_PATH}${encodeURIComponent(grant.documentId)}`, `${previewUrl.replace(/\/+$/, '')}/`);
  url.searchParams.set('status', grant.status);
  url.searchParams.set('expires', String(grant.expires));
  url.searchParams.set('signature', signature(grant, secret));
  return url.toString();
}

export type PreviewCheck = { ok: true; grant: PreviewGrant } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

/**
 * Checks a request for /xem-truoc/<documentId>?status=…&expires=…&signature=…: the signature
 * first (compared in constant time), then the expiry, so an altered expiry reads as forged.
 */
export function verifyPreview(
  documentId: string,
  params: URLSearchParams,
  secret: string,
  now = Date.now(),
): PreviewCheck {
  const status = params.get('status');
  const expiresText = params.get('expires') ?? '';
  const given = params.get('signature') ?? '';
  if (!secret || !documentId || (status !== 'draft' && status !== 'published') || !/^\d{1,15}$/.test(expiresText) || !given) {
    return { ok: false, reason: 'malformed' };
  }
  const grant: PreviewGrant = { documentId, status, expires: Number(expiresText) };
  const expected = Buffer.from(signature(grant, secret));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'bad-signature' };
  if (grant.expires <= now) return { ok: false, reason: 'expired' };
  return { ok: true, grant };
}
