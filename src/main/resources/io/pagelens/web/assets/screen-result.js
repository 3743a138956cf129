// One capture: screenshot preview in downscaled tiles (never the full-size image in the page), Markdown rendered
// and raw, HTML source, links, metadata and the capture report.
import { api, getJson, el, errorBox, fmtTime, fmtBytes } from "./ui.js";
import { markdownToDom } from "./markdown.js";

/** Source rows per preview tile; the server cuts and downscales tiles while streaming the PNG's rows. */
const TILE = 2048;

export async function render(main, [id]) {
  const body = el("div", {}, el("p", { class: "muted" }, "Loading capture…"));
  main.append(body);
  let c;
  try { c = await getJson("/v1/captures/" + encodeURIComponent(id)); }
  catch (e) { body.replaceChildren(errorBox(e)); return; }
  const base = "/v1/captures/" + encodeURIComponent(c.id);
  const artifacts = Object.fromEntries((c.artifacts || []).map(a => [a.format, a]));
  body.replaceChildren(
    el("h1", {}, c.metadata?.title || c.url),
    el("p", { class: "muted" }, el("span", {}, c.url), ` · ${c.project} / ${c.pageType} · version ${c.version} · ${fmtTime(c.capturedAt)}`,
      c.cached ? " · from cache" : "", " · ", el("a", { href: `#/captures/${encodeURIComponent(c.id)}/history` }, "history")));
  const tabs = [];
  if (artifacts.screenshot) tabs.push(["Screenshot", () => screenshot(base, artifacts.screenshot)]);
  if (artifacts.markdown) tabs.push(["Markdown", () => markdown(artifacts.markdown)]);
  if (artifacts.html) tabs.push(["HTML", () => text(artifacts.html)]);
  if (c.pageLinks) tabs.push(["Links", () => links(c.pageLinks)]);
  if (c.metadata) tabs.push(["Metadata", () => metadata(c.metadata)]);
  if (c.report?.steps?.brand) tabs.push(["Brand", () => brand(c.report.steps.brand)]);
  tabs.push(["Report", () => report(c.report)]);
  tabs.push(["Downloads", () => downloads(c.artifacts || [])]);
  body.append(tabbed(tabs));
}

function tabbed(tabs) {
  const bar = el("div", { class: "tabs", role: "tablist", "aria-label": "Capture outputs" });
  const panel = el("div", { role: "tabpanel", id: "tab-panel", tabindex: 0 });
  const buttons = tabs.map(([name, render], i) => {
    const b = el("button", { type: "button", role: "tab", id: "tab-" + name.toLowerCase(), "aria-controls": "tab-panel", "aria-selected": "false", tabindex: -1 }, name);
    b.addEventListener("click", () => select(i));
    b.addEventListener("keydown", ev => {
      if (ev.key === "ArrowRight") { select((i + 1) % tabs.length); buttons[(i + 1) % tabs.length].focus(); }
      if (ev.key === "ArrowLeft") { select((i + tabs.length - 1) % tabs.length); buttons[(i + tabs.length - 1) % tabs.length].focus(); }
    });
    return b;
  });
  async function select(i) {
    buttons.forEach((b, j) => { b.setAttribute("aria-selected", String(i === j)); b.tabIndex = i === j ? 0 : -1; });
    panel.setAttribute("aria-labelledby", buttons[i].id);
    panel.replaceChildren(el("p", { class: "muted" }, "Loading…"));
    try { panel.replaceChildren(await tabs[i][1]()); } catch (e) { panel.replaceChildren(errorBox(e)); }
  }
  bar.append(...buttons);
  select(0);
  return el("div", { class: "card" }, bar, panel);
}

function screenshot(base, a) {
  const info = el("p", { class: "muted" }, `${a.contentType} · ${fmtBytes(a.bytes)} · ${a.width}×${a.height} px · `,
    el("a", { href: base + "/screenshot", download: "" }, "download original"));
  if (!a.width || !a.height || a.contentType !== "image/png") {
    return el("div", {}, info, el("p", {}, "Previews are made from PNG screenshots; download this one to view it."));
  }
  const box = el("div", { class: "preview", id: "preview", tabindex: 0, role: "region", "aria-label": "Screenshot preview, scrollable" });
  const zoom = el("button", { type: "button", class: "secondary", "aria-pressed": "false" }, "Zoom to 100%");
  const draw = full => {
    const w = full ? a.width : Math.min(a.width, 640);
    box.classList.toggle("zoomed", full);
    box.replaceChildren(...Array.from({ length: Math.ceil(a.height / TILE) }, (_, n) => {
      const rows = Math.min(TILE, a.height - n * TILE);
      return el("img", { src: `${base}/preview/${n}?width=${w}`, width: w, height: Math.max(1, Math.round(rows * w / a.width)),
        alt: n === 0 ? "Screenshot of the page" : "", loading: n < 2 ? "eager" : "lazy" });
    }));
  };
  zoom.addEventListener("click", () => {
    const full = zoom.getAttribute("aria-pressed") !== "true";
    zoom.setAttribute("aria-pressed", String(full));
    zoom.textContent = full ? "Fit to width" : "Zoom to 100%";
    draw(full);
  });
  draw(false);
  return el("div", {}, info, zoom, box);
}

async function artifactText(a, limit = 300000) {
  const res = await api(a.url, { headers: { Range: `bytes=0-${limit - 1}` } });
  const t = await res.text();
  return a.bytes > limit ? t + "\n… (truncated; download the whole file)" : t;
}

async function markdown(a) {
  const src = await artifactText(a);
  const rendered = el("div", { class: "markdown", id: "md-rendered" }, markdownToDom(src));
  const raw = el("pre", { id: "md-raw", hidden: true }, src);
  const toggle = el("button", { type: "button", class: "secondary", "aria-pressed": "false" }, "Show raw Markdown");
  toggle.addEventListener("click", () => {
    const showRaw = raw.hidden;
    raw.hidden = !showRaw; rendered.hidden = showRaw;
    toggle.setAttribute("aria-pressed", String(showRaw));
    toggle.textContent = showRaw ? "Show rendered" : "Show raw Markdown";
  });
  return el("div", {}, toggle, rendered, raw);
}

async function text(a) {
  return el("div", {}, el("p", { class: "muted" }, `${fmtBytes(a.bytes)} · `, el("a", { href: a.url, download: "" }, "download")),
    el("pre", {}, await artifactText(a)));
}

function links(list) {
  if (!list.length) return el("p", { class: "muted" }, "No links on this page.");
  return el("div", { class: "table-wrap" }, el("table", {},
    el("caption", { class: "visually-hidden" }, "Links found on the page"),
    el("thead", {}, el("tr", {}, ["Text", "URL"].map(h => el("th", { scope: "col" }, h)))),
    el("tbody", {}, list.slice(0, 2000).map(l => el("tr", {}, el("td", {}, l.text || ""), el("td", {}, l.url || ""))))));
}

function metadata(m) {
  const rows = Object.entries(m).filter(([, v]) => v !== null && v !== "" && !(Array.isArray(v) && !v.length));
  return el("dl", { class: "stats" }, rows.map(([k, v]) => el("div", {}, el("dt", {}, k),
    el("dd", {}, typeof v === "object" ? JSON.stringify(v) : String(v)))));
}

function report(r) {
  if (!r) return el("p", { class: "muted" }, "No report.");
  const t = r.timings || {};
  const list = (title, items, fmt) => el("section", {}, el("h3", {}, `${title} (${items.length})`),
    items.length ? el("ul", {}, items.slice(0, 200).map(i => el("li", {}, fmt(i)))) : el("p", { class: "muted" }, "none"));
  return el("div", {},
    el("dl", { class: "stats" },
      [["HTTP status", r.httpStatus], ["Final URL", r.finalUrl], ["Page height", `${r.pageHeight} px${r.heightCapped ? " (capped)" : ""}`],
        ["Tiles", r.tiles], ["Bytes written", fmtBytes(r.bytesWritten || 0)]]
        .concat(Object.entries(t).map(([k, v]) => [`${k}`, typeof v === "number" ? `${v} ms` : String(v)]))
        .map(([k, v]) => el("div", {}, el("dt", {}, k), el("dd", {}, String(v ?? "–"))))),
    list("Blocked requests", r.blockedRequests || [], b => `${b.url || ""} ${b.reason ? "— " + b.reason : ""}`),
    list("Failed requests", r.failedRequests || [], String),
    list("Console errors", r.consoleErrors || [], String),
    r.redirectChain?.length ? list("Redirects", r.redirectChain, String) : null);
}

function downloads(artifacts) {
  return el("ul", {}, artifacts.filter(a => a.url).map(a => el("li", {},
    el("a", { href: a.url, download: "" }, a.format), ` · ${a.contentType} · ${fmtBytes(a.bytes)}`)));
}

/** The brand profile (analysis option brand): palette with evidence, fonts and whether they loaded, logo, CTAs. */
function brand(b) {
  const colors = Object.entries(b.colors || {}).filter(([, c]) => c && c.hex);
  const swatch = hex => { const s = el("span", { class: "swatch", "aria-hidden": "true" }); s.style.background = hex; return s; };
  const logo = b.images?.logo;
  return el("div", { id: "brand" },
    el("h3", {}, "Palette"),
    colors.length ? el("ul", { class: "palette" }, colors.map(([role, c]) => el("li", {}, swatch(c.hex),
      el("strong", {}, `${role} ${c.hex}`), ` · ${(c.areaShare * 100).toFixed(1)} % of the area`,
      c.evidence?.length ? el("span", { class: "muted" }, " · " + c.evidence.join("; ")) : ""))) : el("p", { class: "muted" }, "No colours found."),
    el("h3", {}, "Fonts"),
    b.fonts.length ? el("ul", {}, b.fonts.map(f => el("li", {}, el("strong", {}, f.family), ` · ${(f.roles || []).join(", ")} · `,
      el("span", { class: f.loaded === false ? "error" : "" }, f.status || (f.loaded ? "loaded" : "system")),
      f.fallback ? ` · fallback ${f.fallback}` : ""))) : el("p", { class: "muted" }, "No fonts found."),
    el("h3", {}, "Logo"),
    // shown as facts, never loaded: the dashboard requests nothing from the captured site
    logo ? el("p", {}, `${logo.kind || "image"} ${logo.width}×${logo.height}${logo.alt ? ` “${logo.alt}”` : ""} · `, logo.url ? el("code", {}, logo.url) : "inline SVG",
      logo.foundBy?.length ? el("span", { class: "muted" }, " · found by " + logo.foundBy.join(", ")) : "") : el("p", { class: "muted" }, "No logo found."),
    el("h3", {}, "Calls to action"),
    b.ctas.length ? el("ul", {}, b.ctas.map(c => el("li", {}, c.background ? swatch(c.background) : "", el("strong", {}, c.text || "(no text)"),
      c.href ? ` → ${c.href}` : "", c.role ? ` · ${c.role}` : ""))) : el("p", { class: "muted" }, "No calls to action found."));
}
