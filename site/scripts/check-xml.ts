/**
 * Fails the build when an XML file it wrote (RSS feeds, sitemaps) is not well-formed: run by the
 * site's `build` script between `astro build` and the search index. A failed build is never
 * swapped in by the rebuild service, so the live site keeps its last good build and feed readers
 * never get a feed they cannot open.
 *
 * The output folder is SITE_OUT_DIR (relative to the working directory, as in astro.config.ts),
 * else `dist`. In a fast lane only the files it wrote are read: the others are the live build's,
 * checked when that was built. Plain Node (type stripping): run with `node`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readFastLane, type FastLaneSummary } from './fast-lane.ts';
import { malformedXmlFiles } from './xml-check.ts';

const outDir = path.resolve(process.env.SITE_OUT_DIR?.trim() || 'dist');
const lane = readFastLane(process.env);
const written = lane ? (JSON.parse(await readFile(lane.summaryFile, 'utf8')) as FastLaneSummary).written : undefined;
const problems = await malformedXmlFiles(outDir, written);
if (problems.length > 0) {
  for (const problem of problems) console.error(`[xml] ${problem}`);
  console.error(`[xml] XML check failed: ${problems.length} malformed XML file(s) in ${outDir}, first ${problems[0]}`);
  process.exit(1);
}
