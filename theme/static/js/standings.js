/* Standings tables: sort by a count column in the page, without a new page load.
   Without JavaScript the pre-sorted views (links above the table) do the same. */
(function () {
  "use strict";
  function number(cell) { return parseInt(cell.textContent.trim(), 10) || 0; }
  function sortBy(table, column, button) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      return number(b.cells[column]) - number(a.cells[column]) ||
        a.cells[1].textContent.localeCompare(b.cells[1].textContent);
    });
    var rank = 0, previous = null;
    rows.forEach(function (row, i) {
      var value = number(row.cells[column]);
      if (value !== previous) { rank = i + 1; previous = value; }
      row.cells[0].textContent = String(rank);
      var inline = row.querySelector(".rank-inline");
      if (inline) { inline.textContent = rank + ". "; }
      body.appendChild(row);
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    button.parentNode.setAttribute("aria-sort", "descending");
  }
  document.querySelectorAll("table.standings[data-sortable]").forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      if (!th.classList.contains("num") || th.classList.contains("c-rank")) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, column, button); });
    });
  });
}());
