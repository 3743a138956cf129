// Projects: the list and a form to create one (name and site URL).
import { api, getJson, el, errorBox, setBusy, fmtTime } from "./ui.js";

export async function render(main) {
  const status = el("div", { "aria-live": "polite" });
  const name = el("input", { id: "p-name", name: "name", type: "text", required: true, maxlength: 200, autocomplete: "off" });
  const site = el("input", { id: "p-site", name: "siteUrl", type: "url", placeholder: "https://example.com" });
  const go = el("button", { type: "submit" }, "Create project");
  const form = el("form", { class: "card", "aria-labelledby": "new-h" },
    el("h2", { id: "new-h" }, "New project"),
    el("label", { for: "p-name" }, "Name"), name,
    el("label", { for: "p-site" }, "Site URL (optional: where crawls start)"), site,
    go, status);
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    status.replaceChildren();
    setBusy(go, true);
    try {
      const body = { name: name.value.trim() };
      if (site.value.trim()) body.siteUrl = site.value.trim();
      const p = await (await api("/v1/projects", { method: "POST", json: body })).json();
      location.hash = "#/projects/" + encodeURIComponent(p.id);
    } catch (e) {
      status.append(errorBox(e));
    } finally {
      setBusy(go, false);
    }
  });
  const list = el("div", { class: "card" }, el("p", { class: "muted" }, "Loading projects…"));
  main.append(el("h1", {}, "Projects"), el("div", { class: "grid" }, form, list));
  try {
    const page = await getJson("/v1/projects?limit=200");
    list.replaceChildren(el("h2", {}, "All projects"));
    if (!page.items.length) {
      list.append(el("p", {}, "No projects yet. Create one, or ", el("a", { href: "#/capture" }, "capture a page"), " (it is stored in project 'default')."));
      return;
    }
    list.append(el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Project"), el("th", { scope: "col" }, "Site"), el("th", { scope: "col" }, "Created"))),
      el("tbody", {}, page.items.map(p => el("tr", {},
        el("td", {}, el("a", { href: "#/projects/" + encodeURIComponent(p.id) }, p.name)),
        el("td", {}, p.siteUrl ? el("span", {}, p.siteUrl) : el("span", { class: "muted" }, "–")),
        el("td", { class: "muted" }, fmtTime(p.createdAt))))))));
  } catch (e) {
    list.replaceChildren(errorBox(e));
  }
}
