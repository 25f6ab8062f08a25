/**
 * The issuing body ("unit") of an article. Rule, in order:
 *  1. the portal line: "Cổng thông tin điện tử Huyện ủy X" → "Huyện ủy X"; a locality's own portal
 *     ("Cổng thông tin điện tử huyện X") is run by its People's Committee → "UBND huyện X";
 *  2. otherwise the first named body in the title, then the lead: "Huyện ủy Tháp Mười",
 *     "UBND huyện …", "HĐND huyện …", "Thị ủy …", "Thành ủy …", "Đảng ủy xã …";
 *  3. otherwise none (a bare "UBND huyện" without a place name says too little).
 */

const LOCALITY = '(?:huyện|thị xã|thành phố|tp\\.?|quận|xã|phường|thị trấn)';
const BODY = `(?:huyện ủy|huyện uỷ|thị ủy|thị uỷ|thành ủy|thành uỷ|tỉnh ủy|tỉnh uỷ|quận ủy|quận uỷ|(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|hđnd|hội đồng nhân dân|đảng ủy|đảng uỷ|ubmttq|mttq)\\s+${LOCALITY})`;
/** One to four capitalised words: the place name after a body. */
const PLACE = "((?:\\p{Lu}[\\p{Ll}\\p{Lu}'’]*)(?:\\s+\\p{Lu}[\\p{Ll}\\p{Lu}'’]*){0,3})";
/** Surnames: "UBND huyện Nguyễn Văn A" is a person's title, not a place. */
const SURNAMES = new Set(
  'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn lâm trương mai tô cao'.split(' '),
);

// Body words match in any case, the place name only capitalised: two regexes, since under the
// `i` flag \p{Lu} matches lower case letters too.
const BODY_IN_TEXT = new RegExp(`(?<!\\p{L})(${BODY})(?=\\s)`, 'giu');
const PLACE_AFTER = new RegExp(`^\\s+${PLACE}`, 'u');
const LOCALITY_ONLY = new RegExp(`^(${LOCALITY})(?=\\s)`, 'iu');
const BODY_ONLY = new RegExp(`^(${BODY})(?=\\s)`, 'iu');
const PLACE_ALONE = new RegExp(`^\\s+${PLACE}\\s*$`, 'u');

export interface NamedUnit {
  unit: string;
  /** The place name alone ("Tháp Mười"), to compare portal and text. */
  place: string;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

function tidyBody(body: string): string {
  return capitalise(body.replace(/\s+/g, ' ').replace(/^ủy ban nhân dân|^uỷ ban nhân dân/iu, 'UBND').replace(/^ubnd/iu, 'UBND').replace(/^hđnd/iu, 'HĐND'));
}

export function unitFromPortal(portal: string): NamedUnit | null {
  const body = BODY_ONLY.exec(portal);
  const bodyPlace = body ? PLACE_ALONE.exec(portal.slice(body[0].length))?.[1] : undefined;
  if (body?.[1] && bodyPlace) return { unit: `${tidyBody(body[1])} ${bodyPlace}`, place: bodyPlace };
  const locality = LOCALITY_ONLY.exec(portal);
  const place = locality ? PLACE_ALONE.exec(portal.slice(locality[0].length))?.[1] : undefined;
  if (locality?.[1] && place) return { unit: `UBND ${locality[1].toLocaleLowerCase('vi')} ${place}`, place };
  return null;
}

const isSurname = (word: string | undefined) => word !== undefined && SURNAMES.has(word.toLocaleLowerCase('vi'));

/**
 * The place in "Huyện ủy Tháp Mười Nguyễn Văn A …": place names are mostly two words, people's
 * names three or more starting with a surname. "UBND huyện Nguyễn Thái Hòa" names a person.
 */
function placeName(words: string | undefined): string | null {
  if (!words) return null;
  const list = words.split(/\s+/);
  if (list.length >= 3 && isSurname(list[0])) return null;
  const personAt = list.findIndex((w, i) => i >= 2 && isSurname(w));
  return (personAt > 0 ? list.slice(0, personAt) : list).join(' ');
}

export function unitFromText(texts: string[]): NamedUnit | null {
  for (const text of texts) {
    for (const m of text.matchAll(BODY_IN_TEXT)) {
      const body = m[1];
      const place = placeName(PLACE_AFTER.exec(text.slice(m.index + m[0].length))?.[1]);
      if (!body || !place) continue;
      return { unit: `${tidyBody(body)} ${place}`, place };
    }
  }
  return null;
}
