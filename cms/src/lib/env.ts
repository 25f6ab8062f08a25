/**
 * Environment reading that treats an empty value as unset.
 *
 * A generated `.env` often carries lines like `DATABASE_FILENAME=`; Strapi's own `env()` returns ''
 * for those, which then breaks start-up ("unable to open database file"). Every config file reads
 * through these helpers instead.
 */
export function envString(name: string): string | undefined;
export function envString(name: string, fallback: string): string;
export function envString(name: string, fallback?: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : fallback;
}

export function envInt(name: string, fallback: number): number {
  const raw = envString(name);
  if (raw === undefined) return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value)) {
    throw new Error(`Environment variable ${name}="${raw}" is not a whole number`);
  }
  return value;
}

export function envBool(name: string, fallback: boolean): boolean {
  const raw = envString(name);
  if (raw === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`Environment variable ${name}="${raw}" must be true or false`);
}
