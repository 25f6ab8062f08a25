/** Human-readable output: the dry-run listing and the end-of-run summary. */
import { ROLE_WORDS } from '@toa-soan/cms/newsroom/roles';
import type { ImportReport, Outcome } from './importer';
import type { ParsedFile } from './files';

export function dryRunText(parsed: ParsedFile[]): string {
  const out: string[] = [];
  for (const p of parsed) {
    if ('error' in p) {
      out.push(`✗ ${p.file}: skipped, ${p.error}`);
      continue;
    }
    const a = p.article;
    const credits = a.credits.map((c) => `${ROLE_WORDS[c.role].name}: ${c.name}`).join(', ') || '(no byline)';
    out.push(`✓ ${p.file}`);
    out.push(`    ${a.title}`);
    out.push(`    ${a.publishedAt ?? '(no date)'} · ${a.category ?? '(no category)'} · ${a.unit ?? '(no unit)'}`);
    out.push(`    ${credits} · ${a.paragraphs.length} paragraph(s), ${a.captions.length} caption(s)`);
    for (const w of a.warnings) out.push(`    ! ${w}`);
  }
  const ok = parsed.filter((p) => 'article' in p).length;
  out.push('', `${ok} parsed, ${parsed.length - ok} skipped (dry run: nothing written)`);
  return out.join('\n');
}

function count(outcomes: Outcome[], status: Outcome['status']) {
  const all = outcomes.filter((o) => o.status === status);
  const drafts = all.filter((o) => o.published === false).length;
  return { total: all.length, drafts };
}

export function importSummary(report: ImportReport): string {
  const { outcomes } = report;
  const created = count(outcomes, 'created');
  const updated = count(outcomes, 'updated');
  const lines = [
    `Created ${created.total} (${created.total - created.drafts} published, ${created.drafts} draft), ` +
      `updated ${updated.total} (${updated.total - updated.drafts} published, ${updated.drafts} draft), ` +
      `imported before ${count(outcomes, 'existing').total}, skipped ${count(outcomes, 'skipped').total}, failed ${count(outcomes, 'failed').total}`,
  ];
  const section = (title: string, rows: Outcome[]) => {
    if (rows.length === 0) return;
    lines.push('', title);
    for (const o of rows) lines.push(`  ${o.file}: ${o.reason ?? ''}`);
  };
  section('Drafts (not published):', outcomes.filter((o) => o.published === false));
  section('Skipped:', outcomes.filter((o) => o.status === 'skipped'));
  section('Failed:', outcomes.filter((o) => o.status === 'failed'));
  const warned = outcomes.filter((o) => o.warnings.length > 0 && o.status !== 'skipped' && o.status !== 'existing');
  if (warned.length > 0) {
    lines.push('', 'Warnings:');
    for (const o of warned) for (const w of o.warnings) lines.push(`  ${o.file}: ${w}`);
  }
  const failed = count(outcomes, 'failed').total;
  if (failed > 0 && !report.refused) {
    lines.push('', `${failed} file(s) failed (listed above): the import is incomplete. Fix them and run again; articles already imported are left as they are, not duplicated.`);
  }
  if (report.refused) lines.push('', `The CMS refused: ${report.refused}`);
  if (report.interrupted) lines.push('', `Interrupted: ${report.notAttempted.length} file(s) not attempted. Run the same command again to finish; what was imported is skipped.`);
  else if (report.notAttempted.length > 0) lines.push(`Stopped; not attempted: ${report.notAttempted.join(', ')}`);
  return lines.join('\n');
}
