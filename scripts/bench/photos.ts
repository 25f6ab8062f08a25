/**
 * The photo pool: 20 JPEGs drawn with sharp from a seed (no network, no stock files). Each has
 * smooth colour fields plus grain so it encodes like a photo, not like a flat test card, and
 * Astro's image work on them costs what real newsroom photos cost.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { createRandom } from './random';
import { PHOTO_SUBJECTS } from './text-bank';

export const PHOTO_WIDTH = 2000;
export const PHOTO_HEIGHT = 1333;

export interface PhotoFile {
  file: string;
  name: string;
  alternativeText: string;
}

export async function generatePhotos(dir: string, seed: number): Promise<PhotoFile[]> {
  await mkdir(dir, { recursive: true });
  const photos: PhotoFile[] = [];
  for (const [i, subject] of PHOTO_SUBJECTS.entries()) {
    const file = path.join(dir, `anh-${String(i + 1).padStart(2, '0')}.jpg`);
    (await drawPhoto(seed * 31 + i)).jpeg({ quality: 85, mozjpeg: false }).toFile(file);
    photos.push({ file, name: path.basename(file), alternativeText: subject });
  }
  return photos;
}

/** Smooth colour field drawn small and scaled up (cheap), then grain at full size. */
async function drawPhoto(seed: number): Promise<Sharp> {
  const random = createRandom(seed);
  const scale = 8;
  const w = Math.ceil(PHOTO_WIDTH / scale);
  const h = Math.ceil(PHOTO_HEIGHT / scale);
  const field = Buffer.alloc(w * h * 3);
  // Three colour "blobs" blended over a sky-to-field gradient.
  const blobs = Array.from({ length: 3 }, () => ({
    x: random.int(0, w),
    y: random.int(0, h),
    r: random.int(25, 110),
    c: [random.int(0, 255), random.int(0, 255), random.int(0, 255)],
  }));
  const top = [random.int(120, 220), random.int(160, 230), random.int(200, 255)];
  const bottom = [random.int(30, 110), random.int(90, 170), random.int(20, 90)];
  for (let y = 0; y < h; y++) {
    const t = y / h;
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 3;
      for (let ch = 0; ch < 3; ch++) {
        let v = top[ch]! * (1 - t) + bottom[ch]! * t;
        for (const b of blobs) {
          const d = Math.hypot(x - b.x, y - b.y) / b.r;
          if (d < 1) v = v * d + b.c[ch]! * (1 - d);
        }
        field[o + ch] = v;
      }
    }
  }
  const pixels = await sharp(field, { raw: { width: w, height: h, channels: 3 } })
    .resize(PHOTO_WIDTH, PHOTO_HEIGHT, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.max(0, Math.min(255, pixels[i]! + (random.next() - 0.5) * 36));
  return sharp(pixels, { raw: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3 } });
}
