/**
 * The CMS's outputs of the newsroom vocabulary (src/newsroom): the roles come from the credit
 * schema, and every label the admin shows for a role is the vocabulary's, so changing a role's
 * words is one edit there. (The site's outputs: site/test/byline.test.ts; the importer's:
 * scripts/import/parse.test.ts; a byline line's summary in a real admin: admin-newsroom.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import credit from '../src/components/byline/credit.json';
import article from '../src/api/article/content-types/article/schema.json';
import { REVIEW_STATES, reviewStateLabels } from '../src/newsroom/desk';
import { COMPONENT_LABELS, CONTENT_TYPE_LABELS } from '../src/bootstrap/admin-labels';
import { findPublishingProblems, type StoredArticle } from '../src/documents/publishing-rules';
import { creditText } from '../src/newsroom/byline';
import { ROLES, ROLE_WORDS, roleOptionLabels } from '../src/newsroom/roles';

describe('newsroom vocabulary in the CMS', () => {
  it('takes the roles, in order, from the credit schema', () => {
    expect(ROLES).toEqual(credit.attributes.role.enum);
  });

  it('names every review state the article schema stores, and only those', () => {
    expect(REVIEW_STATES).toEqual(article.attributes.reviewState.enum);
    for (const language of ['vi', 'en'] as const) expect(Object.keys(reviewStateLabels(language))).toEqual(REVIEW_STATES);
    expect(CONTENT_TYPE_LABELS['api::article.article']!.reviewState!.description).toContain('cho-duyet = Chờ duyệt');
  });

  const photo = { image: { id: 1 }, caption: 'Quang cảnh.', credit: 'Lê Tính' };
  const text = { __component: 'body.text' as const, content: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung.' }] }] };
  const draftBy = (role: string): StoredArticle => ({
    title: 'Tiêu đề',
    body: [text],
    category: { id: 1 },
    cover: photo,
    gallery: [],
    publicationDate: '2025-06-01T00:00:00.000Z',
    // A line without a person or outlet: publishing names the line by its role.
    byline: [{ role, person: null, outlet: null }],
  });

  for (const role of ROLES) {
    it(`${role}: the admin's choices and hints, publishing messages and line summaries use its words`, () => {
      const { name, english, byline } = ROLE_WORDS[role];
      const vi = roleOptionLabels('vi')[role];
      expect(vi.startsWith(name)).toBe(true);
      expect(roleOptionLabels('en')[role]).toBe(`${english} (${name})`);
      expect(COMPONENT_LABELS['byline.credit']!.role!.description).toContain(`${role} = ${vi}`);
      expect(CONTENT_TYPE_LABELS['api::article.article']!.byline!.description).toContain(vi);
      const [problem] = findPublishingProblems(draftBy(role));
      expect(problem?.path).toEqual(['byline', 0, role === 'source' ? 'outlet' : 'person']);
      expect(problem?.message).toContain(`(${name})`);
      expect(creditText(role, 'Minh Khoa')).toBe(`${byline}: Minh Khoa`);
    });
  }

  it('tells editors which label the site adds to a photo credit', () => {
    expect(COMPONENT_LABELS['media.credited-photo']!.credit!.description).toContain(`"${ROLE_WORDS.photographer.byline}:"`);
    expect(COMPONENT_LABELS['byline.credit']!.outlet!.description).toContain(ROLE_WORDS.source.name);
  });
});
