/* twingraph: an interactive, offline view of a partnership graph.
   All text from sources is set with textContent or given to vis as plain strings (vis shows them as text). */
(function () {
  "use strict";
  performance.mark("tg-start");
  var data = JSON.parse(document.getElementById("tg-data").textContent);
  performance.mark("tg-data-parsed");
  var big = data.mode === "network";
  // the partnership type most lines have: drawn in a quiet colour on a network map
  var typeCounts = {};
  data.edges.forEach(function (e) { if (e.ptype) { typeCounts[e.ptype] = (typeCounts[e.ptype] || 0) + 1; } });
  var commonType = Object.keys(typeCounts).sort(function (a, b) { return typeCounts[b] - typeCounts[a]; })[0];
  var kindStyle = {};
  data.kinds.forEach(function (k) { kindStyle[k.kind] = k; });
  var PTYPE_COLORS = { twinning: "#d62728", solidarity: "#e377c2", friendship: "#bcbd22", project: "#17becf",
    contact: "#aec7e8", cooperation: "#9467bd", other: "#7f7f7f" };

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

  document.getElementById("tg-title").textContent = data.title;
  document.getElementById("tg-note").textContent = data.note;

  // --- dates and the time slider ------------------------------------------------------------------
  var DAY = 86400000;
  function toTime(iso) {
    var parts = iso.split("-");
    return Date.UTC(+parts[0], parts.length > 1 ? +parts[1] - 1 : 0, parts.length > 2 ? +parts[2] : 1);
  }
  function toIso(time) { return new Date(time).toISOString().slice(0, 10); }
  var dated = data.nodes.map(function (n) { return n.date; }).concat(data.edges.map(function (e) { return e.date; }))
    .concat(data.horizon).filter(function (d) { return !!d; }).map(toTime);
  var slider = document.getElementById("tg-slider");
  var dateOut = document.getElementById("tg-date");
  var start = 0, days = 0;
  if (dated.length) {
    var first = new Date(Math.min.apply(null, dated)), last = new Date(Math.max.apply(null, dated));
    start = Date.UTC(first.getUTCFullYear() - 1, 0, 1);
    days = Math.round((Date.UTC(last.getUTCFullYear(), 11, 31) - start) / DAY);
  }
  slider.max = String(days);
  slider.value = String(days);
  var cursor = "9999-12-31";
  function readSlider() {
    cursor = dated.length ? toIso(start + (+slider.value) * DAY) : "9999-12-31";
    dateOut.textContent = dated.length ? cursor : "no dates";
  }
  readSlider();
  if (!dated.length) {
    slider.disabled = true;
    document.getElementById("tg-play").disabled = true;
    dateOut.textContent = "no source gives a date";
  }

  // --- filters -------------------------------------------------------------------------------------
  var shownKinds = {}, shownTypes = {};
  var undated = document.getElementById("tg-undated");
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
    swatch.style.background = k.color;
    addCheckbox(document.getElementById("tg-kinds"), k.kind, k.label, shownKinds, swatch);
  });
  data.partnershipTypes.forEach(function (t) {
    var swatch = el("span", null, big ? "tg-line" : "tg-swatch diamond");
    swatch.style.background = big && t === commonType ? "#6b7f99" : (PTYPE_COLORS[t] || "#999");
    addCheckbox(document.getElementById("tg-ptypes"), t, t, shownTypes, swatch);
  });
  if (!data.partnershipTypes.length) { document.getElementById("tg-ptypes").style.display = "none"; }

  function inTime(date) { return date ? date <= cursor : undated.checked; }
  function nodeShown(n) {
    return shownKinds[n.kind] !== false && (!n.ptype || shownTypes[n.ptype] !== false) && inTime(n.date);
  }
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });

  // --- vis data ------------------------------------------------------------------------------------
  // Colours and shapes come from groups (one per kind) and defaults: per-item styling makes vis-network
  // parse options for every node and edge, seconds on a network of 20,000 cities.
  var groups = {};
  data.kinds.forEach(function (k) {
    groups[k.kind] = { shape: k.shape, color: { background: k.color, border: big ? k.color : "#333" } };
  });
  var visNodes = new vis.DataSet(data.nodes.map(function (n) {
    var node = { id: n.id, label: n.label, title: n.tip };
    if (!big) { node.group = n.kind; }  // a network map has cities only: their style is the default one
    if (big) {
      if (n.rank === null || n.rank === undefined) { delete node.label; }
      else { node.font = { size: n.rank < 40 ? 170 : 70, color: "#123" }; }  // big names readable on the whole map
      node.x = n.x; node.y = n.y; node.size = n.size;
      return node;
    }
    if (n.ptype && PTYPE_COLORS[n.ptype]) { node.color = { background: PTYPE_COLORS[n.ptype], border: "#333" }; }
    node.size = n.kind === "city" ? 22 : 14;
    if (n.kind === "city") { node.font = { size: 20, face: "system-ui, sans-serif", bold: true }; }
    if (n.pin) { node.x = n.pin[0]; node.y = n.pin[1]; node.fixed = true; }
    if (!n.own_date && n.kind !== "city" && n.kind !== "person" && n.kind !== "organization") {
      node.shapeProperties = { borderDashes: [4, 3] };
      node.opacity = 0.75;
    }
    return node;
  }));
  // On a network map the lines are drawn by this script under vis-network's nodes (see drawMapLines):
  // tens of thousands of vis edge objects take seconds to create and add nothing a map reader needs.
  var visEdges = new vis.DataSet(big ? [] : data.edges.map(function (e, i) {
    var edge = { id: i, from: e.from, to: e.to, title: e.tip, label: e.label };
    if (e.dashes) { edge.dashes = true; }
    return edge;
  }));
  var visible = {};
  function computeVisible() {
    visible = {};
    data.nodes.forEach(function (n) { if (nodeShown(n)) { visible[n.id] = true; } });
  }
  computeVisible();
  var nodeView = new vis.DataView(visNodes, { filter: function (n) { return visible[n.id] === true; } });
  var edgeView = new vis.DataView(visEdges, {
    filter: function (e) {
      var d = data.edges[e.id];
      return visible[e.from] === true && visible[e.to] === true &&
        (!d.ptype || shownTypes[d.ptype] !== false) && (!d.date || d.date <= cursor);
    }
  });

  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    interaction: { hover: true, tooltipDelay: 150, dragNodes: !big },
    nodes: big
      ? { borderWidth: 0, shape: "dot", color: { background: kindStyle.city.color, border: kindStyle.city.color },
          font: { size: 10, face: "system-ui, sans-serif" }, scaling: { label: { drawThreshold: 9 } } }
      : { font: { size: 13, face: "system-ui, sans-serif" }, scaling: { label: { drawThreshold: 5 } } },
    groups: groups,
    edges: { smooth: { type: "dynamic" }, arrows: "to", color: { color: "#888" },
             font: { size: 10, align: "middle", color: "#555", strokeWidth: 3 } },
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
  window.__tg = { network: network, nodes: visNodes, edges: visEdges, nodeView: nodeView, edgeView: edgeView, data: data };
  var mapLines = { drawn: 0 };
  function drawMapLines(ctx) {
    var byColor = {};
    var drawn = 0;
    data.edges.forEach(function (e) {
      if (visible[e.from] !== true || visible[e.to] !== true) { return; }
      if ((e.ptype && shownTypes[e.ptype] === false) || (e.date && e.date > cursor)) { return; }
      var color = e.ptype && e.ptype !== commonType ? (PTYPE_COLORS[e.ptype] || "#999") : "#6b7f99";
      (byColor[color] = byColor[color] || []).push(e);
      drawn += 1;
    });
    ctx.save();
    ctx.globalAlpha = 0.09;
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
    ctx.restore();
    mapLines.drawn = drawn;
  }
  if (big) { network.on("beforeDrawing", drawMapLines); }
  window.__tg.mapLines = mapLines;
  network.once("afterDrawing", function () { performance.mark("tg-first-drawn"); window.__tgFirstRender = performance.now(); });
  if (!big) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      network.storePositions();  // nodes the slider hides and shows again come back where they were
      window.__tgStable = true;
    });
  } else {
    window.__tgStable = true;
  }

  var countOut = document.getElementById("tg-count");
  function refresh() {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    if (big) { network.redraw(); }
    countOut.textContent = nodeView.length + " of " + data.nodes.length + " nodes shown";
  }
  countOut.textContent = nodeView.length + " of " + data.nodes.length + " nodes shown";
  slider.addEventListener("input", function () { readSlider(); refresh(); });
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
      readSlider(); refresh();
      if (+slider.value >= days) { stop(); }
    }, 200);
  });

  // --- details panel -------------------------------------------------------------------------------
  var details = document.getElementById("tg-details");
  if (big) { details.firstElementChild.textContent = "Click a city to see its partner cities and the sources."; }
  function showSources(sources) {
    if (!sources || !sources.length) { return; }
    details.appendChild(el("h3", sources.length === 1 ? "Source" : "Sources (" + sources.length + ")"));
    sources.forEach(function (s) {
      var p = el("p");
      var url = s.url ? safeUrl(s.url) : null;
      var caption = s.title || s.url || "source";
      if (url) {
        var a = el("a", caption);
        a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
        p.appendChild(a);
      } else {
        p.appendChild(el("span", caption));
      }
      var meta = [s.published ? "published " + s.published : "date unknown", s.origin].filter(Boolean).join(", ");
      p.appendChild(el("span", " (" + meta + ")", "tg-hint"));
      details.appendChild(p);
      if (s.evidence) { details.appendChild(el("blockquote", s.evidence)); }
    });
  }
  function showNode(n) {
    details.textContent = "";
    details.appendChild(el("h2", n.label.replace(/\n/g, " · ")));
    details.appendChild(el("p", kindStyle[n.kind].label + (n.date ? " · in the picture from " + n.date : " · no date"), "tg-hint"));
    var dl = el("dl");
    (n.fields || []).forEach(function (f) { dl.appendChild(el("dt", f[0])); dl.appendChild(el("dd", f[1])); });
    details.appendChild(dl);
    showSources(n.sources);
    if (big) { showPartners(n); }
    if (big && data.sources.length) { showSources(data.sources); }
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
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(byId[params.nodes[0]]); }
    else if (params.edges.length) { showEdge(data.edges[params.edges[0]]); }
  });

  // --- search --------------------------------------------------------------------------------------
  var search = document.getElementById("tg-search");
  var found = document.getElementById("tg-found");
  function fold(text) { return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    var query = fold(search.value.trim());
    if (!query) { network.unselectAll(); found.textContent = ""; return; }
    var hits = data.nodes.filter(function (n) {
      return visible[n.id] && [n.label].concat(n.names || []).some(function (name) { return fold(name).indexOf(query) >= 0; });
    });
    found.textContent = hits.length ? hits.length + " found" : "nothing found";
    if (hits.length) {
      network.selectNodes(hits.map(function (n) { return n.id; }));
      network.focus(hits[0].id, { scale: big ? 2.5 : 1.2, animation: false });
      showNode(hits[0]);
    }
  });
  window.__tgDayOf = function (iso) { return Math.max(0, Math.min(days, Math.round((toTime(iso) - start) / DAY))); };
})();
