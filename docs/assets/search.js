// Starts Pagefind's interface on the search page; a ?q= in the address runs that search.
(function () {
  "use strict";
  if (typeof PagefindUI === "undefined") { return; }
  var ui = new PagefindUI({
    element: "#odi-search",
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    autofocus: true
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { ui.triggerSearch(query); }
})();
