/**
 * Generated exports in the old portals' style (chrome, `null` title line, lead date, byline at
 * the end) for tests and for measuring an archive import:
 *   tsx scripts/import/generate.ts --count 5000 --out /tmp/exports [--seed 1]
 * Text comes from the benchmark's text bank. Each file has its own day, so each is one article;
 * titles and leads naming a unit are drawn again, so the files leave the unit to `--unit`,
 * except one file in `otherUnitEvery`, which carries another unit's portal line.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRandom, type Random } from '../bench/random';
import { personName, outlet, sapo, sentence, title } from '../bench/text-bank';
import { unitFromText } from './unit';

export const OTHER_UNIT_PORTAL = 'Cổng thông tin điện tử UBND huyện Giồng Riềng';

export interface GenerateOptions {
  dir: string;
  count: number;
  seed?: number;
  /** Every n-th file (n, 2n, …) names another unit by its portal line; 0: none. */
  otherUnitEvery?: number;
}

const two = (n: number) => String(n).padStart(2, '0');

function byline(random: Random): string {
  const a = personName(random);
  const b = personName(random);
  return random.pick([
    `BT: ${a} + Hình: ${b}`,
    `Tin và ảnh: ${a}`,
    `Bài: ${a} - Ảnh: ${b}`,
    `Theo ${outlet(random)} - BT: ${a}`,
    `BT: ${a} (Theo TTXVN)`,
    `${a} – ${b}`,
  ]);
}

/** A text that names no unit, so the file leaves its unit to the run. */
function unnamed(random: Random, make: (random: Random) => string): string {
  for (;;) {
    const text = make(random);
    if (!unitFromText([text])) return text;
  }
}

export function exportText(i: number, random: Random, otherUnit: boolean): string {
  // One day per file from 1 January 2012: 5,000 files end in 2025, before the district level did.
  const day = new Date(Date.UTC(2012, 0, 1 + i));
  const date = `${two(day.getUTCDate())}/${two(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
  const headline = unnamed(random, title);
  const lead = unnamed(random, sapo).replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('vi'));
  const paragraphs = Array.from({ length: random.int(2, 5) }, () =>
    Array.from({ length: random.int(2, 4) }, () => sentence(random)).join(' '),
  );
  // The portals end an article with "./.".
  paragraphs.push(`${paragraphs.pop()!.replace(/\.?$/, '')}./.`);
  return [
    'Xuất bản thông tin',
    ...(otherUnit ? [OTHER_UNIT_PORTAL] : []),
    `null ${headline}`,
    'Chi tiết bài viết Tin tức',
    headline,
    `${random.pick(['Sáng', 'Chiều', 'Ngày'])} ${date}, ${lead}`,
    ...paragraphs,
    byline(random),
    'Số lượt truy cập: ' + random.int(10, 5000),
  ]
    .join('\n\n')
    .concat('\n');
}

/** Writes `count` export files into `dir`; returns their paths. */
export async function generateExports(options: GenerateOptions): Promise<string[]> {
  const random = createRandom(options.seed ?? 1);
  await mkdir(options.dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const file = path.join(options.dir, `bai-${String(i + 1).padStart(5, '0')}.txt`);
    const every = options.otherUnitEvery ?? 0;
    await writeFile(file, exportText(i, random, every > 0 && (i + 1) % every === 0));
    files.push(file);
  }
  return files;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '5000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, 'other-unit-every': { type: 'string', default: '0' } } });
  if (!values.out) {
    process.stderr.write('Usage: tsx scripts/import/generate.ts --count N --out DIR [--seed N] [--other-unit-every N]\n');
    process.exit(2);
  }
  const files = await generateExports({ dir: values.out, count: Number(values.count), seed: Number(values.seed), otherUnitEvery: Number(values['other-unit-every']) });
  process.stdout.write(`${files.length} export files in ${values.out}\n`);
}
