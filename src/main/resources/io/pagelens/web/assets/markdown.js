// A small Markdown renderer for the capture view: builds DOM nodes (text stays text; no HTML from the page is ever
// parsed) for headings, paragraphs, lists, quotes, fenced code, rules, tables, emphasis, code, links. Images become
// links, so viewing a capture never loads anything from the captured site.
import { el } from "./ui.js";

const SAFE_URL = /^(https?:|mailto:|#|\/)/i;

export function markdownToDom(src) {
  const out = document.createDocumentFragment();
  const lines = src.replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) { i++; continue; }
    let m;
    if ((m = line.match(/^(```|~~~)\s*(\S*)/))) {
      const fence = m[1], code = [];
      for (i++; i < lines.length && !lines[i].startsWith(fence); i++) code.push(lines[i]);
      i++;
      out.append(el("pre", {}, el("code", {}, code.join("\n"))));
    } else if ((m = line.match(/^(#{1,6})\s+(.*?)\s*#*\s*$/))) {
      // captured headings sit under the screen's own h1, so levels start at h2
      out.append(el("h" + Math.min(6, m[1].length + 1), {}, inline(m[2])));
      i++;
    } else if (i + 1 < lines.length && /^(=+|-+)\s*$/.test(lines[i + 1]) && !/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      // setext heading: a line underlined with === (level 1) or --- (level 2)
      out.append(el(lines[i + 1].startsWith("=") ? "h2" : "h3", {}, inline(line.trim())));
      i += 2;
    } else if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.append(el("hr", {}));
      i++;
    } else if (/^\s*>/.test(line)) {
      const q = [];
      for (; i < lines.length && /^\s*>/.test(lines[i]); i++) q.push(lines[i].replace(/^\s*>\s?/, ""));
      out.append(el("blockquote", {}, markdownToDom(q.join("\n"))));
    } else if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const list = el(ordered ? "ol" : "ul", {});
      for (; i < lines.length && /^\s*([-*+]|\d+[.)])\s+/.test(lines[i]); i++) {
        list.append(el("li", {}, inline(lines[i].replace(/^\s*([-*+]|\d+[.)])\s+/, ""))));
      }
      out.append(list);
    } else if (/^\s*\|/.test(line) && i + 1 < lines.length && /^\s*\|?\s*:?-{2,}/.test(lines[i + 1])) {
      const cells = l => l.trim().replace(/^\||\|$/g, "").split("|").map(c => c.trim());
      const head = cells(line);
      const rows = [];
      for (i += 2; i < lines.length && /^\s*\|/.test(lines[i]); i++) rows.push(cells(lines[i]));
      out.append(el("div", { class: "table-wrap" }, el("table", {},
        el("thead", {}, el("tr", {}, head.map(h => el("th", { scope: "col" }, inline(h))))),
        el("tbody", {}, rows.map(r => el("tr", {}, r.map(c => el("td", {}, inline(c)))))))));
    } else {
      const para = [];
      for (; i < lines.length && lines[i].trim() && !/^(#{1,6}\s|```|~~~|\s*>|\s*([-*+]|\d+[.)])\s+)/.test(lines[i]); i++) para.push(lines[i].trim());
      if (!para.length) { para.push(lines[i].trim()); i++; }
      out.append(el("p", {}, inline(para.join(" "))));
    }
  }
  return out;
}

/** Inline spans: `code`, **strong**, *em* / _em_, [text](url), ![alt](src) (as a link). */
function inline(text) {
  const nodes = [];
  const re = /`([^`]+)`|!\[([^\]]*)\]\(([^)\s]+)[^)]*\)|\[([^\]]+)\]\(([^)\s]+)[^)]*\)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*]+)\*|_([^_]+)_/g;
  let last = 0, m;
  while ((m = re.exec(text))) {
    if (m.index > last) nodes.push(text.slice(last, m.index));
    if (m[1] !== undefined) nodes.push(el("code", {}, m[1]));
    else if (m[3] !== undefined) nodes.push(link(m[3], "image: " + (m[2] || m[3])));
    else if (m[5] !== undefined) nodes.push(link(m[5], inline(m[4])));
    else if (m[6] !== undefined || m[7] !== undefined) nodes.push(el("strong", {}, inline(m[6] ?? m[7])));
    else nodes.push(el("em", {}, inline(m[8] ?? m[9])));
    last = re.lastIndex;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

function link(href, children) {
  return SAFE_URL.test(href) ? el("a", { href, rel: "noopener noreferrer nofollow" }, children) : el("span", {}, children);
}
