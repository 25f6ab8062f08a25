import { describe, expect, it } from 'vitest';
import { PREVIEW_LIFETIME_MS, signPreviewUrl, verifyPreview } from '../src/lib/preview-url';

const SECRET = 'test-secret-9f2c';
const NOW = Date.UTC(2026, 0, 15, 3, 0, 0);

/** Signs a link, then checks its path's documentId and its query as the preview server reads them. */
function roundTrip(url: string, secret = SECRET, now = NOW) {
  const parsed = new URL(url);
  const documentId = decodeURIComponent(parsed.pathname.replace(/^\/xem-truoc\//, ''));
  return verifyPreview(documentId, parsed.searchParams, secret, now);
}

describe('preview links', () => {
  const link = signPreviewUrl('http://localhost:4323/', SECRET, { documentId: 'abc123', status: 'draft' }, NOW);

  it('point at /xem-truoc/<documentId> on the preview server and expire an hour later', () => {
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('http://localhost:4323/xem-truoc/abc123');
    expect(url.searchParams.get('status')).toBe('draft');
    expect(Number(url.searchParams.get('expires'))).toBe(NOW + PREVIEW_LIFETIME_MS);
    expect(url.searchParams.get('signature')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('verify while unexpired, naming the document and version', () => {
    expect(roundTrip(link)).toEqual({ ok: true, grant: { documentId: 'abc123', status: 'draft', expires: NOW + PREVIEW_LIFETIME_MS } });
    expect(roundTrip(link, SECRET, NOW + PREVIEW_LIFETIME_MS - 1).ok).toBe(true);
  });

  it('stop working when they expire', () => {
    expect(roundTrip(link, SECRET, NOW + PREVIEW_LIFETIME_MS)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse a signature made with another secret', () => {
    expect(roundTrip(link, 'another-secret')).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('cannot be widened to another article, version or time', () => {
    const other = new URL(link);
    other.pathname = '/xem-truoc/zzz999';
    expect(roundTrip(other.toString())).toEqual({ ok: false, reason: 'bad-signature' });
    const published = new URL(link);
    published.searchParams.set('status', 'published');
    expect(roundTrip(published.toString())).toEqual({ ok: false, reason: 'bad-signature' });
    const later = new URL(link);
    later.searchParams.set('expires', String(NOW + 10 * PREVIEW_LIFETIME_MS));
    expect(roundTrip(later.toString())).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuse a tampered, truncated or missing signature and malformed parameters', () => {
    const sig = new URL(link).searchParams.get('signature')!;
    const flipped = new URL(link);
    flipped.searchParams.set('signature', `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`);
    expect(roundTrip(flipped.toString())).toEqual({ ok: false, reason: 'bad-signature' });
    const short = new URL(link);
    short.searchParams.set('signature', sig.slice(0, 10));
    expect(roundTrip(short.toString())).toEqual({ ok: false, reason: 'bad-signature' });
    const missing = new URL(link);
    missing.searchParams.delete('signature');
    expect(roundTrip(missing.toString())).toEqual({ ok: false, reason: 'malformed' });
    for (const [name, value] of [['status', 'scheduled'], ['expires', 'soon'], ['expires', '-1']] as const) {
      const bad = new URL(link);
      bad.searchParams.set(name, value);
      expect(roundTrip(bad.toString()), `${name}=${value}`).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(roundTrip(link, '')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('are not made without a secret', () => {
    expect(() => signPreviewUrl('http://localhost:4323', '', { documentId: 'abc123', status: 'draft' })).toThrow(/PREVIEW_SECRET/);
  });

  it('work with the site host as preview server URL (nginx passing /xem-truoc/ on)', () => {
    const url = new URL(signPreviewUrl('https://tin.example.gov.vn', SECRET, { documentId: 'abc123', status: 'published' }, NOW));
    expect(url.origin + url.pathname).toBe('https://tin.example.gov.vn/xem-truoc/abc123');
    expect(roundTrip(url.toString()).ok).toBe(true);
  });
});
