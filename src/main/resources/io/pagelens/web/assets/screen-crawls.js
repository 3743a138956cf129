// Crawls: a start form (site, project, limits) and the crawls so far.
import { api, getJson, el, errorBox, setBusy, fmtTime, comingScreen, hasRoute } from "./ui.js";

export async function render(main, _, params) {
  if (!(await hasRoute("/v1/crawls")).length) {
    return comingScreen(main, { title: "Crawls", prefix: "/v1/crawls", issue: "crawl API, issue 12",
      what: "Start a crawl of a project's site and watch it live." });
  }
  const projects = await getJson("/v1/projects?limit=200").catch(() => ({ items: [] }));
  const wanted = params.get("project");
  const chosen = projects.items.find(p => p.id === wanted || p.name === wanted) || projects.items[0];
  const url = el("input", { id: "cr-url", type: "url", required: true, value: chosen?.siteUrl || "", placeholder: "https://example.com" });
  const project = el("input", { id: "cr-project", type: "text", list: "cr-projects", value: chosen?.name || "", placeholder: "default" });
  const list = el("datalist", { id: "cr-projects" }, projects.items.map(p => el("option", { value: p.name })));
  project.addEventListener("change", () => {
    const p = projects.items.find(x => x.name === project.value.trim());
    if (p?.siteUrl && !url.value) url.value = p.siteUrl;
  });
  const limit = el("input", { id: "cr-limit", type: "number", min: 1, max: 10000, value: 50 });
  const depth = el("input", { id: "cr-depth", type: "number", min: 0, max: 100, value: 5 });
  const include = el("input", { id: "cr-include", type: "text", placeholder: "e.g. ^/blog/ (regex; empty: the whole site)" });
  const robots = el("input", { id: "cr-robots", type: "checkbox", checked: true });
  const sitemap = el("select", { id: "cr-sitemap" }, ["include", "skip", "only"].map(v => el("option", { value: v }, v)));
  const go = el("button", { type: "submit" }, "Start crawl");
  const status = el("div", { "aria-live": "polite" });
  const field = (id, label, input) => el("div", {}, el("label", { for: id }, label), input);
  const form = el("form", { class: "card", "aria-labelledby": "crawl-h" },
    el("h2", { id: "crawl-h" }, "Start a crawl"), field("cr-url", "Start URL", url), field("cr-project", "Project", project), list,
    el("div", { class: "row" }, field("cr-limit", "Pages at most", limit), field("cr-depth", "Link depth", depth)),
    field("cr-include", "Only paths matching", include),
    el("div", { class: "row" }, field("cr-sitemap", "Sitemap", sitemap), el("label", {}, robots, " respect robots.txt")),
    go, status);
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    status.replaceChildren();
    setBusy(go, true);
    const body = { url: url.value.trim(), limit: +limit.value, maxDepth: +depth.value, respectRobots: robots.checked, sitemap: sitemap.value };
    if (project.value.trim()) body.projectId = project.value.trim();
    if (include.value.trim()) body.includePaths = [include.value.trim()];
    try {
      const c = await (await api("/v1/crawls", { method: "POST", json: body })).json();
      location.hash = "#/crawls/" + encodeURIComponent(c.id);
    } catch (e) {
      status.append(errorBox(e));
    } finally {
      setBusy(go, false);
    }
  });
  const past = el("div", { class: "card" }, el("p", { class: "muted" }, "Loading crawls…"));
  main.append(el("h1", {}, "Crawls"), el("div", { class: "grid" }, form, past));
  try {
    const crawls = await getJson("/v1/crawls?limit=50");
    past.replaceChildren(el("h2", {}, "Recent crawls"));
    if (!crawls.items.length) { past.append(el("p", { class: "muted" }, "No crawls yet.")); return; }
    past.append(el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, ["Start URL", "State", "Done", "Started"].map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, crawls.items.map(c => el("tr", {},
        el("td", {}, el("a", { href: "#/crawls/" + encodeURIComponent(c.id) }, c.url)), el("td", {}, c.state),
        el("td", {}, String(c.counts?.done ?? 0)), el("td", { class: "muted" }, fmtTime(c.startedAt || c.createdAt))))))));
  } catch (e) {
    past.replaceChildren(errorBox(e));
  }
}
