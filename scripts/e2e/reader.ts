/// <reference lib="dom" />
/**
 * Reader-side helpers: waiting for the rebuilt site, accessibility and keyboard checks.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import axios from 'axios';
import type { Page } from 'playwright-core';
import { waitFor } from '../lib/wait-for';

/** Polls a page of the static site until its HTML contains `text` (the rebuild landed). */
export async function waitForSiteText(url: string, text: string, timeoutMs: number, diagnostics: () => string): Promise<void> {
  await waitFor(
    async () => {
      const res = await axios.get<string>(url, { responseType: 'text', validateStatus: () => true }).catch(() => null);
      return res?.status === 200 && res.data.includes(text) ? true : undefined;
    },
    { timeoutMs, intervalMs: 1000, timeoutError: () => new Error(`${url} did not show "${text}" within ${timeoutMs / 1000} s. ${diagnostics()}`) },
  );
}

/** Today's date as the portal prints it (dd/mm/yyyy, Vietnam time). */
export function vietnamDate(date = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

let axeSource: Promise<string> | undefined;

/** Runs axe-core (WCAG 2.x A/AA rules) in the page and returns serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated over the DevTools protocol, not as a <script>: the site's CSP (sent by the static
  // server too) forbids inline scripts.
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

/** How the focused element shows its focus: outline or box-shadow, as computed. */
export async function focusIndicator(page: Page): Promise<{ element: string; outline: string; boxShadow: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { element: 'body', outline: 'none', boxShadow: 'none' };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? 'none' : `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
    return { element: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 40) ?? ''}`, outline, boxShadow: style.boxShadow };
  });
}
