// The versions of one page (same project, page type, URL and variant): pick any two to see them side by side;
// the diff overlay and text diff come from the analysis API when the server has it.
import { getJson, el, errorBox, fmtTime, hasRoute } from "./ui.js";

export async function render(main, [id]) {
  const body = el("div", {}, el("p", { class: "muted" }, "Loading versions…"));
  main.append(el("h1", {}, "History"), body);
  try {
    const c = await getJson("/v1/captures/" + encodeURIComponent(id));
    const all = await getJson(`/v1/projects/${encodeURIComponent(c.project)}/captures?history=true&limit=200`);
    const versions = all.items.filter(v => v.url === c.url && v.pageType === c.pageType && (v.variant || null) === (c.variant || null))
      .sort((a, b) => b.version - a.version);
    body.replaceChildren(el("p", {}, el("a", { href: "#/captures/" + encodeURIComponent(c.id) }, c.url), ` · ${c.pageType} · ${versions.length} versions`));
    const pick = { a: versions[1]?.id || versions[0]?.id, b: versions[0]?.id };
    const side = el("div", { class: "row", id: "side-by-side" });
    const table = el("table", {}, el("caption", { class: "visually-hidden" }, "Versions; choose two to compare"),
      el("thead", {}, el("tr", {}, ["Version", "Captured", "Compare A", "Compare B"].map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, versions.map(v => el("tr", {},
        el("td", {}, el("a", { href: "#/captures/" + encodeURIComponent(v.id) }, "v" + v.version), v.current ? " (current)" : ""),
        el("td", {}, fmtTime(v.capturedAt)),
        ["a", "b"].map(k => el("td", {}, el("input", { type: "radio", name: "pick-" + k, value: v.id, checked: pick[k] === v.id,
          "aria-label": `Version ${v.version} as ${k.toUpperCase()}`, onchange: () => { pick[k] = v.id; compare(); } })))))));
    const diffBox = el("div", { id: "diff" });
    body.append(el("div", { class: "card table-wrap" }, table), el("h2", {}, "Side by side"), side, el("h2", {}, "Diff"), diffBox);
    const diffRoute = (await hasRoute("/v1/captures/{id}/diff")).length > 0;
    let asked = 0;
    function compare() {
      side.replaceChildren(...[pick.a, pick.b].map((cid, i) => {
        const v = versions.find(x => x.id === cid);
        const shot = v && (v.artifacts || []).find(a => a.format === "screenshot");
        return el("figure", { class: "card" }, el("figcaption", {}, `${i ? "B" : "A"}: v${v?.version ?? "?"}`),
          shot?.contentType === "image/png" ? el("img", { src: `/v1/captures/${encodeURIComponent(cid)}/preview/0?width=640`, alt: `Version ${v.version}`, width: 640,
            height: Math.round(Math.min(2048, shot.height) * 640 / shot.width), class: "chart" }) : el("p", { class: "muted" }, "no screenshot"));
      }));
      if (!diffRoute) {
        diffBox.replaceChildren(el("p", { class: "notice" }, "The diff overlay and the text diff appear here once the server has the analysis diff API (issue 13)."));
        return;
      }
      if (pick.a === pick.b) { diffBox.replaceChildren(el("p", { class: "muted" }, "Pick two different versions to see their diff.")); return; }
      const mine = ++asked; // a newer pick wins over a diff still being computed
      diffBox.replaceChildren(el("p", { class: "muted" }, "Computing the diff…"));
      // the route diffs its capture (---) against the other (+++): A to B
      getJson(`/v1/captures/${encodeURIComponent(pick.a)}/diff?against=${encodeURIComponent(pick.b)}`)
        .then(d => { if (mine === asked) diffBox.replaceChildren(diffView(d, pick.b, versions.find(x => x.id === pick.b))); })
        .catch(e => { if (mine === asked) diffBox.replaceChildren(errorBox(e)); });
    }
    compare();
  } catch (e) {
    body.replaceChildren(errorBox(e));
  }
}

const NS = "http://www.w3.org/2000/svg";

/** The diff of B against A: figures, B's preview with the changed regions boxed, the text diff, the diff images. */
export function diffView(d, captureId, v) {
  const shot = (v?.artifacts || []).find(a => a.format === "screenshot");
  const summary = el("p", { id: "diff-summary" }, d.identical ? "No visible change." :
    `${d.changedPercent?.toFixed ? d.changedPercent.toFixed(2) : d.changedPercent} % of pixels changed in ${d.regions.length} region(s)` +
    (d.heightDifference ? `; height differs by ${d.heightDifference} px` : "") + ".", " ",
    d.links?.diffImage ? el("a", { href: d.links.diffImage, download: "" }, "diff image") : "", " · ",
    d.links?.sideBySide ? el("a", { href: d.links.sideBySide, download: "" }, "side-by-side image") : "");
  const parts = [summary];
  if (shot?.contentType === "image/png" && shot.width) {
    const w = Math.min(640, shot.width), tiles = Math.ceil(shot.height / 2048);
    const box = el("div", { class: "overlay", role: "img", "aria-label": `Version B with ${d.regions.length} changed region(s) boxed` },
      Array.from({ length: tiles }, (_, n) => el("img", { src: `/v1/captures/${encodeURIComponent(captureId)}/preview/${n}?width=${w}`, alt: "",
        width: w, height: Math.max(1, Math.round(Math.min(2048, shot.height - n * 2048) * w / shot.width)), loading: n < 2 ? "eager" : "lazy" })));
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", `0 0 ${shot.width} ${shot.height}`);
    svg.setAttribute("preserveAspectRatio", "none");
    svg.id = "diff-regions";
    for (const r of d.regions) {
      const rect = document.createElementNS(NS, "rect");
      for (const k of ["x", "y", "width", "height"]) rect.setAttribute(k, r[k]);
      rect.setAttribute("vector-effect", "non-scaling-stroke");
      svg.append(rect);
    }
    box.append(svg);
    parts.push(el("div", { class: "scrollbox", tabindex: 0, role: "region", "aria-label": "Changed regions, scrollable" }, box));
  }
  const t = d.textDiff;
  if (t && !t.skipped) {
    parts.push(el("h3", {}, t.identical ? "Text: unchanged" : `Text: +${t.addedLines} / −${t.removedLines} lines`));
    if (!t.identical) parts.push(el("pre", { id: "diff-text" }, (t.unified || "").split("\n").map(line =>
      el("span", { class: line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "" }, line + "\n"))));
  }
  return el("div", {}, parts);
}
