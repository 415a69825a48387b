/* Searchable, sortable tables for the research reports.
   Ships inside the package; the page's Content-Security-Policy admits this script by its
   SHA-256 hash and nothing else, and it attaches its listeners itself (no inline handlers).
   It reads only the tables already on the page and never loads anything. */
(function () {
  "use strict";

  function text(cell) {
    return (cell.textContent || "").trim();
  }

  // Tables of fewer rows than this are read at a glance: sortable, without a search box.
  var SEARCH_ROWS = 5;

  function asNumber(value) {
    if (value === "" || value === "\u2013" || value === "NaN" || value === "None" || value === "<NA>") return null;
    var n = Number(value.replace(/,/g, "").replace(/^</, "").replace(/^> ?/, "").replace("\u2212", "-"));
    return isNaN(n) ? null : n;
  }

  function bodyRows(table) {
    var rows = [];
    var bodies = table.tBodies;
    for (var b = 0; b < bodies.length; b++) {
      for (var r = 0; r < bodies[b].rows.length; r++) rows.push(bodies[b].rows[r]);
    }
    return rows;
  }

  function enhance(table, index) {
    var rows = bodyRows(table);
    if (rows.length < 2 || table.dataset.enhanced) return;
    table.dataset.enhanced = "1";
    // A table in a scrolling box (scroll bar on top) gets its tools above the box.
    var anchor = table.parentNode.classList.contains("rr-scroll") ? table.parentNode : table;
    if (rows.length >= SEARCH_ROWS) {
      var bar = document.createElement("div");
      bar.className = "rr-table-tools";
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "search";
      input.placeholder = "Search this table";
      input.setAttribute("aria-label", "Search table " + (index + 1));
      label.appendChild(input);
      var count = document.createElement("span");
      count.className = "rr-count";
      count.textContent = rows.length + " rows";
      bar.appendChild(label);
      bar.appendChild(count);
      anchor.parentNode.insertBefore(bar, anchor);

      input.addEventListener("input", function () {
        var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
        var shown = 0;
        rows.forEach(function (row) {
          var hay = row.textContent.toLowerCase();
          var ok = words.every(function (w) { return hay.indexOf(w) >= 0; });
          row.hidden = !ok;
          if (ok) shown++;
        });
        count.textContent = words.length ? shown + " of " + rows.length + " rows" : rows.length + " rows";
      });
    }

    var head = table.tHead;
    if (!head || !head.rows.length) return;
    var headerRow = head.rows[0];
    Array.prototype.forEach.call(headerRow.cells, function (th, col) {
      if (!text(th)) return;
      th.classList.add("rr-sortable");
      th.setAttribute("tabindex", "0");
      th.setAttribute("title", "Sort by this column");
      var direction = 0;
      function sort() {
        direction = direction === 1 ? -1 : 1;
        Array.prototype.forEach.call(headerRow.cells, function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
        var keyed = rows.map(function (row, i) {
          var cell = row.cells[col];
          var value = cell ? text(cell) : "";
          return { row: row, i: i, value: value, number: asNumber(value) };
        });
        var numeric = keyed.every(function (k) { return k.number !== null || k.value === ""; });
        keyed.sort(function (a, b) {
          var d;
          if (numeric) d = (a.number === null ? Infinity : a.number) - (b.number === null ? Infinity : b.number);
          else d = a.value.localeCompare(b.value);
          return d === 0 ? a.i - b.i : d * direction;
        });
        var parent = rows[0].parentNode;
        keyed.forEach(function (k) { parent.appendChild(k.row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
      });
    });
  }

  function init() {
    var tables = document.querySelectorAll(".jp-RenderedHTMLCommon table, table.dataframe");
    Array.prototype.forEach.call(tables, enhance);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
