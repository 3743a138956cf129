// Shared helpers of the dashboard screens: the API client (session cookie + CSRF token), safe DOM building
// (text is always text, never parsed as HTML) and readable error messages.
const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";

export class ApiError extends Error {
  constructor(status, message, field) { super(message); this.status = status; this.field = field; }
}

/** fetch() on the API: writes carry the CSRF token; errors become ApiError with the server's message. */
export async function api(path, opts = {}) {
  const o = Object.assign({ credentials: "same-origin" }, opts);
  o.headers = Object.assign({}, opts.headers || {});
  if (o.method && o.method !== "GET") o.headers["X-CSRF-Token"] = csrf;
  if (opts.json !== undefined) { o.body = JSON.stringify(opts.json); o.headers["Content-Type"] = "application/json"; delete o.json; }
  let res;
  try { res = await fetch(path, o); }
  catch (e) { throw new ApiError(0, "pagelens did not answer; is the server running?"); }
  if (!res.ok) {
    let msg = `The server answered ${res.status} ${res.statusText}.`, field = null;
    try { const b = await res.json(); if (b.message) msg = b.message; field = b.field || null; } catch (_) { /* not JSON */ }
    if (res.status === 401) msg += " Open the start page to sign in again.";
    throw new ApiError(res.status, msg, field);
  }
  return res;
}

export const getJson = async (path, opts) => (await api(path, opts)).json();

/** el("a", {href: "#/x", class: "y", onclick: f}, "text", child, ...): attributes are set, strings become text nodes. */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

/** A readable message for an error, naming the field the server pointed at. */
export function errorBox(e) {
  const field = e.field ? ` (field: ${e.field})` : "";
  return el("p", { class: "error", role: "alert" }, (e.message || String(e)) + field);
}

export function setBusy(button, busy, label) {
  button.disabled = busy;
  if (label) button.textContent = label;
}

export const fmtTime = iso => iso ? new Date(iso).toLocaleString() : "–";
export const fmtBytes = n => n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;

/** Whether the running server documents a route whose path starts with prefix (features that land later). */
let openApi = null;
export async function hasRoute(prefix) {
  if (!openApi) openApi = getJson("/openapi.json").catch(() => ({ paths: {} }));
  const doc = await openApi;
  return Object.keys(doc.paths || {}).filter(p => p.startsWith(prefix));
}

/** A screen for a feature whose API is not on this server yet: what it will show and where its API is documented. */
export async function comingScreen(main, { title, what, prefix, issue }) {
  main.append(el("h1", {}, title));
  const routes = await hasRoute(prefix);
  const box = el("div", { class: "notice" },
    el("p", {}, what),
    routes.length
      ? el("p", {}, "This server already has the API: ", routes.map(r => el("code", {}, r + " ")), "; see the ", el("a", { href: "/docs" }, "API reference"), ".")
      : el("p", { class: "muted" }, `This server has no ${prefix} API yet (${issue}). The screen fills in when it does; nothing here is made up.`));
  main.append(box);
}
