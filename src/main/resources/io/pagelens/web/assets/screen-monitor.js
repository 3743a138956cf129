// One monitor: what it watches, its change timeline (newest first), and the last change's diff: the regions boxed on
// the new screenshot's preview and the start of the text diff.
import { getJson, el, errorBox, fmtTime } from "./ui.js";

const NS = "http://www.w3.org/2000/svg";

export async function render(main, [id]) {
  const base = "/v1/monitors/" + encodeURIComponent(id);
  const head = el("h1", {}, "Monitor");
  const body = el("div", {}, el("p", { class: "muted" }, "Loading…"));
  main.append(head, body);
  try {
    const m = await getJson(base);
    const d = m.definition || {};
    head.textContent = "Monitor " + (d.name || m.id);
    const changes = (await getJson(base + "/changes")).items || [];
    body.replaceChildren(el("p", { id: "m-summary" }, `Watches ${d.url || (d.urls || []).join(", ") || "project " + d.projectId}`,
      ` · every ${d.interval || d.cron}`, ` · ${m.enabled ? "next run " + fmtTime(m.nextDueAt) : "paused"}`,
      m.lastRunAt ? ` · last run ${fmtTime(m.lastRunAt)}` : ""),
      el("h2", {}, "Changes"));
    if (!changes.length) { body.append(el("p", { class: "muted", id: "m-timeline" }, "No changes recorded yet: the first run stores the baseline.")); return; }
    body.append(el("ol", { id: "m-timeline" }, changes.map(c => el("li", {},
      el("strong", {}, String(c.changeStatus)), ` · ${fmtTime(c.createdAt)} · ${c.url}`,
      c.changedPercent != null ? ` · ${Number(c.changedPercent).toFixed(2)} % pixels` : "",
      c.addedWords != null ? ` · +${c.addedWords}/−${c.removedWords} words` : "",
      c.captureId ? el("span", {}, " · ", el("a", { href: "#/captures/" + encodeURIComponent(c.captureId) }, "capture")) : ""))));
    const last = changes[0];
    body.append(el("h2", {}, "Last diff"), await lastDiff(last));
  } catch (e) {
    body.replaceChildren(errorBox(e));
  }
}

async function lastDiff(c) {
  const parts = [];
  if (c.links?.diffImage || c.links?.diff) parts.push(el("p", {}, el("a", { href: c.links.diffImage || c.links.diff, download: "" }, "diff image")));
  if (c.captureId) {
    const cap = await getJson("/v1/captures/" + encodeURIComponent(c.captureId)).catch(() => null);
    const shot = cap && (cap.artifacts || []).find(a => a.format === "screenshot");
    if (shot?.contentType === "image/png" && shot.width) {
      const w = Math.min(640, shot.width);
      const box = el("div", { class: "overlay", role: "img", "aria-label": `New screenshot with ${(c.regions || []).length} changed region(s) boxed` },
        el("img", { src: `/v1/captures/${encodeURIComponent(c.captureId)}/preview/0?width=${w}`, alt: "", width: w,
          height: Math.round(Math.min(2048, shot.height) * w / shot.width) }));
      const svg = document.createElementNS(NS, "svg");
      svg.setAttribute("viewBox", `0 0 ${shot.width} ${Math.min(2048, shot.height)}`);
      svg.setAttribute("preserveAspectRatio", "none");
      for (const r of c.regions || []) {
        const rect = document.createElementNS(NS, "rect");
        for (const k of ["x", "y", "width", "height"]) rect.setAttribute(k, r[k]);
        rect.setAttribute("vector-effect", "non-scaling-stroke");
        svg.append(rect);
      }
      box.append(svg);
      parts.push(el("div", { class: "scrollbox", tabindex: 0, role: "region", "aria-label": "Last change, scrollable" }, box));
    }
  }
  if (c.textDiff) parts.push(el("pre", { id: "diff-text" }, c.textDiff.split("\n").map(line =>
    el("span", { class: line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "" }, line + "\n"))));
  return parts.length ? el("div", {}, parts) : el("p", { class: "muted" }, "This change has no diff to show.");
}
