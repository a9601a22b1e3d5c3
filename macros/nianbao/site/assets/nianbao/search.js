/* nianbao search: Pagefind (built after the site by nianbao.search) behind the
 * header search box and the search page. Pagefind loads only the index chunks
 * and result fragments a query needs, all from this site.
 *
 * The index is one bundle for the agency pages (with Pagefind's code) and one
 * bundle per report year, listed newest first in pagefind/bundles.json. A query
 * searches the newest year first (or the year it names, "2020 教育局") and adds
 * older years only while it has fewer results than it shows; the visitor can
 * then ask for earlier years. A common phrase on a province's portal so costs
 * one year's postings instead of every year's (issue 9: ≤ 1 MB a query). */
(function () {
  "use strict";

  var form = document.querySelector("form[data-nb-search=header]");
  if (!form) return;

  // The site root, from the page's base URL, so the portal works under any path prefix: relative
  // ("..") on pages, absolute ("/" or "/portal") on 404.html, which a static host serves at any depth.
  var base = form.getAttribute("data-nb-base") || ".";
  var root = new URL(base.slice(-1) === "/" ? base : base + "/", window.location.href);
  var pagefind = null;
  var years = []; // [{year, path}] newest first, from bundles.json
  var merged = {}; // year -> the promise of its bundle being merged

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname }).then(function () {
          pf.init();
          return fetch(new URL("pagefind/bundles.json", root)).then(function (response) {
            if (!response.ok) throw new Error("bundles.json " + response.status);
            return response.json();
          }).then(function (manifest) {
            years = manifest;
            return pf;
          });
        });
      });
    }
    return pagefind;
  }

  function merge(pf, entry) {
    if (!merged[entry.year]) {
      merged[entry.year] = pf.mergeIndex(new URL("pagefind/" + entry.path, root).pathname, { baseUrl: root.pathname });
    }
    return merged[entry.year];
  }

  function unsearched() {
    return years.filter(function (e) { return !merged[e.year]; });
  }

  // The year a query names ("2020", "2020年"), when it has a bundle not yet searched.
  function namedYear(query) {
    var named = query.match(/(?:^|\D)((?:19|20)\d\d)(?!\d)/);
    return named ? unsearched().filter(function (e) { return String(e.year) === named[1]; })[0] || null : null;
  }

  // Before a query runs: the year it names, or the newest year when none is searched yet.
  function firstYear(query) {
    var named = namedYear(query);
    if (named) return named;
    return unsearched().length === years.length && years.length ? years[0] : null;
  }

  function searchedLabel() {
    return years.filter(function (e) { return merged[e.year]; }).map(function (e) { return e.year; }).join("、");
  }

  // Excerpts carry <mark> around matches; rebuild them from text so nothing else can become markup.
  function excerpt(html) {
    var out = document.createElement("p");
    out.className = "nb-search-result__excerpt";
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function resultList(items) {
    var list = document.createElement("ul");
    list.className = "nb-search-result-list";
    items.forEach(function (data) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = data.url;
      a.textContent = (data.meta && data.meta.title) || data.url;
      li.appendChild(a);
      li.appendChild(excerpt(data.excerpt || ""));
      list.appendChild(li);
    });
    return list;
  }

  function message(text) {
    var p = document.createElement("p");
    p.className = "nb-search-message";
    p.textContent = text;
    return p;
  }

  // Runs a query and renders up to `limit` results into `box`; returns false when superseded.
  function run(query, box, limit, moreHref) {
    // Only the box's latest query renders: an earlier one still widening stops.
    var mine = (box.nbQuery = (box.nbQuery || 0) + 1);
    return loadPagefind().then(function (pf) {
      var first = firstYear(query);
      if (first) merge(pf, first);
      // Search once every bundle being merged is in, and only if no newer query came meanwhile.
      return Promise.all(Object.keys(merged).map(function (year) { return merged[year]; })).then(function () {
        return mine === box.nbQuery ? pf.debouncedSearch(query, {}, 200) : null;
      }).then(function widen(search) {
        if (search === null || mine !== box.nbQuery) return null;
        // Too few results to fill the list: add the next older year and search again.
        var next = search.results.length < limit ? unsearched()[0] : null;
        if (!next) return search;
        return merge(pf, next).then(function () { return pf.search(query); }).then(widen);
      }).then(function (search) {
        if (search === null || mine !== box.nbQuery) return false;
        return Promise.all(search.results.slice(0, limit).map(function (r) { return r.data(); })).then(function (items) {
          if (mine !== box.nbQuery) return false;
          render(query, box, limit, moreHref, search.results.length, items);
          return true;
        });
      });
    }).catch(function () {
      box.replaceChildren(message("搜索暂时无法使用，请按年度或按机关浏览。"));
      return true;
    });
  }

  function render(query, box, limit, moreHref, total, items) {
    box.replaceChildren();
    var earlier = unsearched()[0];
    if (total === 0) {
      box.appendChild(message("未找到与“" + query + "”相关的内容。可换用机关名称或其他关键词。"));
      return;
    }
    var scope = earlier ? "在 " + searchedLabel() + " 年度的报告和各机关页面中" : "";
    box.appendChild(message(scope + "找到 " + total + " 个相关页面" + (total > limit ? "，显示前 " + limit + " 个" : "") + "。"));
    box.appendChild(resultList(items));
    if (moreHref && (total > limit || earlier)) {
      var more = document.createElement("a");
      more.href = moreHref;
      more.className = "nb-search-more";
      more.textContent = earlier ? "查看全部结果，或搜索更早年度" : "查看全部 " + total + " 个结果";
      box.appendChild(more);
    } else if (!moreHref && earlier) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button nb-search-earlier";
      button.textContent = "继续搜索更早年度（" + earlier.year + " 年度）";
      button.addEventListener("click", function () {
        button.disabled = true;
        loadPagefind().then(function (pf) { return merge(pf, earlier); }).then(function () {
          run(query, box, limit, moreHref);
        });
      });
      box.appendChild(button);
    }
  }

  // Header: move the form into Material's header bar, then show results while typing.
  var inner = document.querySelector(".md-header__inner");
  if (inner) {
    var source = inner.querySelector(".md-header__source");
    inner.insertBefore(form, source);
  }
  var input = form.querySelector("input[name=q]");
  var panel = form.querySelector(".nb-header-search__results");
  var pageUrl = form.getAttribute("action");

  function close() {
    panel.hidden = true;
  }

  input.addEventListener("focus", loadPagefind, { once: true });
  input.addEventListener("input", function () {
    var query = input.value.trim();
    if (!query) {
      panel.replaceChildren();
      close();
      return;
    }
    run(query, panel, 8, pageUrl + "?q=" + encodeURIComponent(query)).then(function (done) {
      if (done && input.value.trim() === query) panel.hidden = false;
    });
  });
  form.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      close();
      input.focus();
    }
  });
  form.addEventListener("focusout", function (event) {
    if (!form.contains(event.relatedTarget)) close();
  });

  // The search page: results for ?q= in full.
  var page = document.getElementById("nb-search-results");
  if (page) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var pageInput = document.querySelector(".nb-search-page input[name=q]");
    if (pageInput) pageInput.value = query;
    if (query.trim()) {
      page.replaceChildren(message("正在搜索……"));
      run(query.trim(), page, 50, null);
    }
  }
})();
