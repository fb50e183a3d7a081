// Material's language switcher requests "sitemap.xml" next to every <link rel="alternate">.
// mkdocs-static-i18n writes a single sitemap at the site root, listing both languages, so every
// such request is sent there instead of ending in a 404.
(function () {
  "use strict";
  var root = new URL(document.currentScript.getAttribute("data-sitemap"), window.location.href).href;
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    try {
      if (/\/sitemap\.xml$/.test(new URL(String(url), window.location.href).pathname)) { args[1] = root; }
    } catch (error) { /* not a URL: leave the request alone */ }
    return open.apply(this, args);
  };
})();
