/** The widths photos are scaled to, in CSS pixels, and a photo's size at one of them. */
export const IMAGE_WIDTHS = {
  /** The article column: the cover and photos in the body. */
  article: 736,
  /** The lead card of the front page. */
  lead: 720,
  /** Cards in lists, gallery thumbnails. */
  card: 360,
  /** Each feed item's images (JPEG: feed readers do not all read AVIF or WebP). */
  feed: 800,
  /** The share image (og:image, JSON-LD; JPEG): large link previews want 1200 wide, so the admin asks for uploads at least that wide. */
  share: 1200,
} as const;

/** Widths a photo is offered at besides its layout width and 1.5× that (phones; small cards on dense screens). */
export const SRCSET_WIDTHS: readonly number[] = [360, 640];

/** The photo scaled to `maxWidth` at most (never up), keeping its aspect ratio. */
export function scaledSize(photo: { width: number; height: number }, maxWidth: number): { width: number; height: number } {
  const width = Math.min(photo.width, maxWidth);
  return { width, height: Math.round((photo.height * width) / photo.width) };
}
