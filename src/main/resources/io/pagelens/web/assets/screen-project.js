// One project: its pages grouped by page type, each with a stored thumbnail, last capture time and history.
import { getJson, el, errorBox, fmtTime } from "./ui.js";

export async function render(main, [id]) {
  const head = el("h1", {}, "Project");
  const body = el("div", {}, el("p", { class: "muted" }, "Loading…"));
  main.append(head, body);
  try {
    const project = await getJson("/v1/projects/" + encodeURIComponent(id));
    head.textContent = "Project " + project.name;
    const captures = await getJson(`/v1/projects/${encodeURIComponent(id)}/captures?limit=200`);
    const actions = el("p", {},
      el("a", { href: "#/capture?project=" + encodeURIComponent(project.name) }, "Capture a page in this project"),
      project.siteUrl ? el("span", { class: "muted" }, " · site " + project.siteUrl) : null);
    body.replaceChildren(actions);
    if (!captures.items.length) {
      body.append(el("p", { class: "muted" }, "No pages captured yet."));
      return;
    }
    const byType = new Map();
    for (const c of captures.items) {
      const t = c.pageType || "page";
      if (!byType.has(t)) byType.set(t, []);
      byType.get(t).push(c);
    }
    for (const [type, list] of [...byType.entries()].sort()) {
      const sectionId = "type-" + type.replace(/[^a-z0-9]+/gi, "-");
      body.append(el("section", { "aria-labelledby": sectionId },
        el("h2", { id: sectionId }, `${type} `, el("span", { class: "pill" }, String(list.length))),
        el("div", { class: "gallery" }, list.map(card))));
    }
  } catch (e) {
    body.replaceChildren(errorBox(e));
  }
}

function card(c) {
  const shot = (c.artifacts || []).find(a => a.format === "screenshot");
  const title = c.metadata?.title || c.url;
  return el("div", { class: "thumb" },
    el("a", { href: "#/captures/" + encodeURIComponent(c.id) },
      shot?.contentType === "image/png" ? el("img", { src: `/v1/captures/${encodeURIComponent(c.id)}/thumbnail`, alt: "", width: 320, height: 240, loading: "lazy" })
           : el("span", { class: "muted" }, shot ? "no thumbnail (not a PNG)" : "no screenshot"),
      el("span", {}, title)),
    el("span", { class: "muted" }, `v${c.version} · ${fmtTime(c.capturedAt)} · `,
      el("a", { href: `#/captures/${encodeURIComponent(c.id)}/history` }, "history")));
}
