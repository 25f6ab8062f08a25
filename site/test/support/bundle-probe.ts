/**
 * `astro build` through Astro's own API with one more Vite plugin, which looks through every chunk
 * Vite writes, in every environment, for PROBE_TEXT and writes to PROBE_REPORT the chunks it saw
 * and those that contain it. The chunks of a static build are deleted when the build ends, so a
 * test cannot look for them afterwards. Run by test/support/astro-build.ts (`astro` option).
 */
import { writeFileSync } from 'node:fs';
import { build } from 'astro';

const text = process.env.PROBE_TEXT;
const report = process.env.PROBE_REPORT;
if (!text || !report) throw new Error('bundle-probe: set PROBE_TEXT and PROBE_REPORT');

const seen: string[] = [];
const containing: string[] = [];

await build({
  vite: {
    plugins: [
      {
        name: 'toa-soan:bundle-probe',
        generateBundle(_options, bundle) {
          for (const output of Object.values(bundle)) {
            if (output.type !== 'chunk') continue;
            seen.push(output.fileName);
            if (output.code.includes(text)) containing.push(output.fileName);
          }
          writeFileSync(report, JSON.stringify({ seen, containing }));
        },
      },
    ],
  },
});
