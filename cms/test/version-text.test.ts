/** How the history screen writes a version's fields (cms/src/workflow/versions.ts `fieldText`). */
import { describe, expect, it } from 'vitest';
import { fieldText } from '../src/workflow/versions';

describe('fieldText', () => {
  it('names relations, byline lines and photos instead of ids', () => {
    expect(fieldText('category', { documentId: 'c1', name: 'Tin tức - Sự kiện' })).toBe('Tin tức - Sự kiện');
    expect(fieldText('tags', [{ documentId: 't1', name: 'Nông thôn mới' }, { documentId: 't2', name: 'Thủy lợi' }])).toBe('Nông thôn mới\nThủy lợi');
    expect(
      fieldText('byline', [
        { role: 'writer', person: { documentId: 'p1', name: 'Minh Khoa' } },
        { role: 'source', outlet: 'TTXVN', person: null },
      ]),
    ).toBe('Bài: Minh Khoa\nTheo: TTXVN');
    expect(fieldText('cover', { caption: 'Quang cảnh hội nghị.', credit: 'Lê Tính', image: { id: 3, url: '/uploads/a.jpg', name: 'hoi-nghi.jpg' } })).toBe(
      'Quang cảnh hội nghị. · Ảnh: Lê Tính · tệp hoi-nghi.jpg',
    );
  });

  it('writes dates in Vietnam time, yes/no in Vietnamese, and nothing for an empty field', () => {
    expect(fieldText('publicationDate', '2026-01-31T17:30:00.000Z')).toMatch(/^01\/02\/2026.*00:30|00:30.*01\/02\/2026$/);
    expect(fieldText('featured', false)).toBe('Không');
    expect(fieldText('tags', [])).toBe('');
    expect(fieldText('unit', null)).toBe('');
  });
});
