/**
 * The site's Astro config with a cache dir of the test's own (ASTRO_CACHE_DIR): the content
 * data store lives there, and other builds of this site running on the same machine (bench,
 * end-to-end) would otherwise replace it between the test's builds.
 */
import config from '../../astro.config';

export default { ...config, ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}) };
