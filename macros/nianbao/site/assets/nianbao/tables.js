/* nianbao: wide tables on narrow screens. A table wider than its box scrolls inside
 * .nb-table-wrap; this keeps its row labels in view while the figures scroll, and
 * says that the table scrolls.
 *
 * The label cells are the <th> cells left of the first figure column (in 表三 up to
 * three columns of them, joined by rowspan and colspan). Each becomes sticky at the
 * offset it has when the table is not scrolled, so the labels stay side by side as
 * printed. Without this script (or when printing) the table simply scrolls or fits:
 * nothing is hidden and the markup a screen reader reads is unchanged. */
(function () {
  "use strict";

  function labels(table) {
    var cells = table.querySelectorAll("td");
    if (!cells.length) return [];
    var start = Infinity;
    cells.forEach(function (td) { start = Math.min(start, td.offsetLeft); });
    return Array.prototype.filter.call(table.querySelectorAll("th"), function (th) {
      return th.offsetLeft + th.offsetWidth <= start + 1;
    });
  }

  function update(wrap) {
    var overflow = wrap.scrollWidth > wrap.clientWidth + 1;
    wrap.classList.toggle("nb-scrolls", overflow);
    wrap.classList.toggle("nb-scrolled", overflow && wrap.scrollLeft > 0);
    wrap.classList.toggle("nb-scroll-end", !overflow || wrap.scrollLeft + wrap.clientWidth >= wrap.scrollWidth - 1);
    var hint = wrap.previousElementSibling;
    if (hint && hint.classList.contains("nb-scroll-hint")) hint.hidden = !overflow;
  }

  function setUp(wrap) {
    var table = wrap.querySelector("table");
    if (!table) return;
    var sticky = labels(table);
    sticky.forEach(function (th) { th.classList.remove("nb-sticky"); th.style.left = ""; });
    // Measured unscrolled and unstuck: a cell's own offset is where it stays.
    var lefts = sticky.map(function (th) { return th.offsetLeft; });
    var edge = Math.max.apply(null, sticky.map(function (th) { return th.offsetLeft + th.offsetWidth; }).concat([0]));
    sticky.forEach(function (th, i) {
      th.classList.add("nb-sticky");
      th.classList.toggle("nb-sticky-edge", th.offsetLeft + th.offsetWidth >= edge - 1);
      th.style.left = lefts[i] + "px";
    });
    if (!wrap.previousElementSibling || !wrap.previousElementSibling.classList.contains("nb-scroll-hint")) {
      var hint = document.createElement("p");
      hint.className = "nb-scroll-hint";
      hint.setAttribute("aria-hidden", "true"); // the table itself is announced; this only helps the eye
      hint.textContent = "表格较宽，左右滑动可查看全部列";
      hint.hidden = true;
      wrap.parentNode.insertBefore(hint, wrap);
    }
    update(wrap);
  }

  var wraps = Array.prototype.slice.call(document.querySelectorAll(".nb-table-wrap"));
  wraps.forEach(function (wrap) {
    setUp(wrap);
    wrap.addEventListener("scroll", function () { update(wrap); }, { passive: true });
  });
  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) window.cancelAnimationFrame(pending);
    pending = window.requestAnimationFrame(function () { wraps.forEach(setUp); });
  });
})();
