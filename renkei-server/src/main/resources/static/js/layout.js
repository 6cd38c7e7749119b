// Renkei layout: the phone menu button and the header's grouped menus. Without script the whole
// navigation stays visible (the menu button is then hidden), so nothing depends on this file.
(function () {
  "use strict";
  // a list's filters other than the text fold on a phone unless one is set (ux37): the list, not
  // its filter bar, fills the first screen; without script they stay open
  function foldFilters() {
    var more = document.getElementById("more-filters");
    if (more && more.getAttribute("data-keep-open") !== "true"
        && window.matchMedia("(max-width: 760px)").matches) {
      more.open = false;
    }
  }
  function ready() {
    foldFilters();
    var header = document.querySelector("header.topbar");
    var toggle = document.getElementById("nav-toggle");
    if (!header || !toggle) {
      return;
    }
    header.classList.add("nav-collapsible");
    toggle.addEventListener("click", function () {
      var open = header.classList.toggle("nav-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    var groups = header.querySelectorAll("details.navgroup");
    groups.forEach(function (g) {
      g.addEventListener("toggle", function () {
        if (g.open) {
          groups.forEach(function (o) {
            if (o !== g) {
              o.open = false;
            }
          });
        }
      });
    });
    document.addEventListener("click", function (e) {
      groups.forEach(function (g) {
        if (g.open && !g.contains(e.target)) {
          g.open = false;
        }
      });
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        groups.forEach(function (g) {
          if (g.open) {
            g.open = false;
            g.querySelector("summary").focus();
          }
        });
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
