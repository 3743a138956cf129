// The dashboard: a hash router that loads one screen module at a time (so each screen costs only its own script).
import { el, errorBox } from "./ui.js";

const routes = [
  [/^#?\/?$/, "projects"],
  [/^#\/projects$/, "projects"],
  [/^#\/projects\/([^/?]+)$/, "project"],
  [/^#\/capture$/, "capture"],
  [/^#\/captures\/([^/?]+)$/, "result"],
  [/^#\/captures\/([^/?]+)\/history$/, "history"],
  [/^#\/memory$/, "memory"],
  [/^#\/crawls$/, "crawls"],
  [/^#\/crawls\/([^/?]+)$/, "crawl"],
  [/^#\/variants$/, "variants"],
  [/^#\/monitors$/, "monitors"],
  [/^#\/monitors\/([^/?]+)$/, "monitor"],
];

let cleanup = null;

async function show() {
  const [path, query] = location.hash.split("?");
  const params = new URLSearchParams(query || "");
  const main = document.getElementById("main");
  if (cleanup) { try { cleanup(); } catch (_) { /* a screen's own teardown */ } cleanup = null; }
  main.replaceChildren();
  const hit = routes.map(([re, name]) => [path.match(re), name]).find(([m]) => m);
  document.querySelectorAll("header nav a").forEach(a => {
    const section = hit ? hit[1].replace(/^(project|result|history)$/, "projects").replace(/^crawl$/, "crawls").replace(/^monitor$/, "monitors") : "";
    if (a.getAttribute("href") === "#/" + section) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  if (!hit) { main.append(el("h1", {}, "Not found"), el("p", {}, "No such screen. "), el("a", { href: "#/" }, "Back to projects")); return; }
  const [m, name] = hit;
  try {
    const screen = await import(`./screen-${name}.js`);
    cleanup = (await screen.render(main, m.slice(1).map(decodeURIComponent), params)) || null;
  } catch (e) {
    main.append(errorBox(e));
  }
}

window.addEventListener("hashchange", () => { show(); document.getElementById("main").focus({ preventScroll: true }); });
show();
