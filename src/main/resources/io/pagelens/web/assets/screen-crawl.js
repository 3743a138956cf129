// One crawl, live over Server-Sent Events: counts (found, done, failed, skipped by reason), a gallery of page
// thumbnails by page type that grows as pages are stored, and cancel. A crawl whose process died resumes by itself
// when a worker takes it up again; its state says so.
import { api, getJson, el, errorBox, fmtTime } from "./ui.js";

const FINAL = new Set(["completed", "failed", "cancelled"]);

export async function render(main, [id]) {
  const base = "/v1/crawls/" + encodeURIComponent(id);
  const head = el("h1", {}, "Crawl");
  const state = el("p", { id: "crawl-state", "aria-live": "polite" });
  const counts = el("dl", { class: "stats", id: "crawl-counts" });
  const skipped = el("p", { class: "muted", id: "crawl-skipped" });
  const cancel = el("button", { type: "button", class: "secondary" }, "Cancel crawl");
  const resume = el("button", { type: "button", class: "secondary", hidden: true }, "Resume crawl");
  const error = el("div", {});
  const gallery = el("div", { id: "crawl-gallery" });
  const seen = new Set();
  main.append(head, el("div", { class: "card" }, state, counts, skipped, cancel, resume, error), el("h2", {}, "Pages"), gallery);

  const show = c => {
    head.textContent = "Crawl of " + c.url;
    state.replaceChildren("State ", el("strong", {}, c.state), c.reason ? ` (${c.reason})` : "", c.error ? ` · ${c.error}` : "",
      ` · started ${fmtTime(c.startedAt || c.createdAt)}`, c.finishedAt ? ` · finished ${fmtTime(c.finishedAt)}` : "",
      c.projectId ? el("span", {}, " · ", el("a", { href: "#/projects/" + encodeURIComponent(c.projectId) }, "project")) : "");
    const n = c.counts || {};
    counts.replaceChildren(...["found", "queued", "inFlight", "done", "failed", "skipped"].map(k =>
      el("div", {}, el("dt", {}, k), el("dd", { "data-count": k }, String(n[k] ?? 0)))));
    const by = Object.entries(n.skippedBy || {});
    skipped.textContent = by.length ? "Skipped by reason: " + by.map(([k, v]) => `${k} ${v}`).join(", ") : "";
    cancel.hidden = FINAL.has(c.state) || c.cancelRequested;
    resume.hidden = !(c.state === "cancelled" || c.state === "failed");
  };
  const addPage = p => {
    if (!p.captureId || seen.has(p.captureId)) return;
    seen.add(p.captureId);
    const type = p.pageType || "page";
    const sid = "crawl-type-" + type.replace(/[^a-z0-9]+/gi, "-");
    let grid = gallery.querySelector(`#${sid} .gallery`);
    if (!grid) {
      grid = el("div", { class: "gallery" });
      gallery.append(el("section", { id: sid, "aria-labelledby": sid + "-h" }, el("h3", { id: sid + "-h" }, type), grid));
    }
    grid.append(el("div", { class: "thumb" }, el("a", { href: "#/captures/" + encodeURIComponent(p.captureId) },
      el("img", { src: `/v1/captures/${encodeURIComponent(p.captureId)}/thumbnail`, alt: "", width: 320, height: 240, loading: "lazy" }),
      el("span", {}, p.finalUrl || p.url))));
  };
  cancel.addEventListener("click", async () => {
    cancel.disabled = true;
    try { show(await (await api(base + "/cancel", { method: "POST" })).json()); }
    catch (e) { error.replaceChildren(errorBox(e)); }
    finally { cancel.disabled = false; }
  });
  resume.addEventListener("click", async () => {
    resume.disabled = true;
    // the stream closed at the crawl's end: render the screen again to follow the resumed crawl
    try { await api(base + "/resume", { method: "POST" }); window.dispatchEvent(new HashChangeEvent("hashchange")); }
    catch (e) { error.replaceChildren(errorBox(e)); }
    finally { resume.disabled = false; }
  });

  try {
    show(await getJson(base));
    const pages = await getJson(base + "/pages?limit=500");
    pages.items.forEach(addPage);
  } catch (e) {
    error.replaceChildren(errorBox(e));
    return;
  }
  const events = new EventSource(base + "/events");
  const onCrawl = ev => { try { show(JSON.parse(ev.data)); } catch (_) { /* a malformed event is skipped */ } };
  events.addEventListener("progress", onCrawl);
  events.addEventListener("page", ev => { try { addPage(JSON.parse(ev.data)); } catch (_) { /* skipped */ } });
  for (const end of FINAL) events.addEventListener(end, ev => { onCrawl(ev); events.close(); });
  events.onerror = () => { if (events.readyState === EventSource.CLOSED) return; };
  return () => events.close();
}
