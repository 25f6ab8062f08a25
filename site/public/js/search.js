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
  var PAGE = 10;

  // Pagefind folds tone marks but not đ; the index holds đ-words with đ → d (see README).
  var foldD = function (text) { return text.replace(/đ/g, 'd').replace(/Đ/g, 'D'); };

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

  var start = function (pagefind) {
    var all = {}; // every filter name → value → number of articles, from the whole index
    var selected = {}; // filter name → list of chosen values
    var current = null; // the latest search: its results and how many are shown
    var generation = 0;

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
      filterPanel.replaceChildren(el('h2', 'search-filters-title', 'Bộ lọc'));
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
        filterPanel.appendChild(block);
      });
      filterPanel.hidden = filterPanel.children.length < 2;
    };
    // The panel is built anew when the counts change: open groups stay open and a focused
    // checkbox keeps the keyboard focus. (Compared as data, never put into a selector.)
    var updateFilters = function (counts) {
      var open = {};
      filterPanel.querySelectorAll('details[open] > summary').forEach(function (s) { open[s.firstChild.textContent] = true; });
      var focused = filterPanel.contains(document.activeElement) ? document.activeElement.dataset : null;
      renderFilters(counts);
      filterPanel.querySelectorAll('details > summary').forEach(function (s) {
        if (open[s.firstChild.textContent]) s.parentNode.open = true;
      });
      if (focused) {
        filterPanel.querySelectorAll('input[type=checkbox]').forEach(function (box) {
          if (box.dataset.filter === focused.filter && box.dataset.value === focused.value) box.focus();
        });
      }
    };

    var showMore = function () {
      var mine = generation;
      var batch = current.results.slice(current.shown, current.shown + PAGE);
      current.shown += batch.length;
      moreButton.hidden = current.shown >= current.results.length;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
        if (mine !== generation) return;
        pages.forEach(function (data) { list.appendChild(renderResult(data)); });
      });
    };

    var run = function (delay) {
      var typed = input.value.trim();
      clearButton.hidden = typed === '';
      var filters = chosenFilters();
      var filtered = Object.keys(filters).length > 0;
      var mine = ++generation;
      if (!typed && !filtered) {
        current = null;
        list.replaceChildren();
        moreButton.hidden = true;
        status.textContent = '';
        updateFilters(all);
        return Promise.resolve();
      }
      status.textContent = typed ? 'Đang tìm “' + typed + '”…' : 'Đang tải';
      // Without words, the chosen filters list their articles newest first.
      var options = typed ? { filters: filters } : { filters: filters, sort: { date: 'desc' } };
      return pagefind.debouncedSearch(typed ? foldD(typed) : null, options, delay).then(function (found) {
        if (!found || mine !== generation) return;
        var count = found.results.length;
        var subject = typed ? ' cho “' + typed + '”' : '';
        status.textContent = count === 0 ? 'Không tìm thấy kết quả' + subject : count + ' kết quả' + subject;
        updateFilters(found.filters);
        list.replaceChildren();
        current = { results: found.results, shown: 0 };
        return showMore();
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

    // The box is in the page before this script is ready: words typed into it already are searched,
    // else the query the page was opened with (the header's search form).
    input.value = input.value || new URLSearchParams(location.search).get('q') || '';
    // Loading the filter index also lets searches count filter values.
    return pagefind.filters().then(function (filters) {
      all = filters;
      return run(0);
    });
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
        // A large archive is indexed as several bundles (site/scripts/index-search.ts): the first
        // is searched with the others merged into it, as one index.
        return pagefind.options({ basePath: bundles[0] })
          .then(function () {
            return bundles.slice(1).reduce(function (done, bundle) {
              return done.then(function () { return pagefind.mergeIndex(bundle); });
            }, Promise.resolve());
          })
          .then(function () { return start(pagefind); });
      }).catch(function () { status.textContent = 'Tìm kiếm không thành công, xin thử lại'; });
    });
})();
