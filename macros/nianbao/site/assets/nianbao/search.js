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

  // Pagefind joins a page's blocks (a heading, a term and its value) with an ASCII ". ", and starts
  // an excerpt wherever its window falls: "管理局. 联系方式" reads as "管理局　联系方式", a leading "。"
  // goes, an excerpt starting inside a word gets the word's start back (or "…"), and one that stops
  // before the end of the text ends with "…".
  var JOIN = /([^\x00-\x7f])\. ?(?=[^\x00-\x7f]|$)/g;
  var LEADING = /^[\s。，、；：！？）」』》,.;:!?)]+/;
  var BOUNDARY = /[\s。，、；：！？（「『《,.;:!?(]/g;

  function tidy(text) {
    return text.replace(JOIN, "$1　");
  }

  // What goes before an excerpt that starts at `plain` in `content`: the rest of its clause, "…", or nothing.
  function lead(content, plain) {
    var probe = plain.slice(0, 12);
    var at = probe ? content.indexOf(probe) : -1;
    if (at <= 0) return "";
    var from = Math.max(0, at - 8);
    var before = content.slice(from, at);
    var cut = -1;
    before.replace(BOUNDARY, function (_, i) { cut = i; return _; });
    if (cut >= 0) return tidy(before.slice("（「『《(".indexOf(before.charAt(cut)) >= 0 ? cut : cut + 1));
    return from === 0 ? tidy(before) : "…";
  }

  // Excerpts carry <mark> around matches; rebuild them from text so nothing else can become markup.
  function excerpt(data) {
    var out = document.createElement("p");
    out.className = "nb-search-result__excerpt";
    var doc = new DOMParser().parseFromString("<p>" + (data.excerpt || "") + "</p>", "text/html");
    var nodes = Array.prototype.slice.call(doc.body.firstChild.childNodes);
    var content = (data.content || "").trim();
    var plain = doc.body.textContent.replace(LEADING, "");
    var before = lead(content, plain);
    if (before) out.appendChild(document.createTextNode(before));
    nodes.forEach(function (node, i) {
      var text = tidy(node.textContent);
      if (i === 0) text = text.replace(LEADING, "");
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = text;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(text));
      }
    });
    var tail = plain.replace(/[\s.]+$/, "");
    if (tail && content.replace(/[\s.]+$/, "").slice(-tail.length) !== tail) out.appendChild(document.createTextNode("…"));
    return out;
  }

  // Whole-phrase matches first: pages whose title holds the query (an agency's name, a report's
  // title), then pages whose text holds it, then the rest in Pagefind's order. Pagefind ranks by
  // words, so "机关事务" also finds every page that says "行政机关" often enough.
  var fetched = {}; // result id -> the promise of its data
  function dataOf(result) {
    if (!fetched[result.id]) fetched[result.id] = result.data();
    return fetched[result.id];
  }

  function group(query, data) {
    var parts = query.split(/\s+/).filter(Boolean);
    function holds(text) { return parts.every(function (p) { return text.indexOf(p) >= 0; }); }
    if (holds((data.meta && data.meta.title) || "")) return 0;
    if (holds(data.content || "")) return 1;
    return 2;
  }

  // The first results in that order, and how many of them hold the whole query. Only the first few
  // are read (about 3 KB each): enough to rank what the list shows.
  function ranked(query, results, limit) {
    var pool = results.slice(0, Math.max(limit, 24));
    return Promise.all(pool.map(dataOf)).then(function (items) {
      var order = items.map(function (data, i) { return { data: data, i: i, g: group(query, data) }; });
      order.sort(function (a, b) { return a.g - b.g || a.i - b.i; });
      return {
        items: order.slice(0, limit).map(function (o) { return o.data; }),
        whole: order.filter(function (o) { return o.g < 2; }).length
      };
    });
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
      li.appendChild(excerpt(data));
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
        return ranked(query, search.results, limit).then(function (top) {
          if (mine !== box.nbQuery) return null;
          // Too few whole-phrase matches to fill the list: add the next older year and search again.
          var next = top.whole < limit ? unsearched()[0] : null;
          if (!next) return { search: search, top: top };
          return merge(pf, next).then(function () { return pf.search(query); }).then(widen);
        });
      }).then(function (found) {
        if (found === null || mine !== box.nbQuery) return false;
        render(query, box, limit, moreHref, found.search.results.length, found.top.items);
        return true;
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
