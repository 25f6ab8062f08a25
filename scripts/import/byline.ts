/**
 * Bylines as the old portals printed them, on the last lines of an article:
 *   "BT: Nguyễn Thu + Hình: Lê Tính", "Biên tập: Hoàng Kha", "Tin và ảnh: Dương Tuấn",
 *   "Tin, ảnh: …", "Bài: … - Ảnh: …", "Bài và ảnh: …", "Tin: …", "Ảnh: …", "Theo Báo Đồng Tháp",
 *   "Nguồn: …", "PV", and bare names "Bích Hường – Văn Tịnh"; an outlet credit combined with
 *   labels on the same line, "Theo TTXVN - BT: Minh Khoa", "BT: Minh Khoa (Theo TTXVN)".
 */
import { printedPattern, ROLES } from '@toa-soan/cms/newsroom/roles';
import type { Credit, CreditRole } from './record';
import { cleanLine } from './text';

interface Label {
  pattern: string;
  roles: CreditRole[];
}

/**
 * Each role's printed forms (the newsroom vocabulary's), after the one combined form old portals
 * print: "Tin và ảnh" first, so it is not read as "Tin" followed by a name "và ảnh".
 */
const LABELS: Label[] = [
  { pattern: '(?:tin|bài|bài viết)\\s*(?:và|,|-|–|/|&)\\s*(?:ảnh|hình)', roles: ['writer', 'photographer'] },
  ...ROLES.map((role) => ({ pattern: printedPattern([role]), roles: [role] })),
];

const LABEL_GROUPS = LABELS.map((l) => `(${l.pattern})`).join('|');
/** A label followed by a colon, at the start or after a separator (+ - – ; , | or a space). */
const LABELLED = new RegExp(`(?:^|[\\s+;|,–-])(?:${LABEL_GROUPS})\\s*:`, 'giu');

/** "PV", "PV.", "Nhóm PV": the staff byline printed instead of a name. */
const STAFF = /^(?:nhóm\s+)?(pv|phóng viên)\.?$/iu;
/** "Theo Báo Đồng Tháp", "Theo baodongthap.vn": credit to another outlet, without a colon. */
const THEO = /^theo\s+(\S.*)$/iu;

/**
 * An outlet credit closing a line of other credits: "… (Theo TTXVN)", "… (Nguồn: Báo Đồng Tháp)",
 * "… - Theo TTXVN", "… - Nguồn: X". Capitalised "Theo" after a separator, so a sentence ending
 * "- theo kế hoạch" is not one (and what precedes must parse as a byline anyway).
 */
const TRAILING_SOURCE = /\s*(?:\(\s*(?:[Tt]heo\s+|[Nn]guồn\s*:\s*)([^()]+?)\s*\)|\s[-–—+|;,]\s*(?:Theo\s+|Nguồn\s*:\s*)([^()]+?))[\s.]*$/u;

const MAX_NAME_WORDS = 6;

function rolesOfGroup(match: RegExpExecArray): CreditRole[] {
  for (let i = 0; i < LABELS.length; i++) if (match[i + 1] !== undefined) return LABELS[i]!.roles;
  return [];
}

/** "Nguyễn Thu " / " Lê Tính./." / "Bích Hường – Văn Tịnh" → the names in it. */
function splitNames(text: string): string[] {
  return text
    .split(/\s+[-–—]\s+|\s*[,;&+]\s*|\s+và\s+|\s*[–—]\s*/u)
    .map((name) => name.replace(/^[\s+\-–—|:(]+|[\s+\-–—|:.)/]+$/gu, '').trim())
    .filter((name) => name !== '');
}

/** A personal name as printed: every word capitalised (Vietnamese names are), a few words long. */
export function looksLikeName(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 1 && words.length <= MAX_NAME_WORDS && words.every((w) => /^[\p{Lu}][\p{L}.'’]*$/u.test(w));
}

/**
 * The credits on one byline line, or null when the line is not a byline. `bareNames` lets a
 * line of names without any label ("Bích Hường – Văn Tịnh") count as writers: only the very
 * last line of an article gets that benefit, elsewhere such a line is more likely a caption.
 */
/** "Theo Báo Đồng Tháp", "Theo baodongthap.vn" as a source credit — but not a sentence such as "Theo kế hoạch, …". */
function theoCredit(text: string): Credit | null {
  const outlet = THEO.exec(text)?.[1]?.trim();
  if (outlet && outlet.length <= 120 && !/[.!?,;:]/u.test(outlet.replace(/\.(?=\w)/gu, '')) && (/^\p{Lu}/u.test(outlet) || /\w\.\w/u.test(outlet))) {
    return { role: 'source', name: outlet };
  }
  return null;
}

/** An outlet as credited: its own dashes and commas stay ("Báo Đồng Tháp - Online"), separators around it go. */
const tidyOutlet = (text: string) => text.replace(/^[\s:]+|[\s.+;|,\-–—]+$/gu, '');

export function parseByline(line: string, options: { bareNames?: boolean } = {}): Credit[] | null {
  let text = cleanLine(line);
  // A whole line in parentheses: "(Theo TTXVN)", "(BT: Minh Khoa)".
  const enclosed = /^\(([^()]*)\)$/u.exec(text);
  if (enclosed) text = enclosed[1]!.trim();
  if (text === '') return null;

  const tail = TRAILING_SOURCE.exec(text);
  if (tail && tail.index > 0) {
    const outlet = tidyOutlet(tail[1] ?? tail[2] ?? '');
    const rest = parseByline(text.slice(0, tail.index), options);
    if (rest && outlet) return [...rest, { role: 'source', name: outlet }];
  }

  const staff = STAFF.exec(text);
  if (staff) return [{ role: 'writer', name: 'PV' }];

  const labels = [...text.matchAll(LABELLED)];
  // Labels from the start, or after an outlet credit without a colon: "Theo TTXVN - BT: Minh Khoa".
  const before = labels.length > 0 ? text.slice(0, labels[0]!.index).replace(/[\s+;|,\-–—]+$/u, '') : '';
  const lead = before === '' ? null : theoCredit(before);
  if (labels.length > 0 && (before === '' || lead)) {
    const credits: Credit[] = lead ? [lead] : [];
    labels.forEach((label, i) => {
      const start = label.index + label[0].length;
      const end = labels[i + 1]?.index ?? text.length;
      const roles = rolesOfGroup(label);
      const segment = text.slice(start, end);
      // An outlet keeps its own dashes and commas ("Báo Đồng Tháp - Online").
      const names = roles.includes('source') ? [tidyOutlet(segment)] : splitNames(segment);
      for (const name of names.filter(Boolean)) {
        for (const role of roles) credits.push({ role, name: role === 'writer' && STAFF.test(name) ? 'PV' : name });
      }
    });
    return credits.length > 0 ? credits : null;
  }

  const theo = theoCredit(text);
  if (theo) return [theo];

  if (options.bareNames) {
    const names = splitNames(text);
    if (names.length >= 1 && names.length <= 4 && names.every(looksLikeName) && text.length <= 80) {
      return names.map((name) => ({ role: 'writer', name }));
    }
  }
  return null;
}

/** Same person and role once; source outlets compared the same way. */
export function dedupeCredits(credits: Credit[]): Credit[] {
  const seen = new Set<string>();
  return credits.filter((c) => {
    const key = `${c.role}|${cleanLine(c.name).toLocaleLowerCase('vi')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
