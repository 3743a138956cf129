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
    const diffRoutes = (await hasRoute("/v1/")).filter(p => /diff/i.test(p));
    function compare() {
      side.replaceChildren(...[pick.a, pick.b].map((cid, i) => {
        const v = versions.find(x => x.id === cid);
        const shot = v && (v.artifacts || []).find(a => a.format === "screenshot");
        return el("figure", { class: "card" }, el("figcaption", {}, `${i ? "B" : "A"}: v${v?.version ?? "?"}`),
          shot ? el("img", { src: `/v1/captures/${encodeURIComponent(cid)}/preview/0?width=640`, alt: `Version ${v.version}`, width: 640,
            height: Math.round(Math.min(2048, shot.height) * 640 / shot.width), class: "chart" }) : el("p", { class: "muted" }, "no screenshot"));
      }));
      diffBox.replaceChildren(diffRoutes.length
        ? el("p", {}, "The server has diff routes (", diffRoutes.map(r => el("code", {}, r + " ")), "); see the ", el("a", { href: "/docs" }, "API reference"), ".")
        : el("p", { class: "notice" }, "The diff overlay with region boxes and the text diff appear here once the server has the analysis diff API (issue 13)."));
    }
    compare();
  } catch (e) {
    body.replaceChildren(errorBox(e));
  }
}
