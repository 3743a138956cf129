// Monitors: the list (schedule, last status, next run) and a form to watch a page.
import { api, getJson, el, errorBox, setBusy, fmtTime, comingScreen, hasRoute } from "./ui.js";

export async function render(main) {
  if (!(await hasRoute("/v1/monitors")).length) {
    return comingScreen(main, { title: "Monitors", prefix: "/v1/monitors", issue: "monitors API, issue 15",
      what: "The monitors of your projects, a timeline of the changes each one found, and the last diff." });
  }
  const field = (id, label, input) => el("div", {}, el("label", { for: id }, label), input);
  const name = el("input", { id: "m-name", type: "text", required: true, maxlength: 200 });
  const url = el("input", { id: "m-url", type: "url", required: true, placeholder: "https://example.com/pricing" });
  const interval = el("input", { id: "m-interval", type: "text", value: "1d", required: true, placeholder: "30m, 6h, 1d" });
  const percent = el("input", { id: "m-percent", type: "number", min: 0, max: 100, step: 0.1, placeholder: "e.g. 0.5" });
  const go = el("button", { type: "submit" }, "Create monitor");
  const status = el("div", { "aria-live": "polite" });
  const form = el("form", { class: "card", "aria-labelledby": "m-new-h" }, el("h2", { id: "m-new-h" }, "Watch a page"),
    field("m-name", "Name", name), field("m-url", "URL", url),
    el("div", { class: "row" }, field("m-interval", "Every", interval), field("m-percent", "Ignore changes under (% of pixels)", percent)),
    go, status);
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    status.replaceChildren();
    setBusy(go, true);
    const body = { name: name.value.trim(), url: url.value.trim(), interval: interval.value.trim() };
    if (percent.value !== "") body.minChangedPercent = +percent.value;
    try {
      const m = await (await api("/v1/monitors", { method: "POST", json: body })).json();
      location.hash = "#/monitors/" + encodeURIComponent(m.id);
    } catch (e) {
      status.append(errorBox(e));
    } finally {
      setBusy(go, false);
    }
  });
  const list = el("div", { class: "card" }, el("p", { class: "muted" }, "Loading monitors…"));
  main.append(el("h1", {}, "Monitors"), el("div", { class: "grid" }, form, list));
  try {
    const monitors = (await getJson("/v1/monitors?limit=200")).items;
    list.replaceChildren(el("h2", {}, "Monitors"));
    if (!monitors.length) { list.append(el("p", { class: "muted" }, "No monitors yet.")); return; }
    list.append(el("div", { class: "table-wrap" }, el("table", { id: "m-list" },
      el("thead", {}, el("tr", {}, ["Monitor", "Every", "Last", "Next run"].map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, monitors.map(m => el("tr", {},
        el("td", {}, el("a", { href: "#/monitors/" + encodeURIComponent(m.id) }, m.definition?.name || m.id)),
        el("td", {}, m.definition?.interval || m.definition?.cron || "–"),
        el("td", {}, m.lastStatus ? String(m.lastStatus) : el("span", { class: "muted" }, "not run yet")),
        el("td", { class: "muted" }, m.enabled ? fmtTime(m.nextDueAt) : "paused")))))));
  } catch (e) {
    list.replaceChildren(errorBox(e));
  }
}
