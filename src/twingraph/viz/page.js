/* twingraph: an interactive, offline view of a partnership graph.
   All text from sources is set with textContent or given to vis as plain strings or DOM elements built here
   (vis shows them as text); nothing from a source is ever parsed as markup. */
(function () {
  "use strict";
  performance.mark("tg-start");
  var data = JSON.parse(document.getElementById("tg-data").textContent);
  performance.mark("tg-data-parsed");
  var big = data.mode === "network";
  if (big) { document.body.classList.add("tg-map"); }
  var FACT_KINDS = { partnership: true, visit: true, agreement: true, event: true };
  // the partnership type most lines have: drawn in a quiet colour on a network map
  var typeCounts = {};
  data.edges.forEach(function (e) { if (e.ptype) { typeCounts[e.ptype] = (typeCounts[e.ptype] || 0) + 1; } });
  var commonType = Object.keys(typeCounts).sort(function (a, b) { return typeCounts[b] - typeCounts[a]; })[0];
  var kindStyle = {};
  data.kinds.forEach(function (k) { kindStyle[k.kind] = k; });
  var PTYPE_COLORS = { twinning: "#d62728", solidarity: "#e377c2", friendship: "#bcbd22", project: "#17becf",
    contact: "#aec7e8", cooperation: "#9467bd", other: "#7f7f7f" };
  function ptypeColor(t) { return PTYPE_COLORS[t] || "#999999"; }
  var MAP_LINE = "#6b7f99";
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var anchors = {};
  (data.anchors || []).forEach(function (id) { anchors[id] = true; });

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function safeUrl(url) {
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) { return null; }
  }
  var partnersOf = {};  // partnership id -> its cities' names, so lists can say which partnership a line is
  data.edges.forEach(function (e) {
    if (e.label === "partner" && e.via === undefined && byId[e.to]) { (partnersOf[e.from] = partnersOf[e.from] || []).push(byId[e.to].label); }
  });
  function caption(n) {
    var first = n.label.split("\n")[0];
    return n.kind === "partnership" && partnersOf[n.id] ? first + " " + partnersOf[n.id].join("–") : first;
  }
  function oneLine(n) { return n.label.replace(/\n/g, " · "); }
  function sourcesOf(n) {  // a list of source records; a lone record or a bare title or address is read as one
    var list = Array.isArray(n.sources) ? n.sources : (n.sources ? [n.sources] : []);
    return list.filter(Boolean).map(function (s) {
      return typeof s === "string" ? (/^https?:/.test(s) ? { url: s } : { title: s }) : s;
    });
  }

  document.getElementById("tg-title").textContent = data.title;
  document.getElementById("tg-note").textContent = data.note;

  // --- dates and the time slider ------------------------------------------------------------------
  var DAY = 86400000;
  function toTime(iso) {
    var parts = String(iso).split("-");
    return Date.UTC(+parts[0], parts.length > 1 ? +parts[1] - 1 : 0, parts.length > 2 ? +parts[2] : 1);
  }
  function periodEnd(iso) {  // the first moment after the day, month or year an ISO date names
    var parts = String(iso).split("-");
    if (parts.length === 1) { return Date.UTC(+parts[0] + 1, 0, 1); }
    if (parts.length === 2) { return Date.UTC(+parts[0], +parts[1], 1); }
    return toTime(iso) + DAY;
  }
  function toIso(time) { return new Date(time).toISOString().slice(0, 10); }
  var dated = data.nodes.map(function (n) { return n.date; })
    .concat(data.nodes.map(function (n) { return n.end; }))
    .concat(data.edges.map(function (e) { return e.date; }))
    .concat([].concat.apply([], data.nodes.map(function (n) {  // phases a consolidated partnership lists
      return (n.phases || []).map(function (p) { return p && (p.end || p.start); });
    })))
    .concat(data.horizon).filter(function (d) { return !!d; }).map(toTime);
  var slider = document.getElementById("tg-slider");
  var dateOut = document.getElementById("tg-date");
  var undated = document.getElementById("tg-undated");
  var start = 0, days = 0;
  if (dated.length) {
    var first = new Date(Math.min.apply(null, dated)), last = new Date(Math.max.apply(null, dated));
    start = Date.UTC(first.getUTCFullYear() - 1, 0, 1);
    days = Math.round((Date.UTC(last.getUTCFullYear(), 11, 31) - start) / DAY);
  }
  slider.max = String(days);
  slider.value = String(days);
  var cursor = "9999-12-31";
  var atEnd = true;  // at the end of the axis every fact is drawn, dated or not: what the sources know now
  function readSlider() {
    atEnd = +slider.value >= days;
    cursor = dated.length ? toIso(start + (+slider.value) * DAY) : "9999-12-31";
    if (!dated.length) { return; }
    dateOut.textContent = cursor + (atEnd ? " (all facts)" : "");
    slider.setAttribute("aria-valuetext", atEnd ? cursor + ", every fact including undated ones" : cursor);
  }
  readSlider();
  if (!dated.length) {
    slider.disabled = true;
    undated.disabled = true;
    undated.checked = true;
    document.getElementById("tg-play").disabled = true;
    dateOut.textContent = big ? "the table gives no dates" : "no source gives a date";
    undated.parentNode.title = "No fact here has a date: every fact is drawn.";
    slider.setAttribute("aria-valuetext", "no dates: every fact is drawn");
  }
  function dayOf(iso) { return Math.max(0, Math.min(days, Math.round((toTime(iso) - start) / DAY))); }

  // --- filters and legend ----------------------------------------------------------------------------
  var shownKinds = {}, shownTypes = {};
  function addCheckbox(parent, key, text, store, swatch) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.key = key;
    store[key] = true;
    box.addEventListener("change", function () { store[key] = box.checked; refresh(); });
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(text));
    parent.appendChild(label);
  }
  data.kinds.forEach(function (k) {
    var swatch = el("span", null, "tg-swatch " + k.shape);
    swatch.style.background = k.kind === "partnership" ? "#ffffff" : k.color;
    swatch.dataset.kind = k.kind;
    addCheckbox(document.getElementById("tg-kinds"), k.kind, k.label, shownKinds, swatch);
  });
  data.partnershipTypes.forEach(function (t) {
    var swatch = el("span", null, big ? "tg-line" : "tg-swatch diamond");
    var color = big && t === commonType ? MAP_LINE : ptypeColor(t);
    if (big) { swatch.style.borderTopColor = color; } else { swatch.style.background = color; }
    swatch.dataset.ptype = t;
    addCheckbox(document.getElementById("tg-ptypes"), t, t, shownTypes, swatch);
  });
  if (!data.partnershipTypes.length) { document.getElementById("tg-ptypes").style.display = "none"; }
  (function styleLegend() {
    var styles = document.getElementById("tg-styles");
    var keys = big
      ? [["tg-line", "partnership (selected city: bold)"]]
      : [["tg-swatch dot outline", "dated"], ["tg-swatch dot outline dashed", "planned"],
         ["tg-swatch dot outline dotted", "no date"], ["tg-line dashed", "reported with / via an organization"],
         ["tg-badge", "sources stating it (when more than one)"], ["tg-badge tg-badge-conflict", "sources differ"]];
    keys.forEach(function (k) {
      var span = el("span", null, "tg-key");
      span.appendChild(el("span", k[0].indexOf("tg-badge") === 0 ? (k[0].indexOf("conflict") > 0 ? "!" : "2") : null, k[0]));
      span.appendChild(document.createTextNode(k[1]));
      styles.appendChild(span);
    });
  })();

  function inTime(date) {
    if (!dated.length) { return true; }
    if (!date) { return atEnd || undated.checked; }
    return atEnd || date <= cursor;  // '2023-02' <= '2023-02-01': a month or year appears at its start
  }
  function nodeShown(n) {
    if (shownKinds[n.kind] === false || (n.ptype && shownTypes[n.ptype] === false)) { return false; }
    return anchors[n.id] === true || inTime(n.date);
  }

  // --- vis data ------------------------------------------------------------------------------------
  // Colours and shapes come from groups (one per kind, one per partnership type) and defaults, so every node is
  // drawn in its legend colour from the first frame; per-item styling would make vis-network parse options for
  // every node, seconds on a network of 20,000 cities.
  var groups = {};
  data.kinds.forEach(function (k) {
    groups[k.kind] = { shape: k.shape, color: { background: k.color, border: big ? k.color : "#333333" } };
  });
  data.partnershipTypes.forEach(function (t) {
    groups["partnership:" + t] = { shape: "diamond", color: { background: ptypeColor(t), border: "#333333",
      highlight: { background: ptypeColor(t), border: "#000000" }, hover: { background: ptypeColor(t), border: "#000000" } } };
  });
  function groupOf(n) { return n.kind === "partnership" && n.ptype ? "partnership:" + n.ptype : n.kind; }
  function countOf(n) { return n.count || sourcesOf(n).length; }
  // a fact more sources state is drawn a little larger (up to five sources), and carries their number (drawBadges)
  function sizeOf(n) { return n.kind === "city" ? 24 : 16 + 3 * Math.min(Math.max(countOf(n) - 1, 0), 4); }
  // On a map the cities are drawn by this script too (drawCities, drawLabels): twenty thousand vis nodes take
  // seconds to create, while dots, names at one screen size and a nearest-city pointer need none of vis's machinery.
  var visNodes = new vis.DataSet(big ? [] : data.nodes.map(function (n) {
    var node = { id: n.id, title: n.tip };
    node.group = groupOf(n);
    node.label = n.label;
    node.size = sizeOf(n);
    if (n.kind === "city") { node.font = { size: 24, face: "system-ui, sans-serif", bold: true }; }
    if (n.pin) { node.x = n.pin[0]; node.y = n.pin[1]; node.fixed = true; }
    if (FACT_KINDS[n.kind] && n.planned) {
      node.shapeProperties = { borderDashes: [6, 3] };
      node.borderWidth = 2;
    } else if (FACT_KINDS[n.kind] && !n.own_date) {
      node.shapeProperties = { borderDashes: [2, 3] };
      node.borderWidth = 2;
    }
    return node;
  }));
  // On a network map the lines are drawn by this script under vis-network's nodes (see drawMapLines):
  // tens of thousands of vis edge objects take seconds to create and add nothing a map reader needs.
  // Relation names show when the pointer is on a line (a dozen names on the two cities cannot be read).
  var visEdges = new vis.DataSet(big ? [] : data.edges.map(function (e, i) {
    var edge = { id: i, from: e.from, to: e.to, title: e.tip };
    if (e.dashes || e.via !== undefined) { edge.dashes = true; }
    if (e.via !== undefined) { edge.color = { color: "#aaaaaa" }; }
    return edge;
  }));
  var visible = {};
  function computeVisible() {
    visible = {};
    data.nodes.forEach(function (n) { if (nodeShown(n)) { visible[n.id] = true; } });
  }
  computeVisible();
  function edgeShown(d) {
    if (visible[d.from] !== true || visible[d.to] !== true) { return false; }
    if (d.ptype && shownTypes[d.ptype] === false) { return false; }
    if (d.via !== undefined && visible[d.via] === true) { return false; }  // drawn through the organization then
    return !d.date || inTime(d.date);
  }
  var nodeView = new vis.DataView(visNodes, { filter: function (n) { return visible[n.id] === true; } });
  var edgeView = new vis.DataView(visEdges, { filter: function (e) { return edgeShown(data.edges[e.id]); } });

  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    interaction: { hover: true, tooltipDelay: 150, dragNodes: !big, hideEdgesOnDrag: big },
    nodes: big
      ? { borderWidth: 0, shape: "dot", color: { background: kindStyle.city.color, border: kindStyle.city.color } }
      : { font: { size: 16, face: "system-ui, sans-serif" }, scaling: { label: { drawThreshold: 5 } } },
    groups: groups,
    edges: { smooth: { type: "dynamic" }, arrows: "to", color: { color: "#888888" },
             font: { size: 12, align: "middle", color: "#333333", strokeWidth: 4 } },
    physics: big ? false : {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.4 },
      stabilization: { iterations: 400, updateInterval: 50 }
    }
  };
  performance.mark("tg-datasets-built");
  var container = document.getElementById("tg-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  performance.mark("tg-network-created");
  var selected = null;  // node id
  window.__tg = { network: network, nodes: visNodes, edges: visEdges, nodeView: nodeView, edgeView: edgeView, data: data };

  // --- the world map: outlines, lines, names -----------------------------------------------------------
  var mapLines = { drawn: 0, highlighted: 0, labels: [], cities: 0 };
  function drawCities(ctx) {
    var scale = network.getScale(), least = 1.3 / scale, count = 0;
    ctx.save();
    ctx.fillStyle = kindStyle.city.color;
    ctx.globalAlpha = 0.85;
    ctx.beginPath();
    data.nodes.forEach(function (n) {
      if (visible[n.id] !== true) { return; }
      var r = Math.max(n.size, least);
      ctx.moveTo(n.x + r, n.y);
      ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
      count += 1;
    });
    ctx.fill();
    ctx.restore();
    mapLines.cities = count;
  }
  function fitMap() {  // what vis's fit does for nodes it knows
    var xs = [], ys = [];
    data.nodes.forEach(function (n) { if (visible[n.id]) { xs.push(n.x); ys.push(n.y); } });
    if (!xs.length) { return; }
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var scale = 0.95 * Math.min(container.clientWidth / Math.max(1, x1 - x0), container.clientHeight / Math.max(1, y1 - y0));
    network.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: scale, animation: false });
  }
  function drawOutlines(ctx) {
    if (!data.outlines || !data.outlines.length) { return; }
    ctx.save();
    ctx.strokeStyle = "#b9c0c9";
    ctx.lineWidth = 0.9 / network.getScale();
    ctx.beginPath();
    data.outlines.forEach(function (line) {
      ctx.moveTo(line[0], line[1]);
      for (var i = 2; i < line.length; i += 2) { ctx.lineTo(line[i], line[i + 1]); }
    });
    ctx.stroke();
    ctx.restore();
  }
  function drawMapLines(ctx) {
    drawOutlines(ctx);
    var byColor = {};
    var drawn = 0, mine = [];
    data.edges.forEach(function (e) {
      if (!edgeShown(e)) { return; }
      if (selected !== null && (e.from === selected || e.to === selected)) { mine.push(e); }
      var color = e.ptype && e.ptype !== commonType ? ptypeColor(e.ptype) : MAP_LINE;
      (byColor[color] = byColor[color] || []).push(e);
      drawn += 1;
    });
    ctx.save();
    ctx.globalAlpha = selected === null ? 0.09 : 0.04;
    ctx.lineWidth = 0.7 / network.getScale();  // hairlines at any zoom
    Object.keys(byColor).forEach(function (color) {
      ctx.strokeStyle = color;
      ctx.beginPath();
      byColor[color].forEach(function (e) {
        var a = byId[e.from], b = byId[e.to];
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
      });
      ctx.stroke();
    });
    if (mine.length) {  // the selected city's partnerships, bold
      ctx.globalAlpha = 0.9;
      ctx.strokeStyle = "#c0392b";
      ctx.lineWidth = 2.2 / network.getScale();
      ctx.beginPath();
      mine.forEach(function (e) {
        var a = byId[e.from], b = byId[e.to];
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
      });
      ctx.stroke();
    }
    ctx.restore();
    mapLines.drawn = drawn;
    mapLines.highlighted = mine.length;
    drawCities(ctx);
  }
  // names at one screen size: the selected city and its partners first, then by number of partners; a name
  // that would overlap one already placed is left out; zoomed far out, countries stand for their cities
  var byRank = data.nodes.slice().sort(function (a, b) { return (b.size - a.size) || (a.id - b.id); });
  var countryNames = null;
  try { countryNames = new Intl.DisplayNames(["en"], { type: "region" }); } catch (e) { countryNames = null; }
  var countries = null;
  function countryClusters() {
    if (countries) { return countries; }
    var acc = {};
    data.nodes.forEach(function (n) {
      var c = n.country || "?";
      var a = acc[c] = acc[c] || { code: c, x: 0, y: 0, count: 0 };
      a.x += n.x; a.y += n.y; a.count += 1;
    });
    countries = Object.keys(acc).map(function (c) {
      var a = acc[c];
      var name = c;
      try { name = countryNames && c.length === 2 ? countryNames.of(c.toUpperCase()) : c; } catch (e) { name = c; }
      return { x: a.x / a.count, y: a.y / a.count, size: a.count, label: name + " (" + a.count.toLocaleString("en") + ")" };
    }).sort(function (a, b) { return b.size - a.size; });
    return countries;
  }
  var CLUSTER_SCALE = 0.12;
  function drawLabels(ctx) {
    var scale = network.getScale(), view = network.getViewPosition();
    var width = container.clientWidth, height = container.clientHeight;
    var ratio = ctx.canvas.width / Math.max(1, width);
    var cell = 12, cols = Math.ceil(width / cell) + 1, taken = new Uint8Array(cols * (Math.ceil(height / cell) + 1));
    var placed = [];
    function free(x0, y0, x1, y1, mark) {
      var c0 = Math.max(0, Math.floor(x0 / cell)), c1 = Math.floor(x1 / cell);
      var r0 = Math.max(0, Math.floor(y0 / cell)), r1 = Math.floor(y1 / cell);
      for (var r = r0; r <= r1; r++) { for (var c = c0; c <= c1 && c < cols; c++) {
        if (mark) { taken[r * cols + c] = 1; } else if (taken[r * cols + c]) { return false; }
      } }
      return true;
    }
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    function place(item, bold) {
      var sx = (item.x - view.x) * scale + width / 2, sy = (item.y - view.y) * scale + height / 2;
      if (sx < 0 || sy < 0 || sx > width || sy > height) { return; }
      ctx.font = (bold ? "bold " : "") + "12px system-ui, sans-serif";
      var w = ctx.measureText(item.label).width, x0 = sx + 5, y0 = sy - 8;
      if (!free(x0, y0, x0 + w, y0 + 16, false)) { return; }
      free(x0, y0, x0 + w, y0 + 16, true);
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.9)"; ctx.strokeText(item.label, x0, sy);
      ctx.fillStyle = bold ? "#7a1d12" : "#12263a"; ctx.fillText(item.label, x0, sy);
      placed.push(item.label);
    }
    if (selected !== null) {
      var s = byId[selected];
      var sx = (s.x - view.x) * scale + width / 2, sy = (s.y - view.y) * scale + height / 2;
      ctx.strokeStyle = "#c0392b"; ctx.lineWidth = 3;
      ctx.beginPath(); ctx.arc(sx, sy, Math.max(7, s.size * scale) + 3, 0, 2 * Math.PI); ctx.stroke();
      place(s, true);
      data.edges.forEach(function (e) {
        if (placed.length < 60 && (e.from === selected || e.to === selected) && edgeShown(e)) {
          place(byId[e.from === selected ? e.to : e.from], false);
        }
      });
    }
    if (scale < CLUSTER_SCALE && selected === null) {
      countryClusters().forEach(function (c) { if (placed.length < 80) { place(c, false); } });
    } else {
      for (var i = 0; i < byRank.length && placed.length < 250; i++) {
        if (visible[byRank[i].id] === true) { place(byRank[i], false); }
      }
    }
    ctx.restore();
    mapLines.labels = placed;
  }
  if (big) {
    network.on("beforeDrawing", drawMapLines);
    network.on("afterDrawing", drawLabels);
    fitMap();
  }
  window.__tg.mapLines = mapLines;
  // on a fact page: the number of sources stating a fact (when more than one) and a mark where they disagree
  var badges = { counts: 0, conflicts: 0 };
  function drawBadges(ctx) {
    var ids = nodeView.getIds().filter(function (id) { return countOf(byId[id]) > 1 || (byId[id].conflicts || []).length; });
    var pos = network.getPositions(ids);
    badges.counts = 0; badges.conflicts = 0;
    ctx.save();
    ctx.font = "bold 11px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
    function badge(x, y, text, color) {
      ctx.beginPath(); ctx.arc(x, y, 8, 0, 2 * Math.PI);
      ctx.fillStyle = color; ctx.fill();
      ctx.lineWidth = 1.5; ctx.strokeStyle = "#ffffff"; ctx.stroke();
      ctx.fillStyle = "#ffffff"; ctx.fillText(text, x, y + 0.5);
    }
    ids.forEach(function (id) {
      var n = byId[id], p = pos[id], r = 0.8 * sizeOf(n);
      if (!p) { return; }
      if (countOf(n) > 1) { badge(p.x + r, p.y - r, String(countOf(n)), "#1f3b57"); badges.counts += 1; }
      if ((n.conflicts || []).length) { badge(p.x - r, p.y - r, "!", "#c0392b"); badges.conflicts += 1; }
    });
    ctx.restore();
  }
  if (!big) { network.on("afterDrawing", drawBadges); }
  window.__tg.badges = badges;
  network.once("afterDrawing", function () { performance.mark("tg-first-drawn"); window.__tgFirstRender = performance.now(); });

  var countOut = document.getElementById("tg-count");
  function refresh() {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    if (big) { network.redraw(); }
    var facts = data.nodes.filter(function (n) { return visible[n.id] && FACT_KINDS[n.kind]; }).length;
    var shown = big ? Object.keys(visible).length : nodeView.length;
    countOut.textContent = shown + " of " + data.nodes.length + (big ? " cities shown" : " nodes shown") +
      (big ? "" : " (" + facts + " facts)");
    updateList();
    writeState();
  }
  function setDate(iso) {
    slider.value = String(dayOf(iso));
    readSlider();
    if (timeline) { timeline.setCustomTime(toTime(cursor), "cursor"); }
    refresh();
  }
  slider.addEventListener("input", function () {
    readSlider();
    if (timeline) { timeline.setCustomTime(toTime(cursor), "cursor"); }
    refresh();
  });
  undated.addEventListener("change", refresh);

  var playing = null;
  var playButton = document.getElementById("tg-play");
  function stop() { clearInterval(playing); playing = null; playButton.textContent = "▶ Play"; }
  playButton.addEventListener("click", function () {
    if (playing) { stop(); return; }
    if (+slider.value >= days) { slider.value = "0"; }
    playButton.textContent = "❚❚ Pause";
    var step = Math.max(1, Math.round(days / 60));
    playing = setInterval(function () {
      slider.value = String(Math.min(days, +slider.value + step));
      slider.dispatchEvent(new Event("input"));
      if (+slider.value >= days) { stop(); }
    }, 200);
  });

  // --- details panel -------------------------------------------------------------------------------
  var details = document.getElementById("tg-details");
  if (big) { details.firstElementChild.textContent = "Click a city to see its partner cities and the sources."; }
  function sourceLine(s, parent) {
    var url = s.url ? safeUrl(s.url) : null;
    var title = s.title || s.url || "source";
    if (url) {
      var a = el("a", title);
      a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
      parent.appendChild(a);
    } else {
      parent.appendChild(el("span", title));
    }
    var meta = [s.publisher, s.published ? "published " + s.published : "date unknown", s.origin].filter(Boolean).join(", ");
    parent.appendChild(el("span", " (" + meta + ")", "tg-hint"));
  }
  function showSources(sources) {
    if (!sources || !sources.length) { return; }
    details.appendChild(el("h3", sources.length === 1 ? "Source" : "Sources (" + sources.length + ")"));
    sources.forEach(function (s) {
      var p = el("p");
      sourceLine(s, p);
      details.appendChild(p);
      if (s.evidence) { details.appendChild(el("blockquote", s.evidence)); }
    });
  }
  function conflictsOf(n) {  // where sources disagree, as the consolidated graph records it
    var found = [];
    (n.conflicts || []).forEach(function (c) {
      if (Array.isArray(c)) { found.push([String(c[0]), [].concat(c[1])]); }
      else if (c && c.field) { found.push([String(c.field), [].concat(c.values || [])]); }
    });
    return found;
  }
  function showNode(n) {
    details.textContent = "";
    details.appendChild(el("h2", oneLine(n)));
    var when = n.own_date ? (n.planned ? "planned for " : "") + n.own_date + (n.end ? " to " + n.end : "")
      : n.date ? "in the picture from " + n.date : "no date";
    var stated = countOf(n) > 1 ? " · stated by " + countOf(n) + " sources" : "";
    details.appendChild(el("p", kindStyle[n.kind].label + " · " + when + stated, "tg-hint"));
    var dl = el("dl");
    (n.fields || []).forEach(function (f) { dl.appendChild(el("dt", f[0])); dl.appendChild(el("dd", f[1])); });
    details.appendChild(dl);
    showPhases(n);
    conflictsOf(n).forEach(function (c) {
      details.appendChild(el("p", "Sources differ on " + c[0] + ": " + c[1].join(" / "), "tg-conflict"));
    });
    showSources(sourcesOf(n));
    if (big) { showPartners(n); }
    if (big && data.sources.length) { showSources(data.sources); }
  }
  function showPhases(n) {  // a partnership's status over time, each phase with the sources stating it
    var phases = (n.phases || []).filter(function (p) { return p && p.start; });
    if (!phases.length) { return; }
    details.appendChild(el("h3", "Status over time" + (n.status ? " (now " + n.status + ")" : "")));
    var list = el("ol", null, "tg-phases");
    phases.forEach(function (p) {
      var li = el("li");
      var dates = (p.dates || [p.start]).join(", ");
      li.appendChild(el("strong", (p.status || "phase") + " "));
      li.appendChild(document.createTextNode((p.status === "planned" ? "as of " : p.status === "ended" ? "" : "since ") + dates +
        (p.end && !p.through ? ", until " + p.end : "")));
      (p.sources || []).forEach(function (s) {
        var span = el("span", null, "tg-src");
        sourceLine(s, span);
        li.appendChild(span);
      });
      list.appendChild(li);
    });
    details.appendChild(list);
  }
  function showPartners(n) {  // a map's lines cannot be clicked: the city lists them instead
    var rows = data.edges.filter(function (e) { return e.from === n.id || e.to === n.id; });
    details.appendChild(el("h3", "Partner cities (" + rows.length + ")"));
    var list = el("ul");
    rows.slice(0, 200).forEach(function (e) {
      var other = byId[e.from === n.id ? e.to : e.from];
      list.appendChild(el("li", other.label + " — " + e.tip.split("\n").slice(1).join("; ")));
    });
    details.appendChild(list);
  }
  function showEdge(e) {
    details.textContent = "";
    details.appendChild(el("h2", e.tip.split("\n")[0]));
    e.tip.split("\n").slice(1).forEach(function (line) { details.appendChild(el("p", line)); });
    if (big && data.sources.length) { showSources(data.sources); }
  }
  function select(id, how) {
    selected = id;
    if (id === null) {
      if (!big) { network.unselectAll(); }
      details.textContent = "";
      details.appendChild(el("p", "Nothing selected.", "tg-hint"));
    } else {
      if (!big) { network.selectNodes(visible[id] ? [id] : []); }
      showNode(byId[id]);
      if (how === "focus" && big) {
        network.moveTo({ position: { x: byId[id].x, y: byId[id].y }, scale: Math.max(network.getScale(), 1.6), animation: false });
      } else if (how === "focus") {
        network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
      }
      if (timeline && data.nodes[id] && itemIds[id]) { timeline.setSelection([id]); }
    }
    if (big) { network.redraw(); }
    markList();
    writeState();
  }
  function nearestNode(point, radius) {  // on a map cities overlap: the one whose centre is nearest the pointer
    var best = null, bestD = radius * radius;
    data.nodes.forEach(function (n) {
      if (visible[n.id] !== true) { return; }
      var dx = n.x - point.x, dy = n.y - point.y, d = dx * dx + dy * dy;
      if (d <= Math.max(bestD, 0) && (best === null || d < bestD)) { best = n.id; bestD = d; }
    });
    return best;
  }
  network.on("click", function (params) {
    if (big) {
      var hit = nearestNode(params.pointer.canvas, 14 / network.getScale());
      if (hit !== null) { select(hit); return; }
      if (params.nodes.length) { select(params.nodes[0]); return; }
      return;
    }
    if (params.nodes.length) { select(params.nodes[0]); }
    else if (params.edges.length) { showEdge(data.edges[params.edges[0]]); }
  });
  if (big) {  // the nearest city's name and partner count under the pointer, as vis shows a node's title
    var tip = el("div", null, "vis-tooltip tg-map-tip");
    tip.style.cssText = "position: fixed; visibility: hidden; pointer-events: none;";
    document.body.appendChild(tip);
    var pending = null;
    container.addEventListener("mousemove", function (event) {
      pending = event;
      requestAnimationFrame(function () {
        if (!pending) { return; }
        var e = pending, box = container.getBoundingClientRect();
        pending = null;
        var at = network.DOMtoCanvas({ x: e.clientX - box.left, y: e.clientY - box.top });
        var hit = nearestNode(at, 8 / network.getScale());
        if (hit === null) { tip.style.visibility = "hidden"; return; }
        tip.textContent = byId[hit].tip;
        tip.style.left = (e.clientX + 14) + "px";
        tip.style.top = (e.clientY + 14) + "px";
        tip.style.visibility = "visible";
      });
    });
    container.addEventListener("mouseleave", function () { tip.style.visibility = "hidden"; });
  }
  if (!big) {
    network.on("hoverEdge", function (params) { visEdges.update({ id: params.edge, label: data.edges[params.edge].label }); });
    network.on("blurEdge", function (params) { visEdges.update({ id: params.edge, label: " " }); });
  }

  // --- search: every spelling, best match first ----------------------------------------------------
  var search = document.getElementById("tg-search");
  var found = document.getElementById("tg-found");
  function fold(text) { return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var folded = data.nodes.map(function (n) {
    return [fold(n.label.replace(/\n/g, " "))].concat((n.names || []).map(fold));
  });
  function matchRank(id, query) {  // 0 exact name, 1 a name starts with it, 2 contains it, -1 none
    var best = -1;
    folded[id].forEach(function (name) {
      var r = name === query ? 0 : name.indexOf(query) === 0 ? 1 : name.indexOf(query) >= 0 ? 2 : -1;
      if (r >= 0 && (best < 0 || r < best)) { best = r; }
    });
    return best;
  }
  function runSearch(text) {
    var query = fold(text.trim());
    if (!query) { select(null); found.textContent = ""; return; }
    var hits = [];
    data.nodes.forEach(function (n) {
      var r = matchRank(n.id, query);
      if (r >= 0 && visible[n.id]) { hits.push([r, -(n.size || 0), n.id]); }
    });
    hits.sort(function (a, b) { return (a[0] - b[0]) || (a[1] - b[1]) || (a[2] - b[2]); });
    found.textContent = hits.length ? hits.length + " found" + (hits.length > 1 ? ": showing " + caption(byId[hits[0][2]]) : "")
      : "nothing found";
    if (hits.length) {
      select(hits[0][2], "focus");
      if (!big) { network.selectNodes(hits.map(function (h) { return h[2]; })); }
    }
  }
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") { runSearch(search.value); } });

  // --- fact list mirroring the graph, keyboard navigation ---------------------------------------------
  var list = document.getElementById("tg-list");
  var listTitle = document.getElementById("tg-list-title");
  function byDate(a, b) {
    var da = a.own_date || a.date || "~", db = b.own_date || b.date || "~";
    return da < db ? -1 : da > db ? 1 : caption(a).localeCompare(caption(b));
  }
  function updateList() {
    if (big) {  // twenty thousand buttons help no one: the list holds the selected city's partners
      list.dataset.for = "";
      fillMapList();
      return;
    }
    list.textContent = "";
    var shown = data.nodes.filter(function (n) { return visible[n.id]; }).sort(byDate);
    listTitle.textContent = "Facts shown (" + shown.length + ")";
    shown.forEach(function (n) { list.appendChild(listItem(n)); });
    markList();
  }
  function listItem(n) {
    var li = el("li");
    var text = FACT_KINDS[n.kind] ? (n.own_date ? n.own_date + " " : "") + caption(n) : oneLine(n);
    var reported = FACT_KINDS[n.kind] && !n.own_date && n.date ? ", reported " + n.date : "";  // a source's publication
    var more = (countOf(n) > 1 ? ", " + countOf(n) + " sources" : "") +
      ((n.conflicts || []).length ? ", sources differ" : "");
    var button = el("button", text + " (" + kindStyle[n.kind].label.toLowerCase() + reported + more + ")");
    button.type = "button";
    button.dataset.id = String(n.id);
    button.addEventListener("click", function () { select(n.id, "focus"); });
    li.appendChild(button);
    return li;
  }
  function markList() {
    Array.prototype.forEach.call(list.querySelectorAll("button"), function (b) {
      b.setAttribute("aria-current", String(+b.dataset.id === selected));
    });
    if (big) { updateListLater(); }
  }
  var listTimer = null;
  function updateListLater() { clearTimeout(listTimer); listTimer = setTimeout(function () { if (big) { fillMapList(); } }, 0); }
  function fillMapList() {
    var current = list.dataset.for;
    if (String(selected) === current) { return; }
    list.dataset.for = String(selected);
    list.textContent = "";
    listTitle.textContent = selected === null ? "Partner cities of the selected city" : "Partner cities of " + byId[selected].label;
    if (selected === null) { return; }
    data.edges.forEach(function (e) {
      if ((e.from === selected || e.to === selected) && edgeShown(e)) { list.appendChild(listItem(byId[e.from === selected ? e.to : e.from])); }
    });
  }
  container.addEventListener("keydown", function (event) {
    var moves = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    if (event.key === "Escape") { select(null); event.preventDefault(); return; }
    if (event.key === "Enter" || event.key === " ") {
      if (selected !== null) { showNode(byId[selected]); details.focus && details.scrollIntoView({ block: "nearest" }); }
      event.preventDefault();
      return;
    }
    var move = moves[event.key];
    if (!move) { return; }
    event.preventDefault();
    var ids = big ? Object.keys(visible).map(Number) : nodeView.getIds();
    if (!ids.length) { return; }
    var positions = big ? byId : network.getPositions(ids);
    if (selected === null || !positions[selected]) { select(ids.sort(function (a, b) { return byDate(byId[a], byId[b]); })[0], "focus"); return; }
    var here = positions[selected], best = null, bestScore = Infinity;
    ids.forEach(function (id) {
      if (id === selected) { return; }
      var dx = positions[id].x - here.x, dy = positions[id].y - here.y;
      var along = dx * move[0] + dy * move[1];
      if (along <= 0) { return; }
      var across = Math.abs(dx * move[1]) + Math.abs(dy * move[0]);
      var score = along + 2 * across;
      if (score < bestScore) { bestScore = score; best = id; }
    });
    if (best !== null) { select(best, big ? "focus" : undefined); }
  });

  // --- the time axis (fact pages) -------------------------------------------------------------------
  var timeline = null;
  var itemIds = {};
  var tray = document.getElementById("tg-tray-list");
  function itemContent(text) { var span = el("span", text); return span; }
  if (!big && dated.length && vis.Timeline) {
    var items = [];
    var lanes = [{ id: "phase", content: itemContent("Phases") }, { id: "partnership", content: itemContent("Partnerships") },
      { id: "visit", content: itemContent("Visits") }, { id: "other", content: itemContent("Agreements, aid, events") }];
    var axisEnd = start + days * DAY + DAY;
    data.nodes.forEach(function (n) {
      if (!FACT_KINDS[n.kind]) { return; }
      // a consolidated partnership's phases: its status over time, drawn whether or not it has a start date
      (n.phases || []).forEach(function (p, i) {
        if (!p || !p.start) { return; }
        var until = !p.end ? axisEnd : p.through ? periodEnd(p.end) : toTime(p.end);
        items.push({ id: "phase-" + n.id + "-" + i, content: itemContent(String(p.label || p.name || "phase")),
          start: toTime(p.start), end: Math.max(until, toTime(p.start) + DAY), type: "range", group: "phase",
          className: "tg-phase" + (p.status ? " tg-phase-" + p.status : "") });
      });
      if (!n.own_date) { return; }
      var precise = String(n.own_date).length === 10;
      var item = { id: n.id, content: itemContent(caption(n) + (n.planned ? " (planned)" : "")), start: toTime(n.own_date),
        group: n.kind === "partnership" || n.kind === "visit" ? n.kind : "other",
        className: "tg-" + n.kind + (n.planned ? " tg-planned" : "") + (precise ? "" : " tg-uncertain") };
      if (n.end) { item.end = periodEnd(n.end); item.type = "range"; }
      else if (!precise) { item.end = periodEnd(n.own_date); item.type = "range"; }
      else { item.type = "box"; }
      if (n.kind === "partnership") { item.style = "background-color: " + ptypeColor(n.ptype); }
      items.push(item);
      itemIds[n.id] = true;
      if (n.kind === "partnership" && !n.planned && !(n.phases || []).length) {  // in this phase since then
        items.push({ id: "phase-" + n.id, content: itemContent(caption(n) + " since " + n.own_date), start: toTime(n.own_date),
          end: n.end ? periodEnd(n.end) : axisEnd, type: "range", group: "phase", className: "tg-phase" });
      }
    });
    timeline = new vis.Timeline(document.getElementById("tg-timeline"), items, lanes, {
      min: start, max: axisEnd, start: start, end: axisEnd, stack: true, showCurrentTime: false, zoomMin: 7 * DAY,
      maxHeight: "196px", orientation: "top", verticalScroll: true, selectable: true, multiselect: false, margin: { item: 4 },
      groupOrder: function (a, b) { return ["phase", "partnership", "visit", "other"].indexOf(a.id) - ["phase", "partnership", "visit", "other"].indexOf(b.id); }
    });
    timeline.addCustomTime(toTime(cursor), "cursor");
    timeline.setCustomTimeTitle("Drag to move the graph in time", "cursor");
    timeline.on("timechange", function (props) { if (props.id === "cursor") { setDateFromAxis(props.time); } });
    timeline.on("click", function (props) {
      if (props.item !== null && props.item !== undefined && byId[props.item]) { select(+props.item); return; }
      if (props.time && (props.what === "background" || props.what === "axis")) { setDateFromAxis(props.time); }
    });
    window.__tg.timeline = timeline;
  }
  function setDateFromAxis(time) {
    slider.value = String(Math.max(0, Math.min(days, Math.round((time.valueOf() - start) / DAY))));
    readSlider();
    timeline.setCustomTime(toTime(cursor), "cursor");
    refresh();
  }
  (function fillTray() {
    var rest = data.nodes.filter(function (n) { return FACT_KINDS[n.kind] && !n.own_date; });
    var reported = rest.filter(function (n) { return n.date; }).length;
    document.getElementById("tg-tray-title").textContent = "Undated (" + rest.length + "): " + (reported
      ? "drawn from the day their source was published (" + reported + "), else at the end of the axis"
      : "drawn at the end of the axis");
    rest.sort(byDate).forEach(function (n) { tray.appendChild(listItem(n)); });
  })();

  // --- chronology: dated facts with their sources, printable -----------------------------------------
  (function fillChronology() {
    var ol = document.getElementById("tg-chronology");
    var rows = data.nodes.filter(function (n) { return FACT_KINDS[n.kind] && n.own_date; }).sort(byDate);
    if (big) {
      ol.parentNode.querySelector("summary").textContent = "Chronology (the table dates no partnership)";
    }
    rows.forEach(function (n) {
      var li = el("li");
      li.appendChild(el("strong", (n.planned ? "planned for " : "") + n.own_date + (n.end ? " to " + n.end : "")));
      li.appendChild(document.createTextNode(" " + caption(n)));
      sourcesOf(n).forEach(function (s) {
        var span = el("span", null, "tg-src");
        sourceLine(s, span);
        if (s.evidence) { span.appendChild(el("q", s.evidence, "tg-evidence")); }
        li.appendChild(span);
      });
      ol.appendChild(li);
    });
    if (!big) {
      ol.parentNode.querySelector("summary").textContent = "Chronology (" + rows.length + " dated facts)";
    }
    document.getElementById("tg-print").addEventListener("click", function () { window.print(); });
    window.addEventListener("beforeprint", function () { document.getElementById("tg-chronology-box").open = true; });
  })();

  // --- the view's state in the address (#date=...&sel=...) ---------------------------------------------
  var restoring = false;
  function stateParams() {
    var p = [];
    if (dated.length && !atEnd) { p.push("date=" + cursor); }
    if (undated.checked && !undated.disabled) { p.push("undated=1"); }
    var hiddenKinds = Object.keys(shownKinds).filter(function (k) { return shownKinds[k] === false; });
    if (hiddenKinds.length) { p.push("hide=" + hiddenKinds.map(encodeURIComponent).join(",")); }
    var hiddenTypes = Object.keys(shownTypes).filter(function (k) { return shownTypes[k] === false; });
    if (hiddenTypes.length) { p.push("types=" + hiddenTypes.map(encodeURIComponent).join(",")); }
    if (selected !== null) { p.push("sel=" + encodeURIComponent(byId[selected].iri || "#" + selected)); }
    var view = network.getViewPosition();
    p.push("view=" + Math.round(view.x) + "," + Math.round(view.y) + "," + network.getScale().toFixed(3));
    return p.join("&");
  }
  function writeState() {
    if (restoring || !window.__tgStable) { return; }
    var hash = "#" + stateParams();
    if (location.hash === hash) { return; }
    try { history.replaceState(null, "", hash); } catch (e) { /* some browsers refuse it on file: pages */ }
  }
  network.on("dragEnd", function () { writeState(); });
  network.on("zoom", function () { clearTimeout(zoomTimer); zoomTimer = setTimeout(writeState, 300); });
  var zoomTimer = null;
  function readState(hash) {
    var params = {};
    hash.replace(/^#/, "").split("&").forEach(function (part) {
      var i = part.indexOf("=");
      if (i > 0) { params[part.slice(0, i)] = decodeURIComponent(part.slice(i + 1)); }
    });
    return params;
  }
  function applyState(hash) {
    var p = readState(hash);
    if (!Object.keys(p).length) { return false; }
    restoring = true;
    undated.checked = p.undated === "1" || undated.disabled;
    var hideKinds = (p.hide || "").split(","), hideTypes = (p.types || "").split(",");
    Array.prototype.forEach.call(document.querySelectorAll("#tg-kinds input"), function (box) {
      box.checked = hideKinds.indexOf(box.dataset.key) < 0; shownKinds[box.dataset.key] = box.checked;
    });
    Array.prototype.forEach.call(document.querySelectorAll("#tg-ptypes input"), function (box) {
      box.checked = hideTypes.indexOf(box.dataset.key) < 0; shownTypes[box.dataset.key] = box.checked;
    });
    slider.value = String(p.date && dated.length ? dayOf(p.date) : days);
    readSlider();
    if (timeline) { timeline.setCustomTime(toTime(cursor), "cursor"); }
    refresh();
    var sel = null;
    if (p.sel) {
      var m = /^#(\d+)$/.exec(p.sel);
      sel = m ? +m[1] : (data.nodes.filter(function (n) { return n.iri === p.sel; })[0] || { id: null }).id;
    }
    if (sel !== null && byId[sel]) { select(sel); } else { select(null); }
    if (p.view) {
      var v = p.view.split(",").map(Number);
      if (v.length === 3 && v.every(isFinite)) { network.moveTo({ position: { x: v[0], y: v[1] }, scale: v[2], animation: false }); }
    }
    restoring = false;
    return true;
  }
  window.addEventListener("hashchange", function () { applyState(location.hash); });
  document.getElementById("tg-link").addEventListener("click", function () {
    writeState();
    found.textContent = "the address now holds this view: copy it to share";
    try { if (navigator.clipboard) { navigator.clipboard.writeText(location.href).catch(function () {}); } } catch (e) { /* no clipboard */ }
  });

  // --- exports: PNG, SVG of the view, CSV of the facts shown -------------------------------------------
  function fileBase() { return (data.title || "twingraph").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || "twingraph"; }
  function download(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function pngBlob(callback) {
    var source = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = source.width; out.height = source.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 0);
    ctx.fillStyle = "#222222"; ctx.font = "bold " + Math.round(out.height / 50) + "px system-ui, sans-serif";
    ctx.fillText(data.title + (dated.length && !atEnd ? " — " + cursor : ""), 12, Math.round(out.height / 30));
    out.toBlob(callback, "image/png");
  }
  function xml(text) { return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }
  function svgText() {
    var w = container.clientWidth, h = container.clientHeight;
    var a = network.DOMtoCanvas({ x: 0, y: 0 }), b = network.DOMtoCanvas({ x: w, y: h });
    var out = ['<svg xmlns="http://www.w3.org/2000/svg" width="' + w + '" height="' + h + '" viewBox="' +
      [a.x, a.y, b.x - a.x, b.y - a.y].map(function (v) { return v.toFixed(1); }).join(" ") + '" font-family="system-ui, sans-serif">',
      "<title>" + xml(data.title + (dated.length && !atEnd ? " — " + cursor : "")) + "</title>",
      '<rect x="' + a.x + '" y="' + a.y + '" width="' + (b.x - a.x) + '" height="' + (b.y - a.y) + '" fill="#ffffff"/>'];
    var unit = 1 / network.getScale();
    function inside(p) { return p.x >= a.x && p.x <= b.x && p.y >= a.y && p.y <= b.y; }
    if (big) {
      if (data.outlines) {
        out.push('<path fill="none" stroke="#b9c0c9" stroke-width="' + (0.9 * unit).toFixed(2) + '" d="' + data.outlines.map(function (l) {
          var d = "M" + l[0] + " " + l[1];
          for (var i = 2; i < l.length; i += 2) { d += "L" + l[i] + " " + l[i + 1]; }
          return d;
        }).join("") + '"/>');
      }
      var lines = data.edges.filter(function (e) { return edgeShown(e) && (inside(byId[e.from]) || inside(byId[e.to])); });
      out.push('<g stroke="' + MAP_LINE + '" stroke-opacity="0.2" stroke-width="' + (0.7 * unit).toFixed(2) + '">');
      lines.forEach(function (e) { out.push('<line x1="' + byId[e.from].x + '" y1="' + byId[e.from].y + '" x2="' + byId[e.to].x + '" y2="' + byId[e.to].y + '"/>'); });
      out.push("</g>");
      out.push('<g fill="' + kindStyle.city.color + '">');
      data.nodes.forEach(function (n) { if (visible[n.id] && inside(n)) { out.push('<circle cx="' + n.x + '" cy="' + n.y + '" r="' + n.size + '"><title>' + xml(n.label) + "</title></circle>"); } });
      out.push("</g>");
      out.push('<g font-size="' + (12 * unit).toFixed(2) + '" fill="#12263a">');
      data.nodes.forEach(function (n) {
        if (mapLines.labels.indexOf(n.label) >= 0 && visible[n.id] && inside(n)) { out.push('<text x="' + (n.x + 5 * unit) + '" y="' + (n.y + 4 * unit) + '">' + xml(n.label) + "</text>"); }
      });
      out.push("</g></svg>");
      return out.join("\n");
    }
    var pos = network.getPositions(nodeView.getIds());
    edgeView.get().forEach(function (e) {
      var p = pos[e.from], q = pos[e.to];
      if (!p || !q) { return; }
      out.push('<line x1="' + p.x.toFixed(1) + '" y1="' + p.y.toFixed(1) + '" x2="' + q.x.toFixed(1) + '" y2="' + q.y.toFixed(1) +
        '" stroke="#888888"' + (e.dashes ? ' stroke-dasharray="5 4"' : "") + "><title>" + xml(data.edges[e.id].tip) + "</title></line>");
    });
    nodeView.get().forEach(function (v) {
      var n = byId[v.id], p = pos[v.id];
      var color = n.kind === "partnership" && n.ptype ? ptypeColor(n.ptype) : kindStyle[n.kind].color;
      var r = n.kind === "city" ? 22 : 14;
      var dash = FACT_KINDS[n.kind] && n.planned ? ' stroke-dasharray="6 3"' : FACT_KINDS[n.kind] && !n.own_date ? ' stroke-dasharray="2 3"' : "";
      var shape = svgShape(kindStyle[n.kind].shape, p.x, p.y, r);
      out.push(shape.replace("/>", ' fill="' + color + '" stroke="#333333" stroke-width="' + (dash ? 2 : 1) + '"' + dash + "><title>" + xml(n.tip) + "</title></" + shape.split(" ")[0].slice(1) + ">"));
      n.label.split("\n").forEach(function (line, i) {
        out.push('<text x="' + p.x.toFixed(1) + '" y="' + (p.y + r + 14 + i * 14).toFixed(1) + '" text-anchor="middle" font-size="' +
          (n.kind === "city" ? 18 : 12) + '"' + (n.kind === "city" ? ' font-weight="bold"' : "") + ">" + xml(line) + "</text>");
      });
      // the badges drawn on the canvas: the number of sources stating the fact, a mark where they disagree
      function badge(cls, x, text, color) {
        out.push('<g class="' + cls + '"><circle cx="' + x.toFixed(1) + '" cy="' + (p.y - r).toFixed(1) + '" r="8" fill="' + color +
          '" stroke="#ffffff"/><text x="' + x.toFixed(1) + '" y="' + (p.y - r + 4).toFixed(1) +
          '" text-anchor="middle" font-size="11" font-weight="bold" fill="#ffffff">' + text + "</text></g>");
      }
      if (countOf(n) > 1) { badge("tg-count", p.x + r, String(countOf(n)), "#1f3b57"); }
      if ((n.conflicts || []).length) { badge("tg-conflict", p.x - r, "!", "#c0392b"); }
    });
    out.push("</svg>");
    return out.join("\n");
  }
  function svgShape(shape, x, y, r) {
    function poly(points) {
      return '<polygon points="' + points.map(function (p) { return (x + p[0] * r).toFixed(1) + "," + (y + p[1] * r).toFixed(1); }).join(" ") + '"/>';
    }
    if (shape === "diamond") { return poly([[0, -1], [1, 0], [0, 1], [-1, 0]]); }
    if (shape === "square") { return poly([[-1, -1], [1, -1], [1, 1], [-1, 1]]); }
    if (shape === "triangle") { return poly([[0, -1], [1, 0.8], [-1, 0.8]]); }
    if (shape === "triangleDown") { return poly([[0, 1], [1, -0.8], [-1, -0.8]]); }
    if (shape === "hexagon") { return poly([[-0.5, -0.87], [0.5, -0.87], [1, 0], [0.5, 0.87], [-0.5, 0.87], [-1, 0]]); }
    if (shape === "star") {
      var pts = [];
      for (var i = 0; i < 10; i++) { var ang = -Math.PI / 2 + i * Math.PI / 5, rr = i % 2 ? 0.45 : 1; pts.push([Math.cos(ang) * rr, Math.sin(ang) * rr]); }
      return poly(pts);
    }
    return '<circle cx="' + x.toFixed(1) + '" cy="' + y.toFixed(1) + '" r="' + r + '"/>';
  }
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function csvText() {
    var rows = [["kind", "what", "date", "until", "planned", "partnership type", "status", "iri", "sources", "evidence", "source count"]];
    data.nodes.filter(function (n) { return visible[n.id] && (big || FACT_KINDS[n.kind] || n.kind === "person" || n.kind === "organization"); })
      .sort(byDate).forEach(function (n) {
        var sources = sourcesOf(n);
        rows.push([n.kind, oneLine(n), n.own_date || "", n.end || "", n.planned ? "yes" : "", n.ptype || "", n.status || (n.statuses || []).join("; "),
          n.iri || "", sources.map(function (s) { return (s.title || "") + (s.url ? " <" + s.url + ">" : ""); }).join(" | "),
          sources.map(function (s) { return s.evidence || ""; }).filter(Boolean).join(" | "), String(countOf(n) || "")]);
      });
    return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  document.getElementById("tg-png").addEventListener("click", function () { pngBlob(function (blob) { download(blob, fileBase() + ".png"); }); });
  document.getElementById("tg-svg").addEventListener("click", function () {
    download(new Blob([svgText()], { type: "image/svg+xml" }), fileBase() + ".svg");
  });
  document.getElementById("tg-csv").addEventListener("click", function () {
    download(new Blob(["\ufeff" + csvText()], { type: "text/csv;charset=utf-8" }), fileBase() + ".csv");
  });

  // --- first frame ------------------------------------------------------------------------------------
  function ready() {
    window.__tgStable = true;
    if (!applyState(location.hash)) {
      if (!big) { network.fit({ animation: false }); }  // physics moved the nodes since the first frame's fit
      writeState();
    }
  }
  if (!big) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      network.storePositions();  // nodes the slider hides and shows again come back where they were
      ready();
    });
  } else {
    ready();
  }
  refresh();
  window.__tgDayOf = dayOf;
  window.__tg.setDate = setDate;
  window.__tg.select = select;
  window.__tg.search = runSearch;
  window.__tg.csv = csvText;
  window.__tg.selected = function () { return selected; };
  window.__tg.svg = svgText;
})();
