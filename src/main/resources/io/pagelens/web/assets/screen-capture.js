// The capture form: the main options of POST /v1/captures. Feature options that other parts add to the API
// (clean capture, ...) appear by themselves: their boolean options are read from the served OpenAPI schema.
import { api, getJson, el, errorBox, setBusy } from "./ui.js";

const DEVICES = { desktop: [1280, 800], laptop: [1440, 900], tablet: [768, 1024], phone: [390, 844] };
const FORMATS = ["screenshot", "markdown", "html", "links", "metadata", "text", "pdf"];
const KNOWN = new Set(["url", "fullPage", "format", "viewport", "waitUntil", "waitFor", "delay", "autoScroll", "formats",
  "projectId", "pageType", "darkMode", "onlyMainContent", "blockResources", "pdf", "clip", "markdown"]);

export async function render(main, _, params) {
  const field = (id, label, input) => [el("label", { for: id }, label), input];
  const url = el("input", { id: "c-url", type: "url", required: true, placeholder: "https://example.com" });
  const project = el("input", { id: "c-project", type: "text", value: params.get("project") || "", placeholder: "default" });
  const pageType = el("input", { id: "c-type", type: "text", placeholder: "page" });
  const device = el("select", { id: "c-device" }, Object.entries(DEVICES).map(([k, [w, h]]) => el("option", { value: k }, `${k} (${w}×${h})`)));
  const fullPage = el("input", { id: "c-full", type: "checkbox", checked: true });
  const image = el("select", { id: "c-image" }, ["png", "jpeg", "webp"].map(f => el("option", { value: f }, f)));
  const waitUntil = el("select", { id: "c-wait" }, ["load", "domcontentloaded", "networkidle"].map(f => el("option", { value: f }, f)));
  const waitFor = el("input", { id: "c-waitfor", type: "text", placeholder: "CSS selector, e.g. main" });
  const delay = el("input", { id: "c-delay", type: "number", min: 0, max: 30000, step: 100, value: 0 });
  const checks = (legend, items) => el("fieldset", {}, el("legend", {}, legend), items.map(([name, label, on]) =>
    el("label", {}, el("input", { type: "checkbox", name, checked: on }), label)));
  const formats = checks("Outputs", FORMATS.map(f => [f, f, ["screenshot", "markdown", "links", "metadata"].includes(f)]));
  const options = checks("Page", [["autoScroll", "scroll first (lazy images)", false], ["darkMode", "dark mode", false],
    ["onlyMainContent", "main content only (Markdown)", false], ["blockMedia", "block images and media", false]]);
  const features = el("div", {});
  const go = el("button", { type: "submit" }, "Capture");
  const status = el("div", { "aria-live": "polite" });
  const form = el("form", { class: "card", "aria-labelledby": "cap-h" },
    el("h2", { id: "cap-h" }, "Capture a page"),
    field("c-url", "URL", url),
    el("div", { class: "row" }, el("div", {}, field("c-project", "Project", project)), el("div", {}, field("c-type", "Page type", pageType))),
    el("div", { class: "row" }, el("div", {}, field("c-device", "Viewport", device)), el("div", {}, field("c-image", "Image format", image))),
    el("label", {}, fullPage, " full page"),
    formats, options,
    el("div", { class: "row" }, el("div", {}, field("c-wait", "Wait until", waitUntil)), el("div", {}, field("c-delay", "Extra delay (ms)", delay))),
    field("c-waitfor", "Wait for selector", waitFor),
    features, go, status);
  main.append(el("h1", {}, "Capture"), form);
  addFeatureOptions(features);

  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    status.replaceChildren(el("p", { class: "muted" }, "Capturing… (the browser renders the page; this can take a few seconds)"));
    setBusy(go, true);
    const on = name => form.querySelector(`input[name="${name}"]`)?.checked;
    const [w, h] = DEVICES[device.value];
    const body = {
      url: url.value.trim(), fullPage: fullPage.checked, format: image.value, viewport: { width: w, height: h },
      formats: FORMATS.filter(on), waitUntil: waitUntil.value, autoScroll: on("autoScroll"), darkMode: on("darkMode"),
      onlyMainContent: on("onlyMainContent"),
    };
    if (on("blockMedia")) body.blockResources = ["image", "media"];
    if (+delay.value > 0) body.delay = +delay.value;
    if (waitFor.value.trim()) body.waitFor = waitFor.value.trim();
    if (project.value.trim()) body.projectId = project.value.trim();
    if (pageType.value.trim()) body.pageType = pageType.value.trim();
    for (const box of features.querySelectorAll("input[data-group]")) {
      body[box.dataset.group] = body[box.dataset.group] || {};
      body[box.dataset.group][box.name] = box.checked;
    }
    try {
      const c = await (await api("/v1/captures", { method: "POST", json: body })).json();
      location.hash = "#/captures/" + encodeURIComponent(c.id);
    } catch (e) {
      status.replaceChildren(errorBox(e));
    } finally {
      setBusy(go, false);
    }
  });
}

/** Switches the dashboard turns on for people (the API's default stays off): a screenshot without the cookie banner. */
const ON_BY_DEFAULT = new Set(["clean.blockCookieBanners"]);

/** Option groups (objects of booleans) that features add to CaptureRequest, e.g. clean-capture switches. */
async function addFeatureOptions(box) {
  try {
    const doc = await getJson("/openapi.json");
    const props = doc.components?.schemas?.CaptureRequest?.properties || {};
    for (const [group, schema] of Object.entries(props)) {
      if (KNOWN.has(group)) continue;
      const target = schema.$ref ? doc.components.schemas[schema.$ref.split("/").pop()] : schema;
      const bools = Object.entries(target?.properties || {}).filter(([, s]) => s.type === "boolean");
      if (target?.type !== "object" || !bools.length) continue;
      box.append(el("fieldset", {}, el("legend", {}, group),
        bools.map(([name, s]) => el("label", { title: s.description || "" }, el("input", { type: "checkbox", name, "data-group": group, checked: ON_BY_DEFAULT.has(group + "." + name) }), name))));
    }
  } catch (_) { /* the form works without them */ }
}
