// Variants of a project's pages: list, create with a small mutation editor (selector, action, value), and capture
// control and variant side by side, and a selector picker that draws a selector's matches on the page's screenshot.
// The visual diff and the brand profile appear when the server has their API.
import { api, getJson, el, errorBox, setBusy, hasRoute, comingScreen } from "./ui.js";
import { diffView } from "./screen-history.js";

const ACTIONS = ["setText", "setHtml", "setAttribute", "addClass", "removeClass", "setStyle", "hide", "remove", "insertBefore", "insertAfter", "injectCss"];

export async function render(main, _, params) {
  if (!(await hasRoute("/v1/projects/{id}/variants")).length) {
    return comingScreen(main, { title: "Variants", prefix: "/v1/projects/{id}/variants", issue: "variants API, issue 13",
      what: "List and create variants of a page with a mutation editor, and see control and variant side by side." });
  }
  const projects = (await getJson("/v1/projects?limit=200")).items;
  main.append(el("h1", {}, "Variants"));
  if (!projects.length) { main.append(el("p", {}, "Create a ", el("a", { href: "#/projects" }, "project"), " first.")); return; }
  const chosen = projects.find(p => p.id === params.get("project") || p.name === params.get("project")) || projects[0];
  const picker = el("select", { id: "v-project" }, projects.map(p => el("option", { value: p.id, selected: p.id === chosen.id }, p.name)));
  picker.addEventListener("change", () => { location.hash = "#/variants?project=" + encodeURIComponent(picker.value); });
  const listBox = el("div", { class: "card" });
  main.append(el("div", { class: "card" }, el("label", { for: "v-project" }, "Project"), picker),
    el("div", { class: "grid" }, editor(chosen), listBox), selectorPicker(chosen));
  main.append(el("p", { class: "notice" }, "A page's brand profile (palette, fonts, logo, CTAs) is on its capture's Brand tab: tick ",
    el("code", {}, "analysis: brand"), " in the ", el("a", { href: "#/capture" }, "capture form"), "."));
  await list(chosen, listBox);
}

function editor(project) {
  const name = el("input", { id: "v-name", type: "text", required: true, maxlength: 100 });
  const description = el("input", { id: "v-desc", type: "text" });
  const rows = el("div", { id: "v-mutations" });
  const addRow = () => {
    const n = rows.children.length + 1;
    const action = el("select", { "aria-label": `Action ${n}`, name: "action" }, ACTIONS.map(a => el("option", { value: a }, a)));
    const row = el("fieldset", {}, el("legend", {}, `Mutation ${n}`),
      el("div", { class: "row" },
        el("input", { type: "text", name: "selector", "aria-label": `Selector ${n}`, placeholder: "CSS selector, e.g. h1" }), action,
        el("input", { type: "text", name: "value", "aria-label": `Value ${n}`, placeholder: "value (text, HTML, class, CSS…)" })));
    rows.append(row);
  };
  addRow();
  const more = el("button", { type: "button", class: "secondary" }, "Add mutation");
  more.addEventListener("click", addRow);
  const go = el("button", { type: "submit" }, "Create variant");
  const status = el("div", { "aria-live": "polite" });
  const form = el("form", { class: "card", "aria-labelledby": "v-new-h" }, el("h2", { id: "v-new-h" }, "New variant"),
    el("label", { for: "v-name" }, "Name"), name, el("label", { for: "v-desc" }, "Description"), description, rows, more, " ", go, status);
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    status.replaceChildren();
    setBusy(go, true);
    const mutations = [...rows.children].map(r => {
      const m = { action: r.querySelector("[name=action]").value };
      const sel = r.querySelector("[name=selector]").value.trim(), val = r.querySelector("[name=value]").value;
      if (sel) m.selector = sel;
      if (val) m.value = val;
      return m;
    }).filter(m => m.selector || m.value);
    try {
      await api(`/v1/projects/${encodeURIComponent(project.id)}/variants`, { method: "POST",
        json: { name: name.value.trim(), description: description.value.trim() || undefined, mutations } });
      const target = "#/variants?project=" + encodeURIComponent(project.id);
      if (location.hash === target) window.dispatchEvent(new HashChangeEvent("hashchange")); else location.hash = target;
    } catch (e) {
      status.append(errorBox(e));
    } finally {
      setBusy(go, false);
    }
  });
  return form;
}

const PROBE_CLASS = "pagelens-probe";

/**
 * Selector picker: captures the project's site with a draft variant whose only mutation adds a class nobody styles
 * (so the shot is the page as is), reads the matches' page boxes from the report (steps.mutations[0].boxes, the
 * first 20, CSS px) and draws them over the first preview tile; the draft variant is deleted again.
 */
function selectorPicker(project) {
  const selector = el("input", { id: "v-pick-sel", type: "text", placeholder: "CSS selector, e.g. .cta" });
  const go = el("button", { type: "submit" }, "Show matches");
  const status = el("div", { id: "v-pick-status", "aria-live": "polite" });
  const shot = el("div", { id: "v-pick-shot" });
  const form = el("form", { class: "card", "aria-labelledby": "v-pick-h" }, el("h2", { id: "v-pick-h" }, "Selector picker"),
    el("label", { for: "v-pick-sel" }, "Selector"), el("div", { class: "row" }, selector, go), status, shot);
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    status.replaceChildren();
    shot.replaceChildren();
    const sel = selector.value.trim();
    if (!sel) { status.append(errorBox(new Error("Type a CSS selector first."))); return; }
    if (!project.siteUrl) { status.append(errorBox(new Error("Give the project a site URL first: the picker captures it."))); return; }
    setBusy(go, true);
    status.append(el("p", { class: "muted" }, "Capturing the page…"));
    const base = `/v1/projects/${encodeURIComponent(project.id)}/variants`;
    let draft;
    try {
      draft = await api(base, { method: "POST", json: { name: `selector-probe-${Date.now()}`, description: "selector picker draft",
        mutations: [{ selector: sel, action: "addClass", value: PROBE_CLASS }] } }).then(r => r.json());
      const c = await api("/v1/captures", { method: "POST", json: { url: project.siteUrl, projectId: project.id, pageType: "selector-probe",
        variantId: draft.id, fullPage: true, formats: ["screenshot"] } }).then(r => r.json());
      const m = c.report?.steps?.mutations?.[0] || { matched: 0, boxes: [] };
      status.replaceChildren(matchText(sel, m));
      const png = (c.artifacts || []).find(a => a.format === "screenshot" && a.contentType === "image/png");
      if (png) shot.append(overlay(c.id, png, m.boxes || [], sel));
    } catch (e) {
      status.replaceChildren(errorBox(e));
    } finally {
      if (draft) await api(`${base}/${encodeURIComponent(draft.id)}`, { method: "DELETE" }).catch(() => null);
      setBusy(go, false);
    }
  });
  return form;
}

function matchText(sel, m) {
  if (m.error) return errorBox(new Error(m.error));
  const n = m.matched || 0;
  const drawn = (m.boxes || []).length;
  return el("p", { id: "v-pick-count", "data-matched": n },
    n === 0 ? `No element matches ${sel} on this page.` : `${n} element${n === 1 ? "" : "s"} match ${sel}`
      + (drawn < n ? ` (the first ${drawn} are outlined).` : "."));
}

/** The first preview tile (2048 source rows, 640 px wide) with one outlined box per match inside it. */
function overlay(captureId, png, boxes, sel) {
  const rows = Math.min(2048, png.height);
  const pct = (v, of) => `${(100 * v / of).toFixed(3)}%`;
  const marks = boxes.filter(b => b.y < rows).map(b => {
    const m = el("div", { class: "pick-box" }); // positioned through the CSSOM: the CSP forbids style attributes
    Object.assign(m.style, { left: pct(b.x, png.width), top: pct(b.y, rows), width: pct(Math.max(b.width, 2), png.width),
      height: pct(Math.max(b.height, 2), rows) });
    return m;
  });
  const below = boxes.length - marks.length;
  return el("figure", { class: "pick" },
    el("div", { class: "pick-frame" },
      el("img", { src: `/v1/captures/${encodeURIComponent(captureId)}/preview/0?width=640`, alt: `Screenshot with the matches of ${sel} outlined`,
        width: 640, height: Math.round(rows * 640 / png.width), class: "chart" }), ...marks),
    below > 0 ? el("figcaption", { class: "muted" }, `${below} more below the first ${rows} px of the page.`) : "");
}

async function list(project, box) {
  box.replaceChildren(el("h2", {}, `Variants of ${project.name}`));
  try {
    const variants = (await getJson(`/v1/projects/${encodeURIComponent(project.id)}/variants?limit=200`)).items;
    if (!variants.length) { box.append(el("p", { class: "muted" }, "No variants yet.")); return; }
    const compare = el("div", { id: "v-compare" });
    box.append(el("ul", { id: "v-list" }, variants.map(v => el("li", {}, el("strong", {}, v.name),
      v.description ? ` — ${v.description}` : "", el("br", {}),
      el("span", { class: "muted" }, v.mutations.map(m => `${m.action} ${m.selector || ""}`.trim()).join("; ")), " ",
      sideBySideButton(project, v, compare)))), compare);
  } catch (e) {
    box.append(errorBox(e));
  }
}

/** Captures the project's site (or a URL asked for) as control and as the variant, and shows both. */
function sideBySideButton(project, v, out) {
  const b = el("button", { type: "button", class: "secondary" }, `Control vs ${v.name}`);
  b.addEventListener("click", async () => {
    const url = project.siteUrl;
    if (!url) { out.replaceChildren(errorBox(new Error("Give the project a site URL first: control and variant are captured from it."))); return; }
    setBusy(b, true);
    out.replaceChildren(el("p", { class: "muted" }, "Capturing control and variant…"));
    try {
      const body = { url, projectId: project.id, pageType: "variant-check", formats: ["screenshot", "markdown"] };
      const [control, variant] = await Promise.all([
        api("/v1/captures", { method: "POST", json: body }).then(r => r.json()),
        api("/v1/captures", { method: "POST", json: Object.assign({ variantId: v.name }, body) }).then(r => r.json())]);
      const diff = (await hasRoute("/v1/captures/{id}/diff")).length
        ? await getJson(`/v1/captures/${encodeURIComponent(control.id)}/diff?against=${encodeURIComponent(variant.id)}`)
          .then(d => diffView(d, variant.id, variant)).catch(errorBox)
        : el("p", { class: "muted" }, "The diff appears once the server has the analysis diff API.");
      out.replaceChildren(el("div", { class: "row", id: "v-side" }, [["Control", control], [v.name, variant]].map(([label, c]) => {
        const shot = (c.artifacts || []).find(a => a.format === "screenshot");
        return el("figure", { class: "card" }, el("figcaption", {}, label, " · ", el("a", { href: "#/captures/" + encodeURIComponent(c.id) }, "open")),
          shot?.contentType === "image/png" ? el("img", { src: `/v1/captures/${encodeURIComponent(c.id)}/preview/0?width=640`, alt: `${label} screenshot`, width: 640,
            height: Math.round(Math.min(2048, shot.height) * 640 / shot.width), class: "chart" }) : el("p", {}, "no screenshot"));
      })), el("h3", {}, "Diff"), el("div", { id: "v-diff" }, diff));
    } catch (e) {
      out.replaceChildren(errorBox(e));
    } finally {
      setBusy(b, false);
    }
  });
  return b;
}
