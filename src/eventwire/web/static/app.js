/* eventwire page: map, timeline, table, article view and quote explorer over /api.
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
const state = { offset: 0, total: 0, brush: null, days: [], article: null, event: null };
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

/* ---- filters ------------------------------------------------------------------------ */

function filterParams(withBrush) {
  const p = new URLSearchParams();
  const v = (id) => $(id).value.trim();
  if (v("f-type")) p.append("type", v("f-type"));
  if (v("f-country")) p.append("country", v("f-country").toUpperCase());
  const actor = v("f-actor");
  if (actor) p.append(/^[A-Z]{3}( [A-Z]{3})?$/.test(actor) ? "actor_code" : "actor", actor);
  let from = v("f-from"), to = v("f-to");
  if (withBrush && state.brush) {
    from = !from || state.brush[0] > from ? state.brush[0] : from;
    to = !to || state.brush[1] < to ? state.brush[1] : to;
  }
  if (from) p.append("date_from", from);
  if (to) p.append("date_to", to);
  if (v("f-q")) p.append("q", v("f-q"));
  if (v("f-conf")) p.append("min_confidence", v("f-conf"));
  return p;
}

async function refresh() {
  state.offset = 0;
  showError(null);
  try {
    await Promise.all([loadTimeline(), loadTable(), loadMap()]);
  } catch (err) { showError(err); }
}

async function refreshLinked() {  // after a brush: the timeline keeps its bars
  state.offset = 0;
  showError(null);
  try { await Promise.all([loadTable(), loadMap()]); } catch (err) { showError(err); }
}

/* ---- map ---------------------------------------------------------------------------- */

let map, cluster;

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
  map.addLayer(cluster);
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
  const data = await api("/api/events/points", filterParams(true));
  cluster.clearLayers();
  const markers = data.points.map(([id, lat, lon, type]) => {
    const m = L.circleMarker([lat, lon], { radius: 7, color: "#222", weight: 1,
      fillColor: colour(type), fillOpacity: 0.9, className: `ev-marker ev-${type}`,
      evType: type });
    m.bindTooltip(el("span", { text: `${type} (click to open)` }));
    m.on("click", () => openEvent(id));
    return m;
  });
  cluster.addLayers(markers);
  $("map").dataset.points = String(markers.length);
  const present = [...new Set(data.points.map((p) => p[3]))].sort();
  $("map").dataset.types = present.join(",");
  drawLegend(present);
  if (markers.length) {
    map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.3),
                  { maxZoom: 6 });
  }
}

function drawLegend(types) {
  $("legend").hidden = !types.length;
  $("legend").replaceChildren(...types.map((t) => el("span", { class: "legend-item" },
    el("i", { style: `background:${colour(t)}` }), t)));
}

/* ---- timeline with a brush ----------------------------------------------------------- */

function dayList(first, last) {
  const out = [];
  for (let d = new Date(first + "T00:00:00Z"); d <= new Date(last + "T00:00:00Z");
       d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

async function loadTimeline() {
  const rows = await api("/api/events/timeline", filterParams(false));
  const per = new Map();
  for (const r of rows) per.set(r.day, (per.get(r.day) || 0) + r.n);
  state.days = per.size ? dayList([...per.keys()].sort()[0], [...per.keys()].sort().at(-1)) : [];
  state.counts = per;
  if (state.brush && !state.days.includes(state.brush[0])) setBrush(null, false);
  drawTimeline();
}

const SVGNS = "http://www.w3.org/2000/svg";
function svg(tag, attrs) {
  const n = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
  return n;
}

function drawTimeline() {
  const box = $("timeline");
  const w = Math.max(box.clientWidth || 600, 200), h = 110, pad = 18;
  box.setAttribute("viewBox", `0 0 ${w} ${h}`);
  box.replaceChildren();
  const days = state.days;
  if (!days.length) {
    const t = svg("text", { x: 10, y: 50, class: "empty" });
    t.textContent = "no dated events";
    box.append(t);
    return;
  }
  const max = Math.max(...days.map((d) => state.counts.get(d) || 0), 1);
  const bw = (w - 2 * pad) / days.length;
  days.forEach((d, i) => {
    const n = state.counts.get(d) || 0;
    const bh = (n / max) * (h - 2 * pad);
    const r = svg("rect", { x: pad + i * bw + 0.5, y: h - pad - bh, width: Math.max(bw - 1, 0.5),
                            height: bh, class: "bar", "data-day": d, "data-n": n });
    const tip = svg("title");
    tip.textContent = `${d}: ${n} events`;
    r.append(tip);
    box.append(r);
  });
  for (const [i, anchor] of [[0, "start"], [days.length - 1, "end"]]) {
    const t = svg("text", { x: anchor === "start" ? pad : w - pad, y: h - 3, "text-anchor": anchor,
                            class: "axis" });
    t.textContent = days[i];
    box.append(t);
  }
  const sel = svg("rect", { id: "brush", y: 4, height: h - pad - 2, class: "brush",
                            visibility: "hidden" });
  box.append(sel);
  if (state.brush) {
    const i0 = days.indexOf(state.brush[0]), i1 = days.indexOf(state.brush[1]);
    if (i0 >= 0 && i1 >= 0) showBrush(pad + i0 * bw, pad + (i1 + 1) * bw);
  }
  const dayAt = (x) => Math.min(days.length - 1, Math.max(0, Math.floor((x - pad) / bw)));
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
    const a = dayAt(Math.min(start, x)), b = dayAt(Math.max(start, x));
    start = null;
    setBrush([days[a], days[b]], true);
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
  if (!range && $("brush")) $("brush").setAttribute("visibility", "hidden");
  if (reload) refreshLinked();
}

/* ---- event table -------------------------------------------------------------------- */

async function loadTable() {
  const p = filterParams(true);
  p.set("limit", PAGE);
  p.set("offset", state.offset);
  const page = await api("/api/events", p);
  state.total = page.total;
  const body = $("events").tBodies[0];
  body.replaceChildren(...page.items.map((e) => el("tr",
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
  $("table-title").textContent = `${state.total} events`;
  $("page-label").textContent = state.total ? `${state.offset + 1}-${last}` : "0";
  $("prev").disabled = state.offset === 0;
  $("next").disabled = last >= state.total;
  $("status").textContent = `${state.total} events match`;
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
  renderBody(art, ev, null);
}

function renderLists(art) {
  const list = (title, items) => items.length ? el("section", {},
    el("h3", { text: `${title} (${items.length})` }),
    el("ul", {}, ...items.map((x) => el("li", { text: x })))) : null;
  const uniq = (xs) => [...new Set(xs)];
  $("article-lists").replaceChildren(...[
    list("Events", art.events.map((e) => `${e.type}: ${e.trigger}${e.place_name ? " — " + e.place_name : ""}`)),
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
  for (const b of document.querySelectorAll(".tab")) b.classList.toggle("active", b.dataset.view === name);
  $("view-events").hidden = name !== "events";
  $("view-quotes").hidden = name !== "quotes";
  $("filters").hidden = name !== "events";
  if (name === "quotes" && !speakers.length) loadSpeakers().catch(showError);
  if (name === "events") setTimeout(() => map.invalidateSize(), 0);
}

async function main() {
  const types = await api("/api/types");
  $("f-type").append(...types.map((t) => el("option", { value: t.type, text: t.type })));
  await initMap();
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); setBrush(null, false); refresh(); });
  $("filters").addEventListener("reset", () => setTimeout(() => { setBrush(null, false); refresh(); }, 0));
  $("f-type").addEventListener("change", () => refresh());
  $("brush-clear").addEventListener("click", () => { setBrush(null, true); drawTimeline(); });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable().catch(showError); });
  $("next").addEventListener("click", () => { state.offset += PAGE; loadTable().catch(showError); });
  $("article-close").addEventListener("click", closeArticle);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeArticle(); });
  $("speaker-filter").addEventListener("input", drawSpeakers);
  for (const b of document.querySelectorAll(".tab")) b.addEventListener("click", () => switchView(b.dataset.view));
  let resize;
  window.addEventListener("resize", () => { clearTimeout(resize); resize = setTimeout(drawTimeline, 150); });
  await refresh();
  document.body.dataset.ready = "1";
}

main().catch(showError);
