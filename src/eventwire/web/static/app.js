/* eventwire page: map, timeline, table, breakdowns, search, article view and quote explorer
 * over /api.  Map, timeline and table count incidents (one per real-world event, with its
 * sources) or events (one per report), as the switch says.  The filter lives in the URL, so
 * a view can be shared; the page polls /api/health and reloads its views when new events
 * arrive.
 *
 * Safety rule: text from the data only ever reaches the page through textContent or
 * attribute setters on elements built here, never through innerHTML or HTML strings.
 */
"use strict";

const COLOURS = {
  AGREE: "#1b9e77", CONSULT: "#66c2a5", SUPPORT: "#7fbf3f", CONCEDE: "#8da0cb",
  COOPERATE: "#377eb8", AID: "#4daf4a", RETREAT: "#6baed6", REQUEST: "#f0a030",
  ACCUSE: "#c9a000", REJECT: "#b8860b", THREATEN: "#fc8d62", PROTEST: "#984ea3",
  SANCTION: "#a65628", MOBILIZE: "#f781bf", COERCE: "#e7298a", ASSAULT: "#e41a1c",
};
const PAGE = 50;
const POLL_MS = 4000;
const state = { offset: 0, total: 0, brush: null, zoom: null, line: null, article: null,
                event: null, view: "events", mapMode: "clusters", counts: null,
                unit: "incidents" };
const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c);  // strings become text nodes
  return node;
}

async function api(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await resp.json().catch(() => ({ detail: resp.statusText }));
  if (!resp.ok) throw new Error(typeof body.detail === "string" ? body.detail : resp.statusText);
  return body;
}

function showError(err) {
  const box = $("error");
  if (err) { box.textContent = String(err.message || err); box.hidden = false; }
  else box.hidden = true;
}

function colour(type) { return COLOURS[type] || "#555"; }

function actorLabel(refs) {
  return (refs || []).map((r) => {
    const code = [r.country, r.sector].filter(Boolean).join(" ");
    const who = r.name || r.text || "";
    return code ? `${who} [${code}]` : who;
  }).join("; ");
}

const fmt = (n) => Number(n).toLocaleString("en");
const plural = (n, word) => `${fmt(n)} ${word}${n === 1 ? "" : "s"}`;
const incidents = () => state.unit === "incidents";
const unitWord = () => (incidents() ? "incident" : "event");

/* ---- filters, kept in the URL ------------------------------------------------------- */

function checkedTypes() {
  return [...document.querySelectorAll("#f-types-list input:checked")].map((c) => c.value);
}

function setTypes(types) {
  for (const c of document.querySelectorAll("#f-types-list input")) c.checked = types.includes(c.value);
  const n = types.length;
  $("f-types-label").textContent = !n ? "all types" : n <= 2 ? types.join(", ") : `${n} types`;
}

function maxDate(a, b) { return !a ? b : !b ? a : a > b ? a : b; }
function minDate(a, b) { return !a ? b : !b ? a : a < b ? a : b; }

/* The filter as API parameters; ``withBrush`` narrows the dates to the timeline selection. */
function filterParams(withBrush) {
  const p = new URLSearchParams();
  const v = (id) => $(id).value.trim();
  for (const t of checkedTypes()) p.append("type", t);
  for (const c of v("f-country").split(",")) if (c.trim()) p.append("country", c.trim());
  const actor = v("f-actor");
  if (actor) p.append(/^[A-Z]{3}( [A-Z]{3})?$/.test(actor) ? "actor_code" : "actor", actor);
  let from = v("f-from"), to = v("f-to");
  if (state.zoom) { from = maxDate(from, state.zoom[0]); to = minDate(to, state.zoom[1]); }
  if (withBrush && state.brush) { from = maxDate(from, state.brush[0]); to = minDate(to, state.brush[1]); }
  if (from) p.append("date_from", from);
  if (to) p.append("date_to", to);
  if (v("f-q")) p.append("q", v("f-q"));
  if (v("f-conf")) p.append("min_confidence", v("f-conf"));
  return p;
}

function saveUrl() {
  const p = new URLSearchParams();
  const v = (id) => $(id).value.trim();
  for (const t of checkedTypes()) p.append("type", t);
  for (const [key, id] of [["country", "f-country"], ["actor", "f-actor"], ["from", "f-from"],
                           ["to", "f-to"], ["q", "f-q"], ["conf", "f-conf"]]) if (v(id)) p.set(key, v(id));
  if (state.zoom) p.set("zoom", state.zoom.join(".."));
  if (state.brush) p.set("range", state.brush.join(".."));
  if (state.view !== "events") p.set("view", state.view);
  if (!incidents()) p.set("unit", state.unit);
  if (state.mapMode !== "clusters") p.set("map", state.mapMode);
  const qs = p.toString();
  history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
}

function loadUrl() {
  const p = new URLSearchParams(location.search);
  setTypes(p.getAll("type").map((t) => t.toUpperCase()));
  for (const [key, id] of [["country", "f-country"], ["actor", "f-actor"], ["from", "f-from"],
                           ["to", "f-to"], ["q", "f-q"], ["conf", "f-conf"]]) $(id).value = p.get(key) || "";
  const range = (key) => {
    const m = /^(\d{4}-\d\d-\d\d)\.\.(\d{4}-\d\d-\d\d)$/.exec(p.get(key) || "");
    return m ? [m[1], m[2]] : null;
  };
  state.zoom = range("zoom");
  state.brush = range("range");
  state.view = p.get("view") === "quotes" ? "quotes" : "events";
  state.mapMode = p.get("map") === "heat" ? "heat" : "clusters";
  state.unit = p.get("unit") === "events" ? "events" : "incidents";
}

function exportLinks() {
  const p = filterParams(true);
  for (const [id, f] of [["export-csv", "csv"], ["export-geojson", "geojson"], ["export-plover", "plover-json"]]) {
    const q = new URLSearchParams(p);
    q.set("format", f);
    $(id).href = `/api/events/export?${q}`;
  }
}

async function refresh() {
  state.offset = 0;
  showError(null);
  saveUrl();
  exportLinks();
  try {
    await Promise.all([loadTimeline(), loadTable(), loadMap(), loadBreakdown()]);
  } catch (err) { showError(err); }
}

async function refreshLinked() {  // after a brush: the timeline keeps its bars
  state.offset = 0;
  showError(null);
  saveUrl();
  exportLinks();
  try { await Promise.all([loadTable(), loadMap(), loadBreakdown()]); } catch (err) { showError(err); }
}

/* ---- map: clusters coloured by type, or a heat view ---------------------------------- */

let map, cluster, heat, heatCanvas, points = [];

async function initMap() {
  map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: true,
                       preferCanvas: false }).setView([15, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Country outlines: Natural Earth via world-atlas");
  try {
    const topo = await api("/static/vendor/world-atlas/countries-110m.json");
    const land = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(land, { interactive: false,
      style: { color: "#8a8f98", weight: 0.7, fillColor: "#eef0ea", fillOpacity: 1 } }).addTo(map);
  } catch (err) { showError(`basemap: ${err.message}`); }
  cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 30,
                                   chunkedLoading: true, iconCreateFunction: clusterIcon });
  heat = L.layerGroup();
  // Its own pane above the country outlines, which are opaque.
  map.createPane("heat").style.zIndex = 450;
  heatCanvas = L.canvas({ pane: "heat", padding: 0.2 });
  map.addLayer(cluster);
  map.on("zoomend", () => { if (state.mapMode === "heat") loadHeat().catch(showError); });
}

function clusterIcon(group) {
  // A cluster takes the colour of its most frequent event type; its label is a count.
  const n = new Map();
  for (const m of group.getAllChildMarkers()) n.set(m.options.evType, (n.get(m.options.evType) || 0) + 1);
  const top = [...n.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const count = group.getChildCount();
  const size = count < 10 ? 28 : count < 100 ? 34 : 42;
  const html = el("div", { class: "cluster", style: `background:${colour(top)};width:${size}px;height:${size}px`,
                           text: String(count) });
  return L.divIcon({ html, className: "ev-cluster", iconSize: L.point(size, size) });
}

async function loadMap() {
  const p = filterParams(true);
  const data = await api(incidents() ? "/api/incidents/points" : "/api/events/points", p);
  points = data.points;
  state.located = data;
  drawMap();
  $("map").dataset.unlocated = String(data.unlocated);
  const present = [...new Set(points.map((pt) => pt[3]))].sort();
  $("map").dataset.types = present.join(",");
  drawLegend(present);
  if (points.length) {
    // no animation: markers are where they stay once the view says it is drawn
    map.fitBounds(L.latLngBounds(points.map((pt) => [pt[1], pt[2]])).pad(0.3),
                  { maxZoom: 6, animate: false });
  }
  $("map").dataset.points = String(points.length);
}

function mapNote() {
  const data = state.located;
  if (!data) return;
  const notes = [];
  if (incidents()) {  // the heat view counts events, whatever the switch says
    if (state.mapMode === "heat") notes.push("heat of the matching events");
    else notes.push(`${plural(points.length, "located incident")}${data.truncated ? " (the newest)" : ""}; size grows with sources`);
    $("map-note").textContent = notes.join(" · ");
    return;
  }
  if (data.truncated && state.mapMode === "clusters") {
    notes.push(`showing the newest ${fmt(points.length)} of ${fmt(data.located)} located events (the heat view counts all)`);
  }
  notes.push(data.unlocated ? `${fmt(data.unlocated)} matching event${data.unlocated === 1 ? " has" : "s have"} no place`
                            : "every matching event has a place");
  $("map-note").textContent = notes.join(" · ");
}

/* Grid cells finer as the map zooms in, so the heat view stays readable at every scale. */
function heatCell() {
  const z = map.getZoom();
  return z <= 2 ? 2 : z <= 4 ? 0.5 : z <= 6 ? 0.1 : 0.02;
}

async function loadHeat() {
  const p = filterParams(true);
  p.set("cell", String(heatCell()));
  const g = await api("/api/events/grid", p);
  heat.clearLayers();
  const max = Math.max(1, ...g.cells.map((c) => c[2]));
  const canvas = heatCanvas;
  for (const [lat, lon, n, type] of g.cells) {
    const k = Math.sqrt(n / max);  // area grows with the count
    heat.addLayer(L.circleMarker([lat, lon], { renderer: canvas, radius: 7 + 20 * k, stroke: false,
      fillColor: `hsl(${Math.round(48 - 48 * k)}, 100%, ${Math.round(52 - 14 * k)}%)`,
      fillOpacity: 0.45 + 0.4 * k }).bindTooltip(`${fmt(n)} events (mostly ${type})`));
  }
  $("map").dataset.heatCells = String(g.cells.length);
  $("map").dataset.heatEvents = String(g.located);
}

function drawMap() {
  cluster.clearLayers();
  mapNote();
  if (state.mapMode === "heat") {
    if (map.hasLayer(cluster)) map.removeLayer(cluster);
    if (!map.hasLayer(heat)) map.addLayer(heat);
    loadHeat().catch(showError);
  } else {
    heat.clearLayers();
    if (map.hasLayer(heat)) map.removeLayer(heat);
    if (!map.hasLayer(cluster)) map.addLayer(cluster);
    cluster.addLayers(points.map(incidents() ? incidentMarker : ([id, lat, lon, type]) => {
      const m = L.circleMarker([lat, lon], { radius: 7, color: "#222", weight: 1,
        fillColor: colour(type), fillOpacity: 0.9, className: `ev-marker ev-${type}`, evType: type });
      m.bindTooltip(el("span", { text: `${type} (click to open)` }));
      m.on("click", () => openEvent(id));
      return m;
    }));
  }
  $("map").dataset.mode = state.mapMode;
  for (const b of document.querySelectorAll("#map-modes button")) b.classList.toggle("active", b.dataset.mode === state.mapMode);
}

/* An incident's marker grows with its sources; its popup lists the events reporting it. */
function incidentMarker([id, lat, lon, type, sources, events]) {
  const m = L.circleMarker([lat, lon], { radius: 6 + 3 * Math.sqrt(sources - 1), color: "#222",
    weight: 1, fillColor: colour(type), fillOpacity: 0.9, evType: type,
    className: `ev-marker inc-marker ev-${type}` });
  m.bindTooltip(el("span", { text: `${type}: ${plural(sources, "source")}, ${plural(events, "report")} (click for them)` }));
  m.bindPopup(() => el("div", { class: "inc-popup", text: "loading…" }), { maxWidth: 360, minWidth: 240 });
  m.on("popupopen", async (e) => {
    try {
      const node = incidentNode(await api(`/api/incidents/${encodeURIComponent(id)}`));
      e.popup.setContent(el("div", { class: "inc-popup", dataset: { incident: id } }, node));
    } catch (err) { showError(err); }
  });
  return m;
}

/* Type, date, place and counts of an incident, then its events, each opening its article. */
function incidentNode(inc) {
  const place = [...new Set([inc.place_name, inc.admin1, inc.country].filter(Boolean))].join(", ");
  const dead = inc.dead == null ? null : inc.dead_min != null && inc.dead_min !== inc.dead_max
    ? `${inc.dead} dead (reports ${inc.dead_min}-${inc.dead_max})` : `${inc.dead} dead`;
  return el("div", { class: "incident-body" },
    el("h3", {}, el("span", { class: "chip", style: `background:${colour(inc.type)}` }),
       `${inc.type} · ${inc.date || "undated"}${place ? " · " + place : ""}`),
    el("p", { class: "meta inc-counts", text: [plural(inc.n_sources, "source"),
      plural(inc.n_articles, "article"), plural(inc.n_events, "event"), dead]
      .filter(Boolean).join(" · ") }),
    el("ol", { class: "inc-events" }, ...inc.events.map((e) => el("li", {},
      el("button", { type: "button", class: "link inc-event", dataset: { event: e.id },
        onclick: () => openEvent(e.id, e.article_id),
        text: `${e.source || e.article_title || e.article_id}: ${e.sentence || e.trigger}` })))));
}

async function showIncident(id) {
  const box = $("incident");
  try {
    const inc = await api(`/api/incidents/${encodeURIComponent(id)}`);
    box.replaceChildren(el("button", { type: "button", class: "close", "aria-label": "Close incident",
      onclick: () => { box.hidden = true; }, text: "×" }), incidentNode(inc));
    box.dataset.incident = id;
    box.hidden = false;
    for (const r of $("events").tBodies[0].rows) r.classList.toggle("active", r.dataset.id === id);
  } catch (err) { showError(err); }
}

function drawLegend(types) {
  $("legend").hidden = !types.length;
  $("legend").replaceChildren(...types.map((t) => el("span", { class: "legend-item" },
    el("i", { style: `background:${colour(t)}` }), t)));
}

/* ---- timeline: stacked bars per day, week or month, brush and zoom ------------------- */

const BIN_WORD = { day: "day", week: "week", month: "month", year: "year" };

async function loadTimeline() {
  const line = incidents() ? incidentLine(await api("/api/incidents/timeline", filterParams(false)))
    : await api("/api/events/timeline", filterParams(false));
  state.line = line;
  $("timeline-title").textContent = `${incidents() ? "Incidents" : "Events"} per ${BIN_WORD[line.bin] || line.bin}`;
  const notes = [];
  const o = line.outside || {};
  if (o.before || o.after) {
    const parts = [];
    if (o.before) parts.push(`${fmt(o.before)} before ${line.from} (earliest ${o.earliest})`);
    if (o.after) parts.push(`${fmt(o.after)} after ${line.to} (latest ${o.latest})`);
    notes.push(el("span", { text: `Not drawn, outside the dense range: ${parts.join(", ")}. ` }),
               el("button", { type: "button", class: "link", id: "show-all",
                              onclick: () => zoomTo([o.earliest || line.from, o.latest || line.to]),
                              text: "Show all" }));
  }
  if (line.undated) notes.push(el("span", { text: ` ${fmt(line.undated)} without a date.` }));
  $("timeline-note").replaceChildren(...notes);
  $("timeline").dataset.bin = line.bin;
  $("timeline").dataset.outside = String((o.before || 0) + (o.after || 0));
  drawTimeline();
}

/* Incidents per day and type, binned like the events' timeline (day, week from Monday,
 * month or year, by the range's length) over the filter's dates or the incidents' own. */
function incidentLine(days) {
  const v = (id) => $(id).value.trim();
  let from = v("f-from"), to = v("f-to");
  if (state.zoom) { from = maxDate(from, state.zoom[0]); to = minDate(to, state.zoom[1]); }
  const line = { bin: "day", from: null, to: null, bins: [], rows: [], outside: {}, undated: 0 };
  if (!days.length) return line;
  line.from = from || days[0].day;
  line.to = to || days[days.length - 1].day;
  const d = (s) => new Date(s + "T00:00:00Z");
  const span = (d(line.to) - d(line.from)) / 864e5 + 1;
  line.bin = span <= 120 ? "day" : span / 7 <= 120 ? "week" : span / 30.44 <= 120 ? "month" : "year";
  const trunc = (s) => {
    const t = d(s);
    if (line.bin === "week") t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7));
    if (line.bin === "month" || line.bin === "year") t.setUTCDate(1);
    if (line.bin === "year") t.setUTCMonth(0);
    return t;
  };
  for (let t = trunc(line.from); t <= d(line.to);) {
    line.bins.push(t.toISOString().slice(0, 10));
    if (line.bin === "day") t.setUTCDate(t.getUTCDate() + 1);
    else if (line.bin === "week") t.setUTCDate(t.getUTCDate() + 7);
    else if (line.bin === "month") t.setUTCMonth(t.getUTCMonth() + 1);
    else t.setUTCFullYear(t.getUTCFullYear() + 1);
  }
  const sums = new Map();
  for (const r of days) {
    const key = `${trunc(r.day).toISOString().slice(0, 10)} ${r.type}`;
    const s = sums.get(key) || { bin: key.split(" ")[0], type: r.type, n: 0, sources: 0 };
    s.n += r.n;
    s.sources += r.sources;
    sums.set(key, s);
  }
  line.rows = [...sums.values()];
  return line;
}

const SVGNS = "http://www.w3.org/2000/svg";
function svg(tag, attrs) {
  const n = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
  return n;
}

/* The last day a bin covers: the day before the next bin, or the range's end. */
function binEnd(i) {
  const bins = state.line.bins;
  if (i + 1 < bins.length) {
    const d = new Date(bins[i + 1] + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() - 1);
    return minDate(d.toISOString().slice(0, 10), state.line.to);
  }
  return state.line.to;
}

function drawTimeline() {
  const box = $("timeline");
  const w = Math.max(box.clientWidth || 600, 200), h = 120, pad = 18;
  box.setAttribute("viewBox", `0 0 ${w} ${h}`);
  box.replaceChildren();
  const line = state.line;
  const bins = line ? line.bins : [];
  if (!bins.length) {
    const t = svg("text", { x: 10, y: 50, class: "empty" });
    t.textContent = `no dated ${unitWord()}s`;
    box.append(t);
    return;
  }
  const index = new Map(bins.map((b, i) => [b, i]));
  const stacks = bins.map(() => []);
  for (const r of line.rows) if (index.has(r.bin)) stacks[index.get(r.bin)].push(r);
  const totals = stacks.map((s) => s.reduce((n, r) => n + r.n, 0));
  const max = Math.max(...totals, 1);
  const bw = (w - 2 * pad) / bins.length;
  stacks.forEach((stack, i) => {
    let y = h - pad;
    for (const r of stack) {
      const bh = (r.n / max) * (h - 2 * pad);
      y -= bh;
      const rect = svg("rect", { x: pad + i * bw + 0.5, y, width: Math.max(bw - 1, 0.5), height: bh,
        class: "bar", fill: colour(r.type), "data-bin": bins[i], "data-type": r.type, "data-n": r.n });
      const tip = svg("title");
      tip.textContent = `${bins[i]}${line.bin === "day" ? "" : " to " + binEnd(i)}: ${r.n} ${r.type}` +
        (r.sources == null ? "" : ` ${r.n === 1 ? "incident" : "incidents"}, ${plural(r.sources, "source")}`);
      rect.append(tip);
      box.append(rect);
    }
  });
  const labels = bins.length > 2 ? [0, Math.floor(bins.length / 2), bins.length - 1] : [0, bins.length - 1];
  for (const i of new Set(labels)) {
    const anchor = i === 0 ? "start" : i === bins.length - 1 ? "end" : "middle";
    const x = anchor === "start" ? pad : anchor === "end" ? w - pad : pad + (i + 0.5) * bw;
    const t = svg("text", { x, y: h - 3, "text-anchor": anchor, class: "axis" });
    t.textContent = i === bins.length - 1 ? binEnd(i) : i === 0 ? maxDate(bins[0], line.from) : bins[i];
    box.append(t);
  }
  const sel = svg("rect", { id: "brush", y: 4, height: h - pad - 2, class: "brush", visibility: "hidden" });
  box.append(sel);
  if (state.brush) {
    const i0 = bins.findIndex((b, i) => binEnd(i) >= state.brush[0]);
    const i1 = bins.findLastIndex((b) => b <= state.brush[1]);
    if (i0 >= 0 && i1 >= i0) showBrush(pad + i0 * bw, pad + (i1 + 1) * bw);
  }
  const binAt = (x) => Math.min(bins.length - 1, Math.max(0, Math.floor((x - pad) / bw)));
  const toX = (ev) => {
    const r = box.getBoundingClientRect();
    return ((ev.clientX - r.left) / r.width) * w;
  };
  let start = null;
  box.onpointerdown = (ev) => { start = toX(ev); box.setPointerCapture(ev.pointerId); };
  box.onpointermove = (ev) => {
    if (start === null) return;
    const x = toX(ev);
    showBrush(Math.min(start, x), Math.max(start, x));
  };
  box.onpointerup = (ev) => {
    if (start === null) return;
    const x = toX(ev);
    const a = binAt(Math.min(start, x)), b = binAt(Math.max(start, x));
    start = null;
    setBrush([maxDate(bins[a], line.from), binEnd(b)], true);
    showBrush(pad + a * bw, pad + (b + 1) * bw);
  };
}

function showBrush(x0, x1) {
  const b = $("brush");
  b.setAttribute("x", x0);
  b.setAttribute("width", Math.max(x1 - x0, 2));
  b.setAttribute("visibility", "visible");
}

function setBrush(range, reload) {
  state.brush = range;
  $("brush-label").textContent = range ? `${range[0]} to ${range[1]}` : "";
  $("brush-clear").hidden = !range;
  $("brush-zoom").hidden = !range;
  if (!range && $("brush")) $("brush").setAttribute("visibility", "hidden");
  if (reload) refreshLinked();
}

function zoomTo(range) {
  state.zoom = range;
  $("zoom-reset").hidden = !range;
  setBrush(null, false);
  refresh();
}

/* ---- event table -------------------------------------------------------------------- */

const HEADS = { events: ["Date", "Type", "Source", "Target", "Place", "Trigger", "Conf."],
                incidents: ["Date", "Type", "Source", "Target", "Place", "Sources", "Articles"] };

async function loadTable() {
  const p = filterParams(true);
  p.set("limit", PAGE);
  p.set("offset", state.offset);
  const page = await api(incidents() ? "/api/incidents" : "/api/events", p);
  state.total = page.total;
  $("events").tHead.replaceChildren(el("tr", {}, ...HEADS[state.unit].map((h) => el("th", { text: h }))));
  const body = $("events").tBodies[0];
  body.replaceChildren(...page.items.map(incidents() ? incidentRow : (e) => el("tr",
    { tabindex: "0", dataset: { id: e.id, type: e.type },
      onclick: () => openEvent(e.id, e.article_id),
      onkeydown: (k) => { if (k.key === "Enter") openEvent(e.id, e.article_id); } },
    el("td", { text: e.date || "" }),
    el("td", {}, el("span", { class: "chip", style: `background:${colour(e.type)}` }), e.type),
    el("td", { text: actorLabel(e.sources) }),
    el("td", { text: actorLabel(e.targets) }),
    el("td", { text: [e.place_name, e.country].filter(Boolean).join(", ") }),
    el("td", { text: e.trigger || "" }),
    el("td", { text: e.confidence == null ? "" : e.confidence.toFixed(2) }))));
  const last = Math.min(state.offset + PAGE, state.total);
  $("table-title").textContent = `${fmt(state.total)} ${unitWord()}s`;
  $("page-label").textContent = state.total ? `${state.offset + 1}-${last}` : "0";
  $("prev").disabled = state.offset === 0;
  $("next").disabled = last >= state.total;
  if (state.view === "events") $("status").textContent = matchStatus();
}

// written with the rows, so the live note never lags the table it describes
function matchStatus() {
  const fresh = state.fresh ? ` · ${fmt(state.fresh)} new` : "";
  return `${fmt(state.total)} ${unitWord()}s match${fresh}`;
}

function incidentRow(i) {
  const open = () => showIncident(i.id);
  return el("tr", { tabindex: "0", dataset: { id: i.id, type: i.type }, onclick: open,
                    onkeydown: (k) => { if (k.key === "Enter") open(); } },
    el("td", { text: i.date || "" }),
    el("td", {}, el("span", { class: "chip", style: `background:${colour(i.type)}` }), i.type),
    el("td", { text: actorLabel(i.sources) }),
    el("td", { text: actorLabel(i.targets) }),
    el("td", { text: [i.place_name, i.country].filter(Boolean).join(", ") }),
    el("td", { text: fmt(i.n_sources) }),
    el("td", { text: fmt(i.n_articles) }));
}

/* ---- breakdowns: top types, countries, actors; a click narrows the filter ------------- */

async function loadBreakdown() {
  const b = await api("/api/events/breakdown", filterParams(true));
  const list = (id, items, label, pick) => $(id).replaceChildren(...items.map((x) => el("li", {},
    el("button", { type: "button", class: "link", dataset: { key: x.key }, onclick: () => pick(x) },
       label(x)), el("small", { text: ` ${fmt(x.n)}` }))));
  list("bd-types", b.types, (x) => x.key, (x) => { setTypes([x.key]); setBrush(null, false); refresh(); });
  list("bd-countries", b.countries, (x) => x.key, (x) => { $("f-country").value = x.key; refresh(); });
  $("bd-unit").textContent = incidents() ? "(of their events)" : "";
  $("bd-actors-note").textContent = b.actors_sample == null ? "" : `(in a sample of ${fmt(b.actors_sample)})`;
  list("bd-actors", b.actors, (x) => (x.code ? `${x.key} [${x.code}]` : x.key),
       (x) => { $("f-actor").value = x.key; refresh(); });
}

/* ---- search over articles, quotes and events ---------------------------------------- */

async function runSearch(text) {
  if (!text.trim()) { $("search-results").hidden = true; return; }
  try {
    const r = await api("/api/search", new URLSearchParams({ q: text, limit: 10 }));
    const sec = (title, total, items) => el("section", {}, el("h3", { text: `${title} (${fmt(total)})` }),
      el("ul", {}, ...items));
    $("search-title").textContent = `Search: ${text}`;
    $("search-lists").replaceChildren(
      sec("Events", r.events.total, r.events.items.map((e) => el("li", {}, el("button", {
        type: "button", class: "link", dataset: { event: e.id },
        onclick: () => openEvent(e.id, e.article_id), text: `${e.date || "undated"} ${e.type}: ${e.sentence || e.trigger}` })))),
      sec("Articles", r.articles.total, r.articles.items.map((a) => el("li", {}, el("button", {
        type: "button", class: "link", dataset: { article: a.id },
        onclick: () => openArticle(a.id).catch(showError), text: a.title || a.id })))),
      sec("Quotes", r.quotes.total, r.quotes.items.map((q) => el("li", {}, el("button", {
        type: "button", class: "link", onclick: () => openArticle(q.article_id, { quote: q.content_start }).catch(showError),
        text: `${q.speaker_name || q.speaker || "?"}: ${q.content}` })))));
    $("search-results").hidden = false;
  } catch (err) { showError(err); }
}

/* ---- live data: reload the views when the store grows ------------------------------- */

async function poll() {
  try {
    const h = await api("/api/health");
    const now = `${h.articles}/${h.events}`;
    if (state.counts && state.counts !== now) {
      // counted since the page opened, so a later poll that finds no new event keeps the note
      const added = h.events - Number(state.counts.split("/")[1]);
      if (added > 0) state.fresh = (state.fresh || 0) + added;
      $("status").dataset.live = String(h.events);
      await refresh();
      if (state.view === "quotes") loadSpeakers().catch(showError);
    }
    state.counts = now;
  } catch (err) { /* the server may be restarting; try again next time */ }
  setTimeout(poll, POLL_MS);
}

/* ---- article view ------------------------------------------------------------------- */

async function openEvent(eventId, articleId) {
  try {
    if (!articleId) articleId = (await api(`/api/events/${encodeURIComponent(eventId)}`)).article_id;
    await openArticle(articleId, { event: eventId });
  } catch (err) { showError(err); }
}

async function openArticle(articleId, focus) {
  const art = await api(`/api/articles/${encodeURIComponent(articleId)}`);
  state.article = art;
  state.event = null;
  $("article-title").textContent = art.title || "(untitled)";
  $("article-meta").textContent = [art.published && art.published.slice(0, 10), art.dateline,
    art.source || art.site_name, art.url, `id ${art.id}`].filter(Boolean).join(" · ");
  $("article").hidden = false;
  document.body.classList.add("reading");
  renderLists(art);
  if (focus && focus.event) selectEvent(focus.event);
  else {
    $("event-detail").hidden = true;
    renderBody(art, null, focus && focus.quote);
  }
}

function spansOf(art, ev, quoteStart) {
  const s = [];
  for (const m of art.mentions) s.push({ a: m.start, b: m.end, cls: "hl-mention", tip: m.text });
  for (const q of art.quotes) {
    s.push({ a: q.content_start, b: q.content_end,
             cls: q.content_start === quoteStart ? "hl-quote quote-focus" : "hl-quote" });
    if (q.speaker_start != null) s.push({ a: q.speaker_start, b: q.speaker_end, cls: "hl-speaker" });
  }
  for (const t of art.times) s.push({ a: t.start, b: t.end, cls: "hl-time" });
  for (const p of art.places) s.push({ a: p.start, b: p.end, cls: "hl-place" });
  for (const e of art.events) {
    s.push({ a: e.trigger_start, b: e.trigger_end, cls: "hl-trigger", event: e.id });
  }
  if (ev) {
    s.push({ a: ev.sentence_start, b: ev.sentence_end, cls: "evidence" });
    s.push({ a: ev.trigger_start, b: ev.trigger_end, cls: "trigger-active" });
    for (const r of ev.sources || []) s.push({ a: r.start, b: r.end, cls: "ev-source" });
    for (const r of ev.targets || []) s.push({ a: r.start, b: r.end, cls: "ev-target" });
    const loc = ev.location;
    if (loc && loc.start != null) s.push({ a: loc.start, b: loc.end, cls: "ev-place" });
    if (ev.date_start != null && ev.date_end != null) {
      s.push({ a: ev.date_start, b: ev.date_end, cls: "ev-date" });
    }
  }
  const n = art.body.length;
  return s.filter((x) => x.a != null && x.b != null && 0 <= x.a && x.a < x.b && x.b <= n);
}

function renderBody(art, ev, quoteStart) {
  const body = art.body;
  const spans = spansOf(art, ev, quoteStart);
  const cuts = new Set([0, body.length]);
  for (const s of spans) { cuts.add(s.a); cuts.add(s.b); }
  const edges = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i], b = edges[i + 1];
    const text = body.slice(a, b);
    const cover = spans.filter((s) => s.a <= a && s.b >= b);
    if (!cover.length) { out.push(document.createTextNode(text)); continue; }
    const node = el("span", { class: [...new Set(cover.flatMap((s) => s.cls.split(" ")))].join(" "),
                              text });
    const trig = cover.find((s) => s.event);
    if (trig) {
      node.dataset.event = trig.event;
      node.setAttribute("role", "button");
      node.tabIndex = 0;
      node.addEventListener("click", () => selectEvent(trig.event));
      node.addEventListener("keydown", (k) => { if (k.key === "Enter") selectEvent(trig.event); });
    }
    out.push(node);
  }
  $("article-body").replaceChildren(...out);
  const focus = $("article-body").querySelector(".trigger-active, .quote-focus");
  if (focus) focus.scrollIntoView({ block: "center" });
}

const FIELDS = [
  ["type", "Type"], ["mode", "Mode"], ["quad", "Quad class"], ["contexts", "Contexts"],
  ["date", "Date"], ["date_precision", "Date precision"], ["sources", "Source actors"],
  ["targets", "Target actors"], ["place_name", "Place"], ["admin1", "Admin 1"],
  ["country", "Country"], ["latlon", "Lat, lon"], ["dead", "Dead"], ["injured", "Injured"],
  ["size", "Size"], ["negated", "Negated"], ["hypothetical", "Hypothetical"],
  ["confidence", "Confidence"], ["rule", "Rule"], ["field_rules", "Field rules"], ["id", "Event id"],
];

function fieldText(ev, key) {
  if (key === "sources" || key === "targets") return actorLabel(ev[key]);
  if (key === "latlon") return ev.lat == null ? "" : `${ev.lat.toFixed(3)}, ${ev.lon.toFixed(3)}`;
  if (key === "dead" && ev.dead_max != null && ev.dead_max !== ev.dead) return `${ev.dead}-${ev.dead_max}`;
  const v = ev[key];
  if (v == null || v === false || (Array.isArray(v) && !v.length)) return "";
  if (Array.isArray(v)) return v.join(", ");
  if (typeof v === "object") return Object.entries(v).map(([k, x]) => `${k}: ${x}`).join("; ");
  if (typeof v === "number" && key === "confidence") return v.toFixed(2);
  return String(v);
}

function selectEvent(eventId) {
  const art = state.article;
  const ev = art.events.find((e) => e.id === eventId);
  if (!ev) return;
  state.event = ev;
  $("event-detail").hidden = false;
  $("event-detail-title").replaceChildren(
    el("span", { class: "chip", style: `background:${colour(ev.type)}` }), `${ev.type} event`);
  const rows = [];
  for (const [key, label] of FIELDS) {
    const text = fieldText(ev, key);
    if (text) rows.push(el("dt", { text: label }), el("dd", { text }));
  }
  $("event-fields").replaceChildren(...rows);
  $("event-evidence").textContent = ev.sentence || "";
  for (const b of document.querySelectorAll("#article-lists .ev-pick")) b.classList.toggle("active", b.dataset.event === eventId);
  renderBody(art, ev, null);
}

function renderLists(art) {
  const list = (title, items) => items.length ? el("section", {},
    el("h3", { text: `${title} (${items.length})` }),
    el("ul", {}, ...items.map((x) => (typeof x === "string" ? el("li", { text: x }) : el("li", {}, x))))) : null;
  const uniq = (xs) => [...new Set(xs)];
  $("article-lists").replaceChildren(...[
    list("Events", art.events.map((e) => el("button", { type: "button", class: "link ev-pick",
      dataset: { event: e.id }, onclick: () => { selectEvent(e.id); $("article").scrollTop = 0; },
      text: `${e.type}: ${e.trigger}${e.place_name ? " — " + e.place_name : ""}${e.date ? " (" + e.date + ")" : ""}` }))),
    list("Actors", uniq(art.mentions.map((m) => {
      const code = [m.country, m.sector].filter(Boolean).join(" ");
      return `${m.name || m.text}${code ? " [" + code + "]" : ""}`;
    }))),
    list("Quotes", art.quotes.map((q) => `${q.speaker_name || q.speaker || "?"}: ${q.content}`)),
    list("Dates", uniq(art.times.map((t) => `${t.text} → ${t.date_start || "?"}${t.date_end && t.date_end !== t.date_start ? " to " + t.date_end : ""}`))),
    list("Places", uniq(art.places.map((p) => `${p.text} → ${[p.name, p.admin1, p.country].filter(Boolean).join(", ")}`))),
  ].filter(Boolean));
}

function closeArticle() {
  $("article").hidden = true;
  document.body.classList.remove("reading");
}

/* ---- quote explorer ----------------------------------------------------------------- */

let speakers = [];

async function loadSpeakers() {
  speakers = await api("/api/quotes/speakers", new URLSearchParams({ limit: 500 }));
  drawSpeakers();
  if (state.view === "quotes") $("status").textContent = `${fmt(speakers.length)} speakers quoted`;
}

function drawSpeakers() {
  const f = $("speaker-filter").value.trim().toLowerCase();
  $("speakers").replaceChildren(...speakers.filter((s) => !f || s.speaker.toLowerCase().includes(f))
    .map((s) => el("li", {}, el("button", { type: "button", class: "speaker",
      dataset: { speaker: s.speaker }, onclick: () => loadQuotes(s.speaker) },
      s.speaker, el("small", { text: ` ${s.code || ""} · ${s.quotes}` })))));
}

async function loadQuotes(speaker) {
  try {
    const page = await api("/api/quotes", new URLSearchParams({ speaker, limit: 200 }));
    $("quotes-title").textContent = `Quotes: ${speaker} (${page.total})`;
    $("quotes-hint").hidden = true;
    $("quotes").replaceChildren(...page.items.map((q) => el("li", {},
      el("blockquote", { text: q.content }),
      el("p", { class: "meta" }, `${q.speaker_name || q.speaker} ${q.cue || ""} · `,
        el("button", { type: "button", class: "link",
          onclick: () => openArticle(q.article_id, { quote: q.content_start }).catch(showError) },
          q.article_title || q.article_id)))));
  } catch (err) { showError(err); }
}

/* ---- wiring ------------------------------------------------------------------------- */

function switchView(name) {
  state.view = name;
  for (const b of document.querySelectorAll(".tab")) b.classList.toggle("active", b.dataset.view === name);
  $("view-events").hidden = name !== "events";
  $("view-quotes").hidden = name !== "quotes";
  $("filters").hidden = name !== "events";
  if (name === "quotes") {
    $("status").textContent = speakers.length ? `${fmt(speakers.length)} speakers quoted` : "";
    if (!speakers.length) loadSpeakers().catch(showError);
  }
  if (name === "events") {
    $("status").textContent = matchStatus();
    setTimeout(() => map.invalidateSize(), 0);
  }
  saveUrl();
}

function drawUnit() {
  for (const b of document.querySelectorAll("#unit button")) b.classList.toggle("active", b.dataset.unit === state.unit);
  $("incident").hidden = true;
  $("map-panel").setAttribute("aria-label", `Map of ${unitWord()}s`);
}

let actorTimer;
function suggestActors() {
  clearTimeout(actorTimer);
  actorTimer = setTimeout(async () => {
    const text = $("f-actor").value.trim();
    if (text.length < 2 || /^[A-Z]{3}( [A-Z]{3})?$/.test(text)) return;
    try {
      const page = await api("/api/actors", new URLSearchParams({ q: text, limit: 12 }));
      $("actor-list").replaceChildren(...page.items.map((a) => el("option", { value: a.actor,
        label: `${a.code || a.kind || ""} · ${a.mentions} mentions` })));
    } catch (err) { /* suggestions are a help only */ }
  }, 200);
}

async function main() {
  const [types, countries] = await Promise.all([api("/api/types"), api("/api/countries")]);
  $("f-types-list").append(...types.map((t) => el("label", { class: "type-opt" },
    el("input", { type: "checkbox", value: t.type }),
    el("span", { class: "chip", style: `background:${colour(t.type)}` }), t.type)));
  $("country-list").append(...countries.map((c) => el("option", { value: c.iso3, label: `${c.name} (${c.iso2})` })));
  loadUrl();
  await initMap();
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); setBrush(null, false); refresh(); });
  $("filters").addEventListener("reset", () => setTimeout(() => {
    setTypes([]); state.zoom = null; $("zoom-reset").hidden = true; setBrush(null, false); refresh();
  }, 0));
  $("f-types-list").addEventListener("change", () => { setTypes(checkedTypes()); setBrush(null, false); refresh(); });
  $("f-actor").addEventListener("input", suggestActors);
  $("brush-clear").addEventListener("click", () => { setBrush(null, true); drawTimeline(); });
  $("brush-zoom").addEventListener("click", () => zoomTo(state.brush));
  $("zoom-reset").addEventListener("click", () => zoomTo(null));
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable().catch(showError); });
  $("next").addEventListener("click", () => { state.offset += PAGE; loadTable().catch(showError); });
  $("article-close").addEventListener("click", closeArticle);
  $("search").addEventListener("submit", (e) => { e.preventDefault(); runSearch($("search-q").value); });
  $("search-close").addEventListener("click", () => { $("search-results").hidden = true; });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { closeArticle(); $("search-results").hidden = true; }
  });
  $("speaker-filter").addEventListener("input", drawSpeakers);
  for (const b of document.querySelectorAll(".tab")) b.addEventListener("click", () => switchView(b.dataset.view));
  for (const b of document.querySelectorAll("#unit button")) {
    b.addEventListener("click", () => { state.unit = b.dataset.unit; drawUnit(); setBrush(null, false); refresh(); });
  }
  for (const b of document.querySelectorAll("#map-modes button")) {
    b.addEventListener("click", () => { state.mapMode = b.dataset.mode; drawMap(); saveUrl(); });
  }
  let resize;
  window.addEventListener("resize", () => { clearTimeout(resize); resize = setTimeout(drawTimeline, 150); });
  $("zoom-reset").hidden = !state.zoom;
  drawUnit();
  const brush = state.brush;
  setBrush(brush, false);
  // the live baseline is taken before the first load, so nothing stored after it goes unmarked
  try {
    const h = await api("/api/health");
    state.counts = `${h.articles}/${h.events}`;
  } catch (err) { /* the first poll sets it */ }
  await refresh();
  if (state.view !== "events") switchView(state.view);
  document.body.dataset.ready = "1";
  setTimeout(poll, POLL_MS);
}

main().catch(showError);
