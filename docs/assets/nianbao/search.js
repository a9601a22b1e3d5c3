/* nianbao search: Pagefind (built after the site by nianbao.search) behind the
 * header search box and the search page. Pagefind loads only the index chunks
 * and result fragments a query needs, from each bundle, all from this site. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-nb-search=header]");
  if (!form) return;

  // The site root, from the page's relative base URL, so the portal works under any path prefix.
  var root = new URL((form.getAttribute("data-nb-base") || ".") + "/", window.location.href);
  var pagefind = null;

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname }).then(function () {
          pf.init();
          // One bundle per report year beside the agencies' (nianbao.search): a query covers them all.
          return fetch(new URL("pagefind/bundles.json", root)).then(function (response) {
            if (!response.ok) throw new Error("bundles.json " + response.status);
            return response.json();
          }).then(function (bundles) {
            return Promise.all(bundles.map(function (bundle) {
              return pf.mergeIndex(new URL("pagefind/" + bundle, root).pathname, { baseUrl: root.pathname });
            }));
          }).then(function () {
            return pf;
          });
        });
      });
    }
    return pagefind;
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
    return loadPagefind().then(function (pf) {
      return pf.debouncedSearch(query, {}, 200).then(function (search) {
        if (search === null) return false;
        return Promise.all(search.results.slice(0, limit).map(function (r) { return r.data(); })).then(function (items) {
          box.replaceChildren();
          var total = search.results.length;
          if (total === 0) {
            box.appendChild(message("未找到与“" + query + "”相关的内容。可换用机关名称或其他关键词。"));
            return true;
          }
          box.appendChild(message("找到 " + total + " 个相关页面" + (total > limit ? "，显示前 " + limit + " 个" : "") + "。"));
          box.appendChild(resultList(items));
          if (moreHref && total > limit) {
            var more = document.createElement("a");
            more.href = moreHref;
            more.className = "nb-search-more";
            more.textContent = "查看全部 " + total + " 个结果";
            box.appendChild(more);
          }
          return true;
        });
      });
    }).catch(function () {
      box.replaceChildren(message("搜索暂时无法使用，请按年度或按机关浏览。"));
      return true;
    });
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
