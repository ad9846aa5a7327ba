// entente's pages: a little behaviour on server-rendered HTML. Data comes from <script type="application/json">
// blocks (never executed) or the page itself; nothing here writes HTML from data (textContent only).
"use strict";

function readData(id) {
  const el = document.getElementById(id);
  return el ? JSON.parse(el.textContent) : null;
}

// Article: the event named in the URL's #ev-ID, and every piece of text it covers, marked and scrolled to.
function focusEvent() {
  const m = /^#ev-(.+)$/.exec(window.location.hash);
  document.querySelectorAll(".focus").forEach((el) => el.classList.remove("focus"));
  if (!m) return;
  const id = decodeURIComponent(m[1]);
  const pieces = Array.from(document.querySelectorAll("#text [data-ev]"))
    .filter((el) => el.dataset.ev.split(" ").includes(id));
  pieces.forEach((el) => el.classList.add("focus"));
  document.querySelectorAll(`.evidence li[data-ev]`).forEach((li) => {
    if (li.dataset.ev === id) li.classList.add("focus");
  });
  if (pieces.length) pieces[0].scrollIntoView({ block: "center" });
}

const QUAD_COLOURS = {
  "verbal cooperation": "#7fb3d5",
  "material cooperation": "#1f618d",
  "verbal conflict": "#f0b27a",
  "material conflict": "#c0392b",
};

function dyadChart() {
  const data = readData("dyad-data");
  const canvas = document.getElementById("dyad-chart");
  if (!data || !canvas || typeof Chart === "undefined") return;
  const periods = data.periods;
  const datasets = data.quad_names.map((q) => ({
    type: "bar", label: q, data: periods.map((p) => p.quads[q]), backgroundColor: QUAD_COLOURS[q], stack: "quads",
    yAxisID: "y",
  }));
  datasets.push({
    type: "line", label: "mean PLOVER score", data: periods.map((p) => p.mean_score), yAxisID: "score",
    borderColor: "#333", backgroundColor: "#333", spanGaps: true, pointRadius: 3,
  });
  const chart = new Chart(canvas, {
    data: { labels: periods.map((p) => p.period), datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: "events" } },
        score: { position: "right", min: -10, max: 10, grid: { drawOnChartArea: false },
                 title: { display: true, text: "mean score" } },
      },
      onClick: (event) => {
        const hit = chart.getElementsAtEventForMode(event, "index", { intersect: false }, false);
        if (!hit.length) return;
        const url = new URL(window.location.href);
        url.searchParams.set("period", periods[hit[0].index].period);
        url.hash = "reports";
        window.location.assign(url.toString());
      },
    },
  });
  canvas.dataset.points = String(periods.length);
}

// Months from the first to the last with articles, the empty ones as 0: time reads evenly along the axis.
function everyMonth(found) {
  if (!found.length) return [];
  const byMonth = new Map(found.map((m) => [m.month, m.articles]));
  const out = [];
  let [y, m] = found[0].month.split("-").map(Number);
  const last = found[found.length - 1].month;
  for (let guard = 0; guard < 1200; guard += 1) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    out.push({ month: key, articles: byMonth.get(key) || 0 });
    if (key >= last) break;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

function activityChart() {
  const data = readData("actor-data");
  const canvas = document.getElementById("activity-chart");
  if (!data || !canvas || typeof Chart === "undefined") return;
  const months = everyMonth(data.months);
  new Chart(canvas, {
    type: "bar",
    data: { labels: months.map((m) => m.month),
            datasets: [{ label: "articles", data: months.map((m) => m.articles), backgroundColor: "#1f618d" }] },
    options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } } },
  });
  canvas.dataset.points = String(data.months.length);
}

function network() {
  const data = readData("graph-data");
  const box = document.getElementById("graph");
  if (!data || !box || typeof cytoscape === "undefined") return;
  const max = Math.max(1, ...data.nodes.map((n) => n.weight));
  const elements = data.nodes.map((n) => ({
    data: { id: n.id, label: n.name, size: 14 + 36 * Math.sqrt(n.weight / max), kind: n.type },
  }));
  const maxEdge = Math.max(1, ...data.events.map((e) => e.weight), ...data.co_mentions.map((e) => e.weight));
  data.co_mentions.forEach((e, i) => elements.push({ data: { id: `c${i}`, source: e.source, target: e.target,
    width: 1 + 7 * e.weight / maxEdge, kind: "co" } }));
  data.events.forEach((e, i) => elements.push({ data: { id: `e${i}`, source: e.source, target: e.target,
    width: 1 + 7 * e.weight / maxEdge, kind: "ev" } }));
  const cy = cytoscape({
    container: box, elements,
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000 },
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
        "background-color": "#1f618d", "font-size": 11, color: "#222", "text-valign": "bottom" } },
      { selector: 'node[kind = "country"]', style: { "background-color": "#c0392b" } },
      { selector: "edge", style: { width: "data(width)", "curve-style": "bezier", opacity: 0.7 } },
      { selector: 'edge[kind = "co"]', style: { "line-color": "#bbb" } },
      { selector: 'edge[kind = "ev"]', style: { "line-color": "#e67e22", "target-arrow-shape": "triangle",
        "target-arrow-color": "#e67e22" } },
    ],
  });
  cy.on("tap", "node", (evt) => window.location.assign(`/actors/${encodeURIComponent(evt.target.id())}`));
  box.dataset.nodes = String(cy.nodes().length);
  box.dataset.edges = String(cy.edges().length);
}

document.addEventListener("DOMContentLoaded", () => {
  const page = document.body.dataset.page;
  if (page === "article") {
    focusEvent();
    window.addEventListener("hashchange", focusEvent);
  } else if (page === "dyad") {
    dyadChart();
  } else if (page === "actor") {
    activityChart();
  } else if (page === "graph") {
    network();
  }
  document.body.dataset.ready = "true";
});
