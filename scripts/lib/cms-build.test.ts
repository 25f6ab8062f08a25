/**
 * The CMS build stamps (site/CACHES.md): `npm start` compiles the server and bundles the admin
 * panel only when their inputs changed. A CMS folder of a few files stands in for cms/.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planCmsBuild } from './cms-build';

let dir: string;
const put = async (file: string, text: string) => {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), text);
};
/** Plans, then does the "build" (the outputs appear) and writes the stamps, as start.ts does. */
const planAndBuild = async () => {
  const plan = await planCmsBuild(true, dir);
  await put('dist/src/index.js', '');
  await put('dist/build/index.html', '');
  await plan.write();
  return { compile: plan.compile, admin: plan.admin };
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-cms-build-'));
  await put('package.json', '{"name":"cms"}');
  await put('tsconfig.json', '{}');
  await put('config/server.ts', 'export default {};');
  await put('src/index.ts', 'export default {};');
  await put('src/admin/app.tsx', 'export default {};');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CMS build stamps', () => {
  it('builds both the first time, then nothing while the inputs stay the same', async () => {
    expect(await planAndBuild()).toEqual({ compile: true, admin: true });
    expect(await planAndBuild()).toEqual({ compile: false, admin: false });
  });

  it('compiles again after a server file or the config changed, and bundles the admin only for its own files', async () => {
    await planAndBuild();
    await put('src/index.ts', 'export default { register() {} };');
    expect(await planAndBuild()).toEqual({ compile: true, admin: false });
    await put('config/server.ts', 'export default { port: 1 };');
    expect(await planAndBuild()).toEqual({ compile: true, admin: false });
    await put('src/admin/app.tsx', 'export default { config: {} };');
    expect(await planAndBuild()).toEqual({ compile: false, admin: true });
    await put('package.json', '{"name":"cms","version":"2"}');
    expect(await planAndBuild()).toEqual({ compile: true, admin: true });
  });

  it('builds again when an output is gone, whatever the stamp says', async () => {
    await planAndBuild();
    await rm(path.join(dir, 'dist', 'build', 'index.html'));
    expect(await planCmsBuild(true, dir)).toMatchObject({ compile: false, admin: true });
  });
});
