// Starts Pagefind's UI on the search page with Vietnamese text and đ-folding (see site/README.md).
(function () {
  var root = document.getElementById('tim-kiem');
  var mark = root.dataset.foldMark;
  // Pagefind folds tone marks but not đ; the index holds đ-words with đ → d (see README).
  var foldD = function (text) { return text.replace(/đ/g, 'd').replace(/Đ/g, 'D'); };
  var escapeHtml = function (text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  };
  var plain = function (html) {
    return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  };
  // Excerpts must not show the hidden folded copy (`Dảng dồng dại…`) that follows the mark. An
  // excerpt holding the mark is cut there; one lying wholly after it is found by where its
  // first words sit in the page text.
  var fromFold = function (excerpt, content) {
    var text = content.replace(/\s+/g, ' ');
    var at = text.indexOf(mark);
    var probe = plain(excerpt).trim().split(/\s+/).slice(0, 4).join(' ');
    return at >= 0 && probe !== '' && text.indexOf(probe) > at;
  };
  var clean = function (excerpt, fallback, content) {
    var i = excerpt.indexOf(mark);
    if (i < 0) return fromFold(excerpt, content) ? fallback : excerpt;
    var kept = excerpt.slice(0, i).trim();
    // A few words left over from the end of the article say less than the sapo.
    return plain(kept).trim().split(/\s+/).length >= 8 ? kept : fallback;
  };
  var start = function (bundles) {
    var ui = new PagefindUI({
      element: '#tim-kiem',
      // A large archive is indexed as several bundles (site/scripts/index-search.ts): the first is
      // this page's own, the others are searched with it as one index.
      bundlePath: bundles[0],
      mergeIndex: bundles.slice(1).map(function (bundlePath) { return { bundlePath: bundlePath }; }),
      showImages: true,
      showSubResults: false,
      resetStyles: false,
      processTerm: foldD,
      processResult: function (result) {
        // Pagefind caches a page's result object and hands it over again (a new query, a filter
        // toggled): keep what is taken out of meta, and process each new excerpt once.
        if (result.excerpt === result.toaSoanExcerpt) return result;
        var meta = result.meta || {};
        var kept = result.toaSoanMeta || (result.toaSoanMeta = { sapo: meta.sapo || '', date: meta.date || '' });
        // The UI lists meta fields other than title and image as tags with their English keys
        // ("Date: …", "Sapo: …"); both are used here instead.
        delete meta.sapo;
        delete meta.date;
        var sapo = escapeHtml(kept.sapo);
        var content = result.content || '';
        var date = kept.date ? '<span class="search-date">' + escapeHtml(kept.date) + '</span> ' : '';
        result.excerpt = date + clean(result.excerpt, sapo, content);
        if (result.sub_results) result.sub_results.forEach(function (s) { s.excerpt = clean(s.excerpt, sapo, content); });
        result.toaSoanExcerpt = result.excerpt;
        return result;
      },
      translations: {
        placeholder: 'Nhập từ khóa, có dấu hoặc không dấu',
        clear_search: 'Xóa',
        load_more: 'Xem thêm kết quả',
        search_label: 'Tìm kiếm tin bài',
        filters_label: 'Bộ lọc',
        zero_results: 'Không tìm thấy kết quả cho [SEARCH_TERM]',
        many_results: '[COUNT] kết quả cho [SEARCH_TERM]',
        one_result: '[COUNT] kết quả cho [SEARCH_TERM]',
        alt_search: 'Không có kết quả cho [SEARCH_TERM]. Kết quả cho [DIFFERENT_TERM]',
        search_suggestion: 'Không có kết quả cho [SEARCH_TERM]. Hãy thử:',
        searching: 'Đang tìm [SEARCH_TERM]…',
        total_zero_results: 'Không có kết quả',
        total_one_result: '[COUNT] kết quả',
        total_many_results: '[COUNT] kết quả',
        results_label: 'Kết quả tìm kiếm',
        error_search: 'Tìm kiếm không thành công, xin thử lại',
        filter_selected_one: 'Đã chọn [COUNT]',
        filter_selected_many: 'Đã chọn [COUNT]',
        input_hint: 'Kết quả hiện ra khi bạn gõ',
        loading: 'Đang tải',
        keyboard_navigate: 'di chuyển',
        keyboard_select: 'chọn',
        keyboard_clear: 'xóa',
        keyboard_close: 'đóng',
        keyboard_search: 'tìm',
      },
    });
    var q = new URLSearchParams(location.search).get('q');
    if (q) ui.triggerSearch(q);
  };
  // Written by the index step next to this page. Should it be unreadable, search the first bundle
  // alone rather than not at all.
  fetch('/tim-kiem/bundles.json')
    .then(function (response) { return response.ok ? response.json() : null; })
    .catch(function () { return null; })
    .then(function (list) {
      var bundles = list && Array.isArray(list.bundles) ? list.bundles : ['/pagefind/'];
      if (bundles.length > 0) return start(bundles);
      root.textContent = 'Chưa có tin bài nào để tìm.';
    });
})();
