// Memory panel: a live chart of memory by source against the budget and ceiling, from pagelens's own /v1/status,
// plus admissions, waits, browser state and recycles, and the queue depth from /metrics. No external monitoring.
import { getJson, api, el, errorBox } from "./ui.js";

const POLL_MS = 2000;
const METRICS_EVERY = 5; // /metrics is tens of KB of text: every 5th poll (10 s); /v1/status (~1 KB) every poll
const KEEP = 90; // samples on the chart: 3 minutes
const SERIES = [["heap", "JVM heap (other)"], ["caches", "caches (in heap)"], ["nonheap", "JVM non-heap"], ["chromium", "Chromium"]];
const NS = "http://www.w3.org/2000/svg";

export async function render(main) {
  const samples = [];
  let polls = 0, metrics = "";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 640 240");
  svg.setAttribute("class", "chart");
  svg.setAttribute("role", "img");
  svg.id = "memory-chart";
  const level = el("p", { id: "pressure", "aria-live": "polite" }, "Waiting for the first sample…");
  const stats = el("dl", { class: "stats", id: "memory-stats" });
  const error = el("div", {});
  main.append(el("h1", {}, "Memory"),
    el("div", { class: "card" }, level, svg,
      el("ul", { class: "legend", "aria-label": "Legend" }, SERIES.map(([k, label]) => el("li", { class: "s-" + k }, label)),
        el("li", { class: "s-ceiling" }, "ceiling (dashed); budget (line)"))),
    el("div", { class: "card" }, el("h2", {}, "Admissions, browser and queue"), stats), error);

  async function tick() {
    try {
      const wantMetrics = polls++ % METRICS_EVERY === 0;
      const [s, m2] = await Promise.all([getJson("/v1/status"), wantMetrics ? api("/metrics").then(r => r.text()).catch(() => "") : null]);
      if (m2 !== null) metrics = m2;
      error.replaceChildren();
      const m = s.memory;
      if (!m) { level.textContent = "This server reports no memory figures (no memory governor)."; return; }
      const mb = v => Math.max(0, v ?? 0);
      samples.push({ heap: Math.max(0, mb(m.heapMb) - mb(m.cacheMb)), caches: mb(m.cacheMb), nonheap: mb(m.nonHeapMb), chromium: mb(m.chromiumPssMb) });
      if (samples.length > KEEP) samples.shift();
      level.replaceChildren("Pressure ", el("strong", { class: "level-" + m.level }, m.level), ` · used ${m.usedMb} MB of ${m.budgetMb} MB budget`,
        ` (ceiling ${m.ceilingMb} MB, headroom ${m.headroomMb} MB, ${m.budgetSource}; measured by ${m.measuredBy})`);
      draw(svg, samples, m);
      const p = prometheus(metrics);
      const rows = [
        ["JVM heap", `${m.heapMb} MB`], ["JVM non-heap", `${m.nonHeapMb} MB`], ["Chromium (PSS)", `${m.chromiumPssMb} MB in ${m.chromiumProcesses} processes`],
        ["Caches", `${m.cacheMb} of ${m.cacheCapMb} MB`], ["Captures in flight", `${m.inFlight} of max ${m.maxConcurrency}`],
        ["Waiting for admission", m.waiting], ["Admitted (total)", p.sum("pagelens_admission_admitted_total")],
        ["Admission timeouts", p.sum("pagelens_admission_timeouts_total")], ["Admission waits", p.sum("pagelens_admission_wait_seconds_count")],
        ["Browser", `${s.browser?.state ?? "–"} (${s.browser?.processes ?? 0} processes, ${s.browser?.inFlight ?? 0} tabs)`],
        ["Browser launches", p.sum("pagelens_browser_launches_total")], ["Browser recycles", p.sum("pagelens_browser_stops_total")],
        ["Queue", `${s.queue?.queued ?? 0} queued, ${s.queue?.running ?? 0} running (limit ${s.queue?.limit ?? "–"})`],
        ["OOM kills", m.oomKills], ["Samples", samples.length]];
      stats.replaceChildren(...rows.map(([k, v]) => el("div", {}, el("dt", {}, k), el("dd", {}, String(v ?? "–")))));
      stats.dataset.samples = String(samples.length);
    } catch (e) {
      error.replaceChildren(errorBox(e));
    }
  }
  await tick();
  const timer = setInterval(tick, POLL_MS);
  return () => clearInterval(timer);
}

function draw(svg, samples, m) {
  const W = 640, H = 240, top = 10, bottom = 20, left = 40;
  const max = Math.max(m.budgetMb, ...samples.map(s => s.heap + s.caches + s.nonheap + s.chromium)) * 1.05 || 1;
  // newest sample at the right edge; the chart fills leftwards as samples arrive
  const x = i => W - 4 - (W - left - 4) * (samples.length - 1 - i) / (KEEP - 1);
  const y = v => top + (H - top - bottom) * (1 - v / max);
  const nodes = [];
  const base = samples.map(() => 0);
  for (const [k] of SERIES) {
    const upper = samples.map((s, i) => base[i] + s[k]);
    const pts = upper.map((v, i) => `${x(i)},${y(v)}`).concat(base.map((v, i) => `${x(i)},${y(v)}`).reverse());
    const poly = document.createElementNS(NS, "polygon");
    poly.setAttribute("points", pts.join(" "));
    poly.setAttribute("class", k);
    nodes.push(poly);
    upper.forEach((v, i) => { base[i] = v; });
  }
  const line = (v, cls, label) => {
    const l = document.createElementNS(NS, "line");
    l.setAttribute("x1", left); l.setAttribute("x2", W); l.setAttribute("y1", y(v)); l.setAttribute("y2", y(v));
    l.setAttribute("class", cls);
    const t = document.createElementNS(NS, "text");
    t.setAttribute("x", 2); t.setAttribute("y", y(v) + 4); t.textContent = label;
    nodes.push(l, t);
  };
  line(m.budgetMb, "budget", `${m.budgetMb}`);
  if (m.ceilingMb > 0) line(m.ceilingMb, "ceiling", `${m.ceilingMb}`);
  const last = samples[samples.length - 1];
  svg.setAttribute("aria-label", `Memory by source, MB: heap ${last.heap}, caches ${last.caches}, non-heap ${last.nonheap}, ` +
    `Chromium ${last.chromium}; budget ${m.budgetMb}, ceiling ${m.ceilingMb}`);
  svg.dataset.samples = String(samples.length);
  svg.replaceChildren(...nodes);
}

/** The few series the panel reads from Prometheus text: sums over all label sets of a name. */
function prometheus(text) {
  const sums = new Map();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const m = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+([-+eE0-9.]+|NaN)/);
    if (m) sums.set(m[1], (sums.get(m[1]) || 0) + (Number(m[3]) || 0));
  }
  return { sum: name => (sums.has(name) ? Math.round(sums.get(name)) : "–") };
}
