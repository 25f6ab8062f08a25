/**
 * Pagefind filter keys. The search page's filter panel shows them as headings, so they are the
 * Vietnamese words a reader expects, not code names.
 */
export const SEARCH_FILTERS = {
  category: 'Chuyên mục',
  person: 'Người thực hiện',
  year: 'Năm',
  unit: 'Đơn vị',
} as const;
