/* nianbao: sortable comparison tables (table.nb-sortable), no library, no request.
 * Each column header becomes a button; activating it sorts the body rows by that
 * column (numbers by value from data-value, text by Chinese collation), and a
 * second activation reverses the order. aria-sort tells screen readers the state.
 * The totals row lives in <tfoot> and never moves. */
(function () {
  "use strict";
  var collator = new Intl.Collator("zh-Hans-CN");

  function key(cell, numeric) {
    if (!numeric) return cell.textContent.trim();
    var raw = cell.getAttribute("data-value");
    return raw === null || raw === "" ? -Infinity : parseFloat(raw);
  }

  function sort(table, index, numeric, descending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) { row.nbOrder = i; });
    rows.sort(function (a, b) {
      var x = key(a.cells[index], numeric), y = key(b.cells[index], numeric);
      var c = numeric ? (x < y ? -1 : x > y ? 1 : 0) : collator.compare(x, y);
      if (descending) c = -c;
      return c || a.nbOrder - b.nbOrder;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function setup(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var numeric = th.getAttribute("data-sort") === "number";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "nb-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        // Numbers sort largest first on the first click: that is what a comparison wants.
        var current = th.getAttribute("aria-sort");
        var descending = current ? current === "ascending" : numeric;
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        sort(table, index, numeric, descending);
      });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table.nb-sortable"), setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
