/* Explore page: faceted filtering of the cases in data/explore.json (same origin, no framework).
   OR within a facet, AND across facets; each value shows how many cases it would leave; the state
   lives in the URL query so a view can be shared and back/forward work. Without this script the
   page lists every case (the static list this script hides). */
(function () {
  "use strict";
  var app = document.getElementById("odi-explore-app");
  if (!app || !app.dataset.src || !window.fetch) return;
  fetch(app.dataset.src).then(function (response) {
    if (!response.ok) throw new Error("explore data: HTTP " + response.status);
    return response.json();
  }).then(start);

  function start(DATA) {
  var UI = DATA.ui, FACETS = DATA.facets, CASES = DATA.cases, LANG = DATA.lang;
  var PAGE_SIZE = 50, SORTS = ["title", "newest", "period"];
  var numberFormat = new Intl.NumberFormat(LANG === "fr" ? "fr-CA" : "en-CA");
  var fold = function (text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
  var labels = {};
  FACETS.forEach(function (facet) {
    labels[facet.key] = {};
    facet.values.forEach(function (value) { labels[facet.key][value.id] = value.label; });
  });
  // Searchable text and the three sort orders, computed once: a filter change then only scans.
  CASES.forEach(function (item) {
    var parts = [item.t, item.s];
    FACETS.forEach(function (facet) {
      (item.f[facet.key] || []).forEach(function (id) { parts.push(labels[facet.key][id] || id); });
    });
    item.h = fold(parts.join(" "));
  });
  var collator = new Intl.Collator(LANG, { sensitivity: "base" });
  var ORDERS = {
    title: CASES.slice().sort(function (a, b) { return collator.compare(a.t, b.t); }),
    newest: CASES.slice().sort(function (a, b) { return a.p < b.p ? 1 : a.p > b.p ? -1 : collator.compare(a.t, b.t); }),
    period: CASES.slice().sort(function (a, b) { return (a.y0 || 0) - (b.y0 || 0) || collator.compare(a.t, b.t); })
  };
  var state, controls = {}, countSpans = {}, shown = PAGE_SIZE, current = [];

  function readState(search) {
    var params = new URLSearchParams(search), selected = {};
    FACETS.forEach(function (facet) { selected[facet.key] = new Set(params.getAll(facet.key)); });
    var year = function (name) { var v = parseInt(params.get(name), 10); return isNaN(v) ? null : v; };
    var sort = params.get("sort");
    return { selected: selected, q: params.get("q") || "", from: year("from"), to: year("to"),
             sort: SORTS.indexOf(sort) >= 0 ? sort : "title" };
  }

  function query() {
    var params = new URLSearchParams();
    FACETS.forEach(function (facet) { state.selected[facet.key].forEach(function (id) { params.append(facet.key, id); }); });
    if (state.q) params.set("q", state.q);
    if (state.from !== null) params.set("from", state.from);
    if (state.to !== null) params.set("to", state.to);
    if (state.sort !== "title") params.set("sort", state.sort);
    var text = params.toString();
    return text ? "?" + text : location.pathname;
  }

  function anyOf(values, selected) {
    for (var i = 0; i < values.length; i++) if (selected.has(values[i])) return true;
    return false;
  }

  function add(counts, values) { for (var i = 0; i < values.length; i++) counts[values[i]] = (counts[values[i]] || 0) + 1; }

  // One pass: a case failing no facet is a result and counts for every facet; a case failing
  // exactly one facet counts only for that facet (what choosing one more value there would add).
  function compute() {
    var words = fold(state.q).split(/\s+/).filter(Boolean);
    var active = FACETS.filter(function (facet) { return state.selected[facet.key].size > 0; });
    var counts = {}, results = [], order = ORDERS[state.sort];
    FACETS.forEach(function (facet) { counts[facet.key] = {}; });
    for (var i = 0; i < order.length; i++) {
      var item = order[i], ok = true, w;
      for (w = 0; w < words.length && ok; w++) ok = item.h.indexOf(words[w]) >= 0;
      if (!ok) continue;
      if (state.from !== null && (item.y1 === null ? Infinity : item.y1) < state.from) continue;
      if (state.to !== null && item.y0 > state.to) continue;
      var failed = null, failures = 0;
      for (var j = 0; j < active.length && failures < 2; j++) {
        if (!anyOf(item.f[active[j].key] || [], state.selected[active[j].key])) { failures++; failed = active[j].key; }
      }
      if (failures === 0) {
        results.push(item);
        for (var k = 0; k < FACETS.length; k++) add(counts[FACETS[k].key], item.f[FACETS[k].key] || []);
      } else if (failures === 1) {
        add(counts[failed], item.f[failed] || []);
      }
    }
    return { results: results, counts: counts };
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function countText(n) { return (n === 1 ? UI.count_one : UI.count_other).replace("{n}", numberFormat.format(n)); }

  function facetFieldset(facet) {
    var fieldset = element("fieldset", { "data-facet": facet.key });
    fieldset.appendChild(element("legend", {}, facet.label));
    countSpans[facet.key] = {};
    facet.values.forEach(function (value) {
      var label = element("label");
      var box = element("input", { type: "checkbox", name: facet.key, value: value.id });
      box.addEventListener("change", function () {
        if (box.checked) state.selected[facet.key].add(value.id); else state.selected[facet.key].delete(value.id);
        changed(true);
      });
      var count = element("span", { "class": "odi-facet-count" });
      label.appendChild(box);
      label.appendChild(element("span", {}, value.label));
      label.appendChild(count);
      fieldset.appendChild(label);
      countSpans[facet.key][value.id] = { span: count, box: box, label: label };
    });
    return fieldset;
  }

  function labelled(text, control) { var label = element("label", {}, text); label.appendChild(control); return label; }

  function buildToolbar() {
    var bar = element("div", { "class": "odi-toolbar" });
    controls.q = element("input", { type: "search", name: "q", autocomplete: "off" });
    controls.q.addEventListener("input", function () { state.q = controls.q.value; changed(false); });
    controls.q.addEventListener("change", function () { history.pushState(null, "", query()); });
    controls.sort = element("select", { name: "sort" });
    SORTS.forEach(function (key) { controls.sort.appendChild(element("option", { value: key }, UI[key])); });
    controls.sort.addEventListener("change", function () { state.sort = controls.sort.value; changed(true); });
    bar.appendChild(labelled(UI.search, controls.q));
    bar.appendChild(labelled(UI.sort, controls.sort));
    return bar;
  }

  function buildYears() {
    var fieldset = element("fieldset", { "data-facet": "period" });
    fieldset.appendChild(element("legend", {}, UI.years));
    ["from", "to"].forEach(function (name) {
      controls[name] = element("input", { type: "number", name: name, min: "1900", max: "2100", step: "1", inputmode: "numeric" });
      controls[name].addEventListener("change", function () {
        var v = parseInt(controls[name].value, 10);
        state[name] = isNaN(v) ? null : v;
        changed(true);
      });
      fieldset.appendChild(labelled(UI[name], controls[name]));
    });
    return fieldset;
  }

  // Every download holds exactly the rows of the language's cases.csv (DATA.table.file, beside
  // this page's data) for the cases shown, in their order: one set of columns for every download
  // of cases. The file is fetched at the first download only.
  var table = null;
  function casesTable() {
    if (!table) {
      table = fetch(new URL(DATA.table.file, new URL(app.dataset.src, location.href))).then(function (response) {
        if (!response.ok) throw new Error("cases table: HTTP " + response.status);
        return response.text();
      }).then(parseCsv);
      table.catch(function () { table = null; });  // a failed fetch is tried again at the next click
    }
    return table;
  }

  // CSV as Python's csv module writes it (RFC 4180: a field is quoted when it holds a comma, a
  // quote or a line break). Each record keeps its text as written, so the CSV download copies it.
  function parseCsv(text) {
    var pattern = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n|\n|$)/g, records = [], cells = [], start = 0, match;
    while (start < text.length && (match = pattern.exec(text))) {
      var field = match[1];
      cells.push(field.charAt(0) === '"' ? field.slice(1, -1).replace(/""/g, '"') : field);
      if (match[2] === ",") continue;
      records.push({ cells: cells, text: text.slice(start, match.index + field.length) });
      cells = [];
      start = pattern.lastIndex;
      if (!match[2]) break;
    }
    return records;
  }

  // The inverse of odimpact.publication.columns.join_values: "a|b\|c" is ["a", "b|c"].
  function splitValues(cell) {
    if (cell === "") return [];
    var values = [], current = "", escaped = false;
    for (var i = 0; i < cell.length; i++) {
      var c = cell.charAt(i);
      if (escaped) { current += c; escaped = false; } else if (c === "\\") escaped = true;
      else if (c === "|") { values.push(current); current = ""; } else current += c;
    }
    values.push(current);
    return values;
  }

  // A cell as JSON, by its column's declared type: numbers and booleans typed, several values a
  // list, an empty cell null (or an empty list).
  function typed(cell, column) {
    if (column.many) return splitValues(cell);
    if (cell === "") return null;
    if (column.type === "integer" || column.type === "number") return Number(cell);
    if (column.type === "boolean") return cell === "true";
    return cell;
  }

  function download(kind) {
    var ids = current.map(function (item) { return item.id; });
    return casesTable().then(function (records) {
      var header = records[0], byId = {};
      records.slice(1).forEach(function (record) { byId[record.cells[0]] = record; });
      var rows = ids.filter(function (id) { return byId[id]; }).map(function (id) { return byId[id]; });
      var text, type;
      if (kind === "json") {
        var columns = {};
        DATA.table.columns.forEach(function (column) { columns[column.name] = column; });
        text = JSON.stringify(rows.map(function (record) {
          var row = {};
          header.cells.forEach(function (name, i) { row[name] = typed(record.cells[i], columns[name] || {}); });
          return row;
        }), null, 1) + "\n";
        type = "application/json";
      } else {
        text = [header].concat(rows).map(function (record) { return record.text + "\r\n"; }).join("");
        type = "text/csv";
      }
      var link = element("a", { href: URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" })), download: "cases-" + LANG + "." + kind });
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  }

  function build() {
    var layout = element("div", { "class": "odi-explore" });
    var side = element("div", { "class": "odi-explore-filters", role: "group", "aria-label": UI.filters });
    var main = element("div", { "class": "odi-explore-results" });
    FACETS.forEach(function (facet) { side.appendChild(facetFieldset(facet)); });
    side.appendChild(buildYears());
    var clear = element("button", { type: "button", "class": "odi-secondary" }, UI.clear);
    clear.addEventListener("click", function () { state = readState(""); sync(); changed(true); });
    side.appendChild(clear);
    main.appendChild(buildToolbar());
    controls.status = element("p", { "class": "odi-result-count", role: "status", "aria-live": "polite" });
    main.appendChild(controls.status);
    ["csv", "json"].forEach(function (kind) {
      var button = element("button", { type: "button", "data-download": kind }, UI[kind]);
      button.addEventListener("click", function () { download(kind); });
      main.appendChild(button);
    });
    controls.list = element("ul", { "class": "odi-cases", id: "odi-explore-results" });
    main.appendChild(controls.list);
    controls.more = element("button", { type: "button", "class": "odi-secondary" }, UI.more);
    controls.more.addEventListener("click", function () { shown += PAGE_SIZE; renderList(); });
    main.appendChild(controls.more);
    layout.appendChild(side);
    layout.appendChild(main);
    app.appendChild(layout);
  }

  function sync() {
    FACETS.forEach(function (facet) {
      Object.keys(countSpans[facet.key]).forEach(function (id) { countSpans[facet.key][id].box.checked = state.selected[facet.key].has(id); });
    });
    controls.q.value = state.q;
    controls.from.value = state.from === null ? "" : state.from;
    controls.to.value = state.to === null ? "" : state.to;
    controls.sort.value = state.sort;
  }

  function renderList() {
    var fragment = document.createDocumentFragment();
    current.slice(0, shown).forEach(function (item) {
      var li = element("li");
      li.appendChild(element("a", { href: item.u }, item.t));
      li.appendChild(element("p", {}, item.s));
      fragment.appendChild(li);
    });
    if (!current.length) fragment.appendChild(element("li", {}, UI.none));
    controls.list.replaceChildren(fragment);
    controls.more.hidden = current.length <= shown;
  }

  function render() {
    var started = performance.now();
    var computed = compute();
    current = computed.results;
    FACETS.forEach(function (facet) {
      Object.keys(countSpans[facet.key]).forEach(function (id) {
        var n = computed.counts[facet.key][id] || 0, entry = countSpans[facet.key][id];
        entry.span.textContent = numberFormat.format(n);
        entry.label.classList.toggle("odi-zero", n === 0 && !entry.box.checked);
      });
    });
    controls.status.textContent = countText(current.length);
    renderList();
    window.odiExplore.lastRenderMs = performance.now() - started;
  }

  function changed(push) {
    shown = PAGE_SIZE;
    if (push) history.pushState(null, "", query()); else history.replaceState(null, "", query());
    render();
  }

  window.odiExplore = { ready: false, lastRenderMs: null, results: function () { return current.map(function (item) { return item.id; }); } };
  state = readState(location.search);
  build();
  sync();
  render();
  var fallback = document.getElementById("odi-explore-static");
  if (fallback) fallback.hidden = true;
  window.odiExplore.ready = true;
  window.addEventListener("popstate", function () { state = readState(location.search); shown = PAGE_SIZE; sync(); render(); });
  }
}());
