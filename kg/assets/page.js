/* kg graph page: draws the embedded graph data with vis-network; all data text goes through textContent. */
(function () {
  "use strict";
  var FONT = '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif';
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function fmt(x) { return Number(x).toLocaleString("en-US"); }
  function fold(s) { return String(s).normalize("NFKC").toLowerCase().replace(/[\s\-_·•.]+/g, ""); }

  var classById = {}, relById = {}, nodeById = {}, edgeById = {};
  data.classes.forEach(function (c) { classById[c.id] = c; });
  data.relations.forEach(function (r) { relById[r.id] = r; });
  data.nodes.forEach(function (n) { nodeById[n.id] = n; });
  data.edges.forEach(function (e) { edgeById[e.id] = e; });

  $("kg-title").textContent = data.title;
  $("kg-cap").textContent = data.capText;
  $("kg-metric-title").textContent = "最低" + data.metric.zh + " · hide " + (data.directed ? "relations" : "links") +
    " with " + data.metric.en + " below";

  function relName(id) { var r = relById[id]; return r ? r.zh + " " + r.en : id; }
  function className(id) { var c = classById[id]; return c ? c.zh + " " + c.en : id; }

  function nodeTitle(n) {
    var lines = [n.label, className(n.cls)];
    if (n.aliases.length) lines.push("别名 aka: " + n.aliases.slice(0, 5).join(", "));
    if (data.kind === "concepts") lines.push("出现 occurs in " + fmt(n.count) + " " + data.countUnit);
    else lines.push("文章 articles: " + fmt(n.articleCount));
    return lines.join("\n");
  }
  function edgeTitle(e) {
    var s = nodeById[e.from].label + " → " + relName(e.rel) + " → " + nodeById[e.to].label;
    if (!data.directed) s = nodeById[e.from].label + " — " + nodeById[e.to].label;
    var lines = [s, data.metric.zh + " " + data.metric.en + ": " + e.metric.toFixed(2)];
    if (e.count) lines.push("共现 shared " + data.countUnit + ": " + fmt(e.count));
    if (e.evidence && e.evidence.length) lines.push("证据 evidence: " + fmt(e.evidenceCount));
    return lines.join("\n");
  }

  var pairSeen = {};
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return {
      id: n.id, label: n.label, shape: classById[n.cls].shape, value: n.size, title: nodeTitle(n), hidden: false,
      color: { background: n.color, border: n.border, highlight: { background: n.color, border: "#111" },
               hover: { background: n.color, border: "#111" } }
    };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var key = e.from < e.to ? e.from + ":" + e.to : e.to + ":" + e.from;
    var k = pairSeen[key] = (pairSeen[key] || 0) + 1;
    return {
      id: e.id, from: e.from, to: e.to, value: e.metric, title: edgeTitle(e), hidden: false,
      label: data.edgeLabels ? relName(e.rel) : undefined,
      dashes: data.directed && e.metric < 0.5,
      smooth: k > 1 ? { enabled: true, type: k % 2 ? "curvedCW" : "curvedCCW", roundness: 0.12 * Math.ceil((k - 1) / 2) + 0.08 } : false
    };
  }));

  var n = data.nodes.length;
  var iterations = n <= 150 ? 400 : n <= 600 ? 250 : 150;
  var options = {
    autoResize: true,
    layout: { randomSeed: data.seed, improvedLayout: n <= 150 },
    nodes: {
      borderWidth: 1.5,
      font: { face: FONT, size: 14, strokeWidth: 3, strokeColor: "#ffffff", color: "#1f2328" },
      scaling: { min: 8, max: 42, label: { enabled: true, min: 13, max: 30, drawThreshold: 8 } }
    },
    edges: {
      arrows: { to: { enabled: data.directed, scaleFactor: 0.55 } },
      color: { color: "#a3acb9", highlight: "#24292f", hover: "#24292f", opacity: 0.85 },
      font: { face: FONT, size: 11, align: "middle", strokeWidth: 3, strokeColor: "#ffffff", color: "#57606a" },
      scaling: { min: 1, max: 4, label: { enabled: true, min: 11, max: 11, drawThreshold: 9 } },
      selectionWidth: 2,
      smooth: false
    },
    physics: {
      enabled: true,
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.03, springLength: 110, springConstant: 0.06,
                          damping: 0.5, avoidOverlap: 0.3 },
      stabilization: { enabled: true, iterations: iterations, updateInterval: 25, fit: true },
      minVelocity: 1.5
    },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: n > 500, multiselect: false }
  };

  var network = new vis.Network($("kg-graph"), { nodes: nodes, edges: edges }, options);
  var page = window.kgPage = { network: network, nodes: nodes, edges: edges, data: data, options: options, stabilizedMs: null };

  function stabilized() {
    if (page.stabilizedMs !== null) return;
    network.setOptions({ physics: { enabled: false } });
    page.stabilizedMs = Math.round(performance.now());
    document.documentElement.setAttribute("data-kg-stabilized-ms", String(page.stabilizedMs));
    $("kg-progress").hidden = true;
  }
  network.on("stabilizationProgress", function (p) {
    $("kg-progress").textContent = "布局中 Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", stabilized);
  network.once("stabilized", stabilized);
  if (n === 0) stabilized();

  /* ---- filters ---- */
  var state = { classes: {}, rels: {}, min: 0 };
  function checkbox(container, id, glyph, color, text, count, onChange) {
    var lab = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.id = id;
    box.addEventListener("change", function () { onChange(id, box.checked); });
    lab.appendChild(box);
    if (glyph) {
      var g = el("span", glyph, "kg-glyph");
      g.style.color = color || "#57606a";
      lab.appendChild(g);
    }
    lab.appendChild(el("span", text));
    lab.appendChild(el("span", fmt(count), "kg-count"));
    container.appendChild(lab);
  }
  data.classes.forEach(function (c) {
    state.classes[c.id] = true;
    checkbox($("kg-classes"), c.id, c.glyph, c.color, c.zh + " " + c.en, c.count, function (id, on) {
      state.classes[id] = on; apply();
    });
  });
  data.relations.forEach(function (r) {
    state.rels[r.id] = true;
    checkbox($("kg-relations"), r.id, null, null, r.zh + " " + r.en, r.count, function (id, on) {
      state.rels[id] = on; apply();
    });
  });
  if (!data.relations.length) $("kg-relations-section").hidden = true;
  if (data.communities && data.communities.length) {
    $("kg-communities-section").hidden = false;
    data.communities.forEach(function (c) {
      var li = el("li");
      var sw = el("span", null, "kg-swatch");
      sw.style.background = c.color;
      li.appendChild(sw);
      li.appendChild(el("span", c.members.join("、") + (c.size > c.members.length ? " … (" + fmt(c.size) + ")" : "")));
      $("kg-communities").appendChild(li);
    });
  }
  $("kg-min-conf").addEventListener("input", function () { setMin(parseFloat(this.value)); });

  var hiddenNodes = {}, hiddenEdges = {};
  function apply() {
    var nodeUpd = [], edgeUpd = [], shownN = 0, shownE = 0;
    data.nodes.forEach(function (nd) {
      var hide = !state.classes[nd.cls];
      if (!hide) shownN++;
      if (!!hiddenNodes[nd.id] !== hide) { hiddenNodes[nd.id] = hide; nodeUpd.push({ id: nd.id, hidden: hide }); }
    });
    data.edges.forEach(function (e) {
      var hide = !state.rels[e.rel] || e.metric < state.min - 1e-9 || !!hiddenNodes[e.from] || !!hiddenNodes[e.to];
      if (!hide) shownE++;
      if (!!hiddenEdges[e.id] !== hide) { hiddenEdges[e.id] = hide; edgeUpd.push({ id: e.id, hidden: hide }); }
    });
    if (nodeUpd.length) nodes.update(nodeUpd);
    if (edgeUpd.length) edges.update(edgeUpd);
    $("kg-visible").textContent = "可见 visible: " + fmt(shownN) + " " + data.nodeUnit + ", " + fmt(shownE) + " " + data.edgeUnit;
    return { nodes: shownN, edges: shownE };
  }
  function setMin(v) {
    state.min = v;
    $("kg-min-conf").value = String(v);
    $("kg-min-conf-value").textContent = v.toFixed(2);
    return apply();
  }
  page.apply = apply;
  page.setMinMetric = setMin;
  page.setClass = function (id, on) { state.classes[id] = on; syncBox("kg-classes", id, on); return apply(); };
  page.setRelation = function (id, on) { state.rels[id] = on; syncBox("kg-relations", id, on); return apply(); };
  function syncBox(container, id, on) {
    Array.prototype.forEach.call($(container).querySelectorAll("input"), function (b) { if (b.dataset.id === id) b.checked = on; });
  }
  apply();

  /* ---- details ---- */
  function linkButton(text, onClick) {
    var b = el("button", text, "kg-link");
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function showNode(id) {
    var nd = nodeById[id], body = $("kg-detail-body");
    if (!nd) return false;
    clear(body);
    body.appendChild(el("h3", nd.label));
    body.appendChild(el("p", "类别 class: " + className(nd.cls)));
    if (data.kind === "concepts") {
      body.appendChild(el("p", "出现 occurs in " + fmt(nd.count) + " " + data.countUnit + " · 社区 community " + (nd.community + 1)));
    }
    if (nd.aliases.length) {
      var p = el("p", "别名 aliases: ");
      nd.aliases.forEach(function (a) { p.appendChild(el("span", a, "kg-tag")); });
      body.appendChild(p);
    }
    if (data.kind !== "concepts") {
      body.appendChild(el("p", "出现于 " + fmt(nd.articleCount) + " 篇文章 · appears in " + fmt(nd.articleCount) + " article(s)"));
      var ul = el("ul");
      nd.articles.forEach(function (a) { ul.appendChild(el("li", a[0] + (a[1] ? " (" + a[1] + ")" : ""))); });
      if (nd.articles.length) body.appendChild(ul);
      if (nd.articleCount > nd.articles.length) body.appendChild(el("p", "… " + fmt(nd.articleCount - nd.articles.length) + " more", "kg-more"));
    }
    var links = data.edges.filter(function (e) { return e.from === id || e.to === id; });
    if (links.length) {
      body.appendChild(el("p", (data.kind === "concepts" ? "关联 linked: " : "关系 relations: ") + fmt(links.length)));
      var rl = el("ul");
      links.slice(0, 50).forEach(function (e) {
        var other = nodeById[e.from === id ? e.to : e.from];
        var text = data.directed
          ? (e.from === id ? "→ " + relName(e.rel) + " → " + other.label : other.label + " → " + relName(e.rel) + " →")
          : other.label + " (" + e.metric.toFixed(2) + ")";
        var li = el("li");
        li.appendChild(linkButton(text, function () { network.selectEdges([e.id]); showEdge(e.id); }));
        rl.appendChild(li);
      });
      body.appendChild(rl);
    }
    return true;
  }
  function showEdge(id) {
    var e = edgeById[id], body = $("kg-detail-body");
    if (!e) return false;
    clear(body);
    var a = nodeById[e.from], b = nodeById[e.to];
    var h = el("h3");
    h.appendChild(linkButton(a.label, function () { select(a.id); }));
    h.appendChild(document.createTextNode(data.directed ? " —" + relName(e.rel) + "→ " : " — "));
    h.appendChild(linkButton(b.label, function () { select(b.id); }));
    body.appendChild(h);
    body.appendChild(el("p", data.metric.zh + " " + data.metric.en + ": " + e.metric.toFixed(2)));
    if (e.count) body.appendChild(el("p", "共现 shared " + data.countUnit + ": " + fmt(e.count)));
    if (e.roles && e.roles.length) body.appendChild(el("p", "职位 role: " + e.roles.join("、")));
    if (e.evidence && e.evidence.length) {
      body.appendChild(el("p", "证据 evidence (" + fmt(e.evidenceCount) + "):"));
      e.evidence.forEach(function (ev) {
        var q = el("blockquote", ev[0]);
        q.appendChild(el("cite", "《" + ev[1] + "》" + (ev[2] === null ? "" : " · " + data.metric.zh + " " + ev[2].toFixed(2))));
        body.appendChild(q);
      });
      if (e.evidenceCount > e.evidence.length) body.appendChild(el("p", "… " + fmt(e.evidenceCount - e.evidence.length) + " more", "kg-more"));
    }
    return true;
  }
  function select(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300 } });
    showNode(id);
  }
  network.on("click", function (p) {
    var shown = p.nodes.length ? showNode(p.nodes[0]) : p.edges.length ? showEdge(p.edges[0]) : false;
    if (shown) $("kg-details").scrollIntoView({ block: "nearest" });
  });
  page.showNode = showNode;
  page.showEdge = showEdge;

  /* ---- search ---- */
  var names = $("kg-names");
  data.nodes.forEach(function (nd) { var o = el("option"); o.value = nd.label; names.appendChild(o); });
  var index = data.nodes.map(function (nd) {
    return { id: nd.id, keys: [nd.label].concat(nd.aliases).map(fold) };
  });
  function search(q) {
    var key = fold(q), exact = [], partial = [];
    if (!key) return [];
    index.forEach(function (it) {
      if (it.keys.indexOf(key) >= 0) exact.push(it.id);
      else if (it.keys.some(function (k) { return k.indexOf(key) >= 0; })) partial.push(it.id);
    });
    return exact.concat(partial);
  }
  function runSearch(q) {
    var found = search(q), out = $("kg-search-result");
    clear(out);
    if (!found.length) {
      var key = fold(q), elsewhere = (data.others || []).filter(function (o) {
        return o.slice(0, 1).concat(o.slice(2)).some(function (name) { return fold(name).indexOf(key) >= 0; });
      });
      if (!key || !elsewhere.length) {
        out.appendChild(el("p", "未找到 “" + q + "” · no match among the " + fmt(data.nodes.length) + " shown"));
        return found;
      }
      out.appendChild(el("p", "“" + q + "” 在图中但未显示（不在前 " + fmt(data.nodes.length) + " 个之内）· in the graph but not drawn: " +
        "outside the " + fmt(data.nodes.length) + " shown (raise the cap: kg html --max-nodes)"));
      var more = el("ul");
      elsewhere.slice(0, 10).forEach(function (o) { more.appendChild(el("li", o[0] + " · " + className(o[1]))); });
      out.appendChild(more);
      return found;
    }
    if (hiddenNodes[found[0]]) page.setClass(nodeById[found[0]].cls, true);
    select(found[0]);
    out.appendChild(el("p", fmt(found.length) + " 个结果 match(es)"));
    var ul = el("ul");
    found.slice(0, 20).forEach(function (id) {
      var li = el("li");
      li.appendChild(linkButton(nodeById[id].label + " · " + className(nodeById[id].cls), function () { select(id); }));
      ul.appendChild(li);
    });
    out.appendChild(ul);
    return found;
  }
  $("kg-search-form").addEventListener("submit", function (ev) { ev.preventDefault(); runSearch($("kg-search").value); });
  page.search = runSearch;
})();
