// The search page: Pagefind's search API with our own rendering, Vietnamese text and đ-folding
// (see site/README.md, "Search"). Everything that comes from the index (titles, sapos, excerpts,
// filter names and values) is editor-controlled text: it reaches the page as text nodes only.
(function () {
  var root = document.getElementById('tim-kiem');
  var mark = root.dataset.foldMark;
  var form = root.querySelector('.search-form');
  var input = root.querySelector('input[type=search]');
  var clearButton = root.querySelector('.search-clear');
  var status = root.querySelector('.search-status');
  var list = root.querySelector('.search-list');
  var moreButton = root.querySelector('.search-more');
  var filterPanel = root.querySelector('.search-filters');
  var filterToggle = root.querySelector('.search-filters-toggle');
  var filterGroups = root.querySelector('.search-filter-groups');
  var PAGE = 10;

  // Pagefind folds tone marks but not đ; the index holds đ-words with đ → d (see README).
  var foldD = function (text) { return text.replace(/đ/g, 'd').replace(/Đ/g, 'D'); };

  // The query's words as Pagefind gets them, each once (a word of punctuation alone is none).
  var wordsOf = function (term) {
    var seen = {};
    return (term || '').split(/\s+/).filter(function (word) {
      var key = word.toLowerCase();
      var keep = /[\p{L}\p{N}]/u.test(word) && !seen[key];
      seen[key] = true;
      return keep;
    });
  };

  var el = function (tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // Pagefind builds excerpts from the page text with only < and > escaped (`raw_content`), then
  // wraps the matched words in <mark>: those are the only tags in it. The excerpt is split at
  // them and the rest reaches the page as text, never parsed as HTML.
  var fromPagefind = function (text) { return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>'); };
  var textOf = function (excerpt) { return fromPagefind(excerpt.replace(/<\/?mark>/g, '')); };
  var excerptNodes = function (excerpt) {
    var marked = false;
    return excerpt.split(/(<\/?mark>)/).reduce(function (nodes, part) {
      if (part === '<mark>' || part === '</mark>') marked = part === '<mark>';
      else if (part) nodes.push(marked ? el('mark', '', fromPagefind(part)) : document.createTextNode(fromPagefind(part)));
      return nodes;
    }, []);
  };

  // Excerpts must not show the hidden folded copy (`Dảng dồng dại…`) that follows the mark. An
  // excerpt holding the mark is cut there; one lying wholly after it is found by where its
  // first words sit in the page text. Returns the excerpt HTML to show, or null for the sapo.
  var fromFold = function (excerpt, content) {
    var text = content.replace(/\s+/g, ' ');
    var at = text.indexOf(mark);
    var probe = textOf(excerpt).trim().split(/\s+/).slice(0, 4).join(' ');
    return at >= 0 && probe !== '' && text.indexOf(probe) > at;
  };
  var cleanExcerpt = function (excerpt, content) {
    var i = excerpt.indexOf(mark);
    if (i < 0) return fromFold(excerpt, content) ? null : excerpt;
    var kept = excerpt.slice(0, i).trim();
    // A few words left over from the end of the article say less than the sapo.
    return textOf(kept).trim().split(/\s+/).length >= 8 ? kept : null;
  };

  var renderResult = function (data) {
    var meta = data.meta || {};
    var item = el('li', 'search-result');
    if (meta.image) {
      var img = el('img', 'search-thumb');
      img.src = meta.image;
      img.alt = meta.image_alt || '';
      img.loading = 'lazy';
      item.appendChild(img);
    }
    var body = el('div', 'search-result-body');
    var heading = el('h2', 'search-result-title');
    var link = el('a', '', meta.title || data.url);
    link.href = data.url;
    heading.appendChild(link);
    body.appendChild(heading);
    var excerpt = el('p', 'search-excerpt');
    if (meta.date) {
      excerpt.appendChild(el('span', 'search-date', meta.date));
      excerpt.appendChild(document.createTextNode(' '));
    }
    var kept = cleanExcerpt(data.excerpt || '', data.content || '');
    if (kept !== null) excerptNodes(kept).forEach(function (n) { excerpt.appendChild(n); });
    else excerpt.appendChild(document.createTextNode(meta.sapo || ''));
    body.appendChild(excerpt);
    item.appendChild(body);
    return item;
  };

  // `bundles` lists the index's bundles newest first (site/scripts/index-search.ts); the first is
  // loaded. A search covers the merged ones and merges older ones only while it lacks a page of
  // results, so a first search of a large archive fetches a few small recent bundles, not all.
  var start = function (pagefind, bundles) {
    var merged = 1; // bundles handed to mergeIndex: a search covers every one handed before it
    var all = null; // every filter name → value → number of articles, once the reader opens the filters
    var selected = {}; // filter name → list of chosen values
    var current = null; // the latest search: what it asked, its results, which are shown

    // Pagefind searches every merged index at once (a later search includes an index whose
    // merge is still loading) and ranks their results together.
    var mergeUpTo = function (count) {
      bundles.slice(merged, count).forEach(function (bundle) {
        // A bundle that fails to load fails the next search, which says so.
        pagefind.mergeIndex(bundle).catch(function () {});
      });
      merged = Math.max(merged, count);
    };

    var chosenFilters = function () {
      var filters = {};
      Object.keys(selected).forEach(function (name) {
        // A page has one category and one year: within a filter, any chosen value matches.
        if (selected[name].length) filters[name] = { any: selected[name] };
      });
      return filters;
    };

    // Every value is listed with how many of the current results have it: with one category
    // chosen, the others (0) can still be added to it.
    var renderFilters = function (counts) {
      filterGroups.replaceChildren();
      Object.keys(all).forEach(function (name) {
        var chosen = selected[name] || [];
        var values = Object.keys(all[name]);
        if (!values.length) return;
        var block = el('details', 'search-filter');
        block.open = chosen.length > 0;
        var summary = el('summary', '', name);
        if (chosen.length) summary.appendChild(el('span', 'search-filter-chosen', ' (đã chọn ' + chosen.length + ')'));
        block.appendChild(summary);
        var group = el('fieldset');
        group.appendChild(el('legend', 'visually-hidden', name));
        values.sort(function (a, b) { return a.localeCompare(b, 'vi'); }).forEach(function (value) {
          var label = el('label', 'search-filter-value');
          var box = el('input');
          box.type = 'checkbox';
          box.checked = chosen.indexOf(value) >= 0;
          box.dataset.filter = name;
          box.dataset.value = value;
          box.addEventListener('change', function () {
            var now = (selected[name] || []).filter(function (v) { return v !== value; });
            if (box.checked) now.push(value);
            selected[name] = now;
            run(0).catch(fail);
          });
          label.appendChild(box);
          label.appendChild(document.createTextNode(value + ' (' + ((counts[name] || {})[value] || 0) + ')'));
          group.appendChild(label);
        });
        block.appendChild(group);
        filterGroups.appendChild(block);
      });
    };
    // The panel is built anew when the counts change: open groups stay open and a focused
    // checkbox keeps the keyboard focus. (Compared as data, never put into a selector.)
    var updateFilters = function (counts) {
      if (!all) return;
      var open = {};
      filterGroups.querySelectorAll('details[open] > summary').forEach(function (s) { open[s.firstChild.textContent] = true; });
      var focused = filterGroups.contains(document.activeElement) ? document.activeElement.dataset : null;
      renderFilters(counts);
      filterGroups.querySelectorAll('details > summary').forEach(function (s) {
        if (open[s.firstChild.textContent]) s.parentNode.open = true;
      });
      if (focused) {
        filterGroups.querySelectorAll('input[type=checkbox]').forEach(function (box) {
          if (box.dataset.filter === focused.filter && box.dataset.value === focused.value) box.focus();
        });
      }
    };

    // Pagefind leaves out of a query the words a bundle lacks entirely, so a bundle without a rare
    // word answers with pages holding the other words only. A result holds every word when each
    // word, searched alone, finds it too: Pagefind's own matching (folding, word prefixes) on the
    // index chunks the whole query loaded, so no page text is fetched to tell. Resolves to a test
    // of a result; a query of one word (or filters alone) has no partial matches.
    var fullMatch = function (query) {
      if (query.words.length < 2) return Promise.resolve(function () { return true; });
      return Promise.all(query.words.map(function (word) { return pagefind.search(word, query.options); })).then(function (answers) {
        var found = answers.map(function (answer) {
          var ids = {};
          answer.results.forEach(function (r) { ids[r.id] = true; });
          return ids;
        });
        return function (result) { return found.every(function (ids) { return ids[result.id] === true; }); };
      });
    };
    var fullLeft = function (query) { return query.left.filter(query.isFull).length; };

    // The counts cover the bundles searched so far: until the oldest is searched it says so.
    // Results missing some of the words are counted apart.
    var describe = function (query) {
      var partial = query.results.length - query.full;
      var subject = query.typed ? (partial ? ' có đủ các từ “' : ' cho “') + query.typed + '”' : '';
      var text = query.full === 0 && query.complete ? 'Không tìm thấy kết quả' + subject : query.full + ' kết quả' + subject;
      if (partial) text += (query.full === 0 ? '; ' : ', ') + partial + ' kết quả chỉ có một số từ';
      return query.complete ? text : text + ' trong các tin mới nhất (chưa tìm trong tin cũ hơn)';
    };

    // Takes a search's answer; while fewer than `need` results with every word are left to show
    // and older bundles remain, merges more (as many as are merged: 1, 1, 2, 4, 8…, so a word
    // found only in the oldest years takes a few steps, not one per bundle) and searches again.
    // Results already shown stay where they are; of the others, those with every word come
    // first, each part in Pagefind's order.
    var settle = function (query, found, covered, need) {
      if (query !== current) return Promise.resolve();
      return fullMatch(query).then(function (isFull) {
        if (query !== current) return;
        var unseen = found.results.filter(function (r) { return !query.seen[r.id]; });
        query.results = found.results;
        query.counts = found.filters;
        query.complete = covered >= bundles.length;
        query.isFull = isFull;
        query.full = found.results.filter(isFull).length;
        query.left = unseen.filter(isFull).concat(unseen.filter(function (r) { return !isFull(r); }));
        if (query.complete || fullLeft(query) >= need) return;
        if (covered >= merged) mergeUpTo(merged * 2);
        var covers = merged;
        return pagefind.search(query.term, query.options).then(function (again) {
          return settle(query, again, covers, need);
        });
      });
    };

    // Until the oldest bundle is searched, results missing a word wait behind older bundles'.
    var syncMore = function (query) {
      var ready = query.complete ? query.left.length : fullLeft(query);
      moreButton.hidden = query.complete && ready === 0;
      moreButton.textContent = ready ? 'Xem thêm kết quả' : 'Xem thêm kết quả cũ hơn';
    };

    var showMore = function () {
      var query = current;
      // A second click while older bundles load would take the same results again.
      if (query.busy) return Promise.resolve();
      query.busy = true;
      var older = !query.complete && fullLeft(query) < PAGE;
      if (older) status.textContent = 'Đang tìm trong tin cũ hơn…';
      var covers = merged;
      var ready = older
        ? pagefind.search(query.term, query.options).then(function (found) { return settle(query, found, covers, PAGE); })
        : Promise.resolve();
      return ready.then(function () {
        query.busy = false;
        if (query !== current) return;
        var batch = query.left.slice(0, PAGE);
        query.left = query.left.slice(PAGE);
        batch.forEach(function (r) { query.seen[r.id] = true; });
        if (older) status.textContent = describe(query);
        syncMore(query);
        return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
          if (query !== current) return;
          pages.forEach(function (data) { list.appendChild(renderResult(data)); });
        });
      });
    };

    var run = function (delay) {
      var typed = input.value.trim();
      clearButton.hidden = typed === '';
      var filters = chosenFilters();
      var filtered = Object.keys(filters).length > 0;
      if (!typed && !filtered) {
        current = null;
        list.replaceChildren();
        moreButton.hidden = true;
        status.textContent = '';
        updateFilters(all);
        return Promise.resolve();
      }
      // Without words, the chosen filters list their articles newest first.
      var term = typed ? foldD(typed) : null;
      var query = {
        typed: typed,
        term: term,
        words: wordsOf(term),
        options: typed ? { filters: filters } : { filters: filters, sort: { date: 'desc' } },
        seen: {},
      };
      current = query;
      status.textContent = typed ? 'Đang tìm “' + typed + '”…' : 'Đang tải';
      var covers = merged;
      return pagefind.debouncedSearch(query.term, query.options, delay).then(function (found) {
        if (!found) return;
        return settle(query, found, covers, PAGE).then(function () {
          if (query !== current) return;
          status.textContent = describe(query);
          updateFilters(query.counts);
          list.replaceChildren();
          return showMore();
        });
      });
    };

    // Filters cover the whole archive, so opening them merges every bundle and loads their
    // filter chunks (~11 kB a bundle): only when the reader asks, not for every search.
    var toggleFilters = function () {
      var open = filterToggle.getAttribute('aria-expanded') !== 'true';
      filterToggle.setAttribute('aria-expanded', String(open));
      filterGroups.hidden = !open;
      if (!open || all) return Promise.resolve();
      filterGroups.replaceChildren(el('p', 'search-filter-loading', 'Đang tải bộ lọc…'));
      mergeUpTo(bundles.length);
      return pagefind.filters().then(function (filters) {
        all = filters;
        var query = current;
        if (!query) return run(0);
        // Results searched in every bundle stay as shown; only the counts are new.
        if (query.complete) {
          return pagefind.search(query.term, query.options).then(function (found) {
            if (query === current) updateFilters(found.filters);
          });
        }
        return run(0);
      });
    };

    var fail = function () { status.textContent = 'Tìm kiếm không thành công, xin thử lại'; };
    input.addEventListener('input', function () { run(300).catch(fail); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      run(0).catch(fail);
    });
    clearButton.addEventListener('click', function () {
      input.value = '';
      run(0).catch(fail);
      input.focus();
    });
    moreButton.addEventListener('click', function () { showMore().catch(fail); });
    filterToggle.addEventListener('click', function () { toggleFilters().catch(fail); });
    filterPanel.hidden = false;

    // The box is in the page before this script is ready: words typed into it already are searched,
    // else the query the page was opened with (the header's search form).
    input.value = input.value || new URLSearchParams(location.search).get('q') || '';
    return run(0);
  };

  // Written by the index step next to this page. Should it be unreadable, search the first bundle
  // alone rather than not at all.
  fetch('/tim-kiem/bundles.json')
    .then(function (response) { return response.ok ? response.json() : null; })
    .catch(function () { return null; })
    .then(function (found) {
      var bundles = found && Array.isArray(found.bundles) ? found.bundles : ['/pagefind/'];
      if (bundles.length === 0) {
        root.textContent = 'Chưa có tin bài nào để tìm.';
        return;
      }
      return import(bundles[0] + 'pagefind.js').then(function (pagefind) {
        return pagefind.options({ basePath: bundles[0] }).then(function () { return start(pagefind, bundles); });
      }).catch(function () { status.textContent = 'Tìm kiếm không thành công, xin thử lại'; });
    });
})();
