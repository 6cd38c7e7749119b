// Recipient picker of the advisory form (issue 14): a search box narrows the list, a group button
// selects every organisation of that group (type, sector, CEPTOAR and members) that the search
// shows, and says how many that is (the count follows the search; a group the search leaves empty
// is disabled), and the count of chosen organisations follows. Without script the list is plain
// checkboxes.
(function () {
  "use strict";
  function init() {
    var list = document.getElementById("picker-list");
    if (!list) {
      return;
    }
    var entries = Array.prototype.slice.call(list.querySelectorAll(".picker-entry"));
    var search = document.getElementById("picker-search");
    var count = document.getElementById("picker-count");
    function box(entry) {
      return entry.querySelector("input[type=checkbox]");
    }
    function recount() {
      count.textContent = String(entries.filter(function (e) { return box(e).checked; }).length);
    }
    function filter() {
      var words = search.value.toLowerCase().split(/\s+/).filter(function (w) { return w; });
      entries.forEach(function (e) {
        var name = e.getAttribute("data-name");
        var shown = words.every(function (w) { return name.indexOf(w) >= 0; });
        e.hidden = !shown;
      });
      regroup();
    }
    var groupButtons = Array.prototype.slice.call(document.querySelectorAll(".picker-group"));
    function inGroup(e, group) {
      return (" " + e.getAttribute("data-groups") + " ").indexOf(" " + group + " ") >= 0;
    }
    function regroup() {
      groupButtons.forEach(function (b) {
        var group = b.getAttribute("data-group");
        var n = entries.filter(function (e) { return !e.hidden && inGroup(e, group); }).length;
        var size = b.querySelector(".picker-group-size");
        if (size) {
          size.textContent = String(n);
        }
        b.disabled = n === 0;
      });
    }
    search.addEventListener("input", filter);
    search.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") {
        ev.preventDefault(); // Enter in the search box never submits the form
      }
    });
    list.addEventListener("change", recount);
    groupButtons.forEach(function (b) {
      b.addEventListener("click", function () {
        var group = b.getAttribute("data-group");
        entries.forEach(function (e) {
          if (!e.hidden && inGroup(e, group)) {
            box(e).checked = true;
          }
        });
        recount();
      });
    });
    var clear = document.getElementById("picker-clear");
    clear.addEventListener("click", function () {
      entries.forEach(function (e) { box(e).checked = false; });
      recount();
    });
    recount();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
