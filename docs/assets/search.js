// The site's one search client: Pagefind's own interface over the bundle of the page's language,
// on the search page (overrides/search.html) and in the header's search dialog
// (overrides/partials/header-search.html). The interface, and through it the index, is fetched
// only when a reader searches: on opening the search page, or on opening the header's search.
(function () {
  "use strict";
  var header = document.querySelector(".odi-hsearch");
  if (!header || !window.Promise || !window.HTMLDialogElement) { return; }  // the link to the search page stays
  // Absolute, since Pagefind loads its files relative to this path from its own script.
  var bundle = new URL(header.getAttribute("data-odi-bundle"), document.baseURI).href;
  var link = header.querySelector("a.odi-hsearch__control");
  var dialog = header.querySelector("dialog");
  var loading = null;

  // One of Pagefind's files, added to the page's head; settles once it has loaded.
  function fetched(element) {
    return new Promise(function (resolve, reject) {
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  // pagefind-ui.js and its stylesheet (waited for too, so that results never show unstyled), once a page.
  function loadInterface() {
    if (!loading) {
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = bundle + "pagefind-ui.css";
      var script = document.createElement("script");
      script.src = bundle + "pagefind-ui.js";
      loading = Promise.all([fetched(style), fetched(script)]);
    }
    return loading;
  }

  // Pagefind redraws its message ("3 results for bus") rather than updating it, so a screen
  // reader would not hear it: it is repeated in a status region once the results settle.
  function announce(element, status) {
    var timer = null;
    new MutationObserver(function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var message = element.querySelector(".pagefind-ui__message");
        var text = message ? message.textContent.trim() : "";
        if (status.textContent !== text) { status.textContent = text; }
      }, 500);
    }).observe(element, {childList: true, subtree: true, characterData: true});
  }

  function start(element, status, autofocus) {
    return loadInterface().then(function () {
      var ui = new PagefindUI({
        element: element,
        bundlePath: bundle,
        showImages: false,
        showSubResults: false,
        resetStyles: false,
        autofocus: autofocus
      });
      announce(element, status);
      return ui;
    });
  }

  // The search page: starts at once; a ?q= in the address runs that search.
  var page = document.getElementById("odi-search");
  if (page) {
    start(page, document.getElementById("odi-search-status"), true).then(function (ui) {
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) { ui.triggerSearch(query); }
    }, function () {});  // no bundle (the preview indexes nothing): the page stays as it is
  }

  // The header: the link becomes a button that opens the dialog (on the search page, it goes to
  // the page's own field instead of opening a second search).
  var button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  button.innerHTML = link.innerHTML;
  button.setAttribute("aria-haspopup", "dialog");
  button.setAttribute("aria-keyshortcuts", "/ s f");
  link.replaceWith(button);
  header.classList.add("odi-hsearch--ready");

  var started = null;
  var returnTo = null;

  function field(element) { return element.querySelector(".pagefind-ui__search-input"); }

  function open() {
    if (page) {
      if (field(page)) { field(page).focus(); }
      return;
    }
    if (dialog.open) { return; }
    var focused = document.activeElement;
    returnTo = focused && focused !== document.body ? focused : button;
    dialog.showModal();
    if (!started) {
      started = start(dialog.querySelector(".odi-hsearch__ui"), dialog.querySelector("[data-odi-search-status]"), false);
    }
    started.then(function () {
      if (dialog.open) { field(dialog).focus(); }
    }, function () { window.location.assign(link.href); });  // no bundle (the preview indexes nothing): the search page
  }

  button.addEventListener("click", open);
  dialog.querySelector(".odi-hsearch__close").addEventListener("click", function () { dialog.close(); });
  // A click on the backdrop (outside the panel, which fills the dialog) closes it.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) { dialog.close(); }
  });
  // Escape closes a modal dialog by itself; focus goes back where the reader was.
  dialog.addEventListener("close", function () {
    if (returnTo && returnTo.isConnected) { returnTo.focus(); }
  });

  // In the dialog, the arrow keys move between the field and the results' links, as in Material's
  // own search: down from the field to the first result, on through the results, round to the
  // field again (up goes back the same way). Tab still reaches every control, "load more" included.
  dialog.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.isComposing) { return; }
    var input = field(dialog);
    if (!input) { return; }
    var stops = [input].concat(Array.prototype.slice.call(dialog.querySelectorAll(".pagefind-ui__result-link")));
    var at = stops.indexOf(document.activeElement);
    if (at < 0 || stops.length < 2) { return; }  // elsewhere (the close button, "load more"), or nothing to move to
    event.preventDefault();
    stops[(at + stops.length + (event.key === "ArrowDown" ? 1 : -1)) % stops.length].focus();
  });

  // Material's keys for search: "/", "s" or "f", unless the reader is in a form field or holds
  // a modifier (as its own keyboard handling does, which only opens its own search).
  function typing(element) {
    if (!element) { return false; }
    return element.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].indexOf(element.tagName) >= 0;
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
    if (event.key !== "/" && event.key !== "s" && event.key !== "f") { return; }
    if (typing(document.activeElement) || dialog.open) { return; }
    event.preventDefault();
    open();
  });
})();
