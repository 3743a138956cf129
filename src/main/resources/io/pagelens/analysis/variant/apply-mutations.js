// pagelens variant mutations, applied after load and before any output. Called as
// (mutations, timeoutMs) => Promise<[{index, selector, action, matched, boxes?, error?}]>, the mutations as validated
// by Mutations.java. Each mutation runs on every element its selector matches at that moment, in list order.
// boxes: page-coordinate rectangles {x, y, width, height} (CSS px) of the first 20 matched elements, measured before
// the mutation acts (a removed element still shows where it was), so a selector picker can draw them on the shot.
// HTML values lose <script> elements, on* attributes and javascript: URLs; images the mutations add or re-point
// are awaited (decoded) before the promise settles, so the shot that follows shows them.
async (mutations, timeoutMs) => {
  const clean = html => {
    const t = document.createElement('template');
    t.innerHTML = html;
    for (const s of t.content.querySelectorAll('script')) s.remove();
    for (const el of t.content.querySelectorAll('*')) {
      for (const a of [...el.attributes]) {
        const js = /^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*javascript:/i.test(a.value);
        if (/^on/i.test(a.name) || js) el.removeAttribute(a.name);
      }
    }
    return t.content;
  };
  const declarations = css => {
    const probe = document.createElement('div');
    probe.style.cssText = css;
    return [...probe.style].map(p => [p, probe.style.getPropertyValue(p)]);
  };
  const images = new Set();
  const watch = node => {
    if (node instanceof HTMLImageElement) images.add(node);
    if (node.querySelectorAll) for (const i of node.querySelectorAll('img')) images.add(i);
  };
  const results = mutations.map((m, index) => {
    const r = { index, selector: m.selector ?? null, action: m.action, matched: 0 };
    if (m.action === 'injectCss') {
      const s = document.createElement('style');
      s.setAttribute('data-pagelens-variant', String(index));
      s.textContent = m.value;
      (document.head || document.documentElement).appendChild(s);
      r.matched = 1;
      return r;
    }
    let els;
    try {
      els = [...document.querySelectorAll(m.selector)];
    } catch (e) {
      r.error = 'invalid selector: ' + e.message;
      return r;
    }
    r.matched = els.length;
    r.boxes = els.slice(0, 20).map(el => {
      const b = el.getBoundingClientRect();
      const px = v => Math.round(v * 100) / 100;
      return { x: px(b.left + window.scrollX), y: px(b.top + window.scrollY), width: px(b.width), height: px(b.height) };
    });
    const decl = m.action === 'setStyle' ? declarations(m.value) : null;
    if (decl && decl.length === 0) r.error = 'setStyle: no valid CSS declaration in the value';
    const classes = (m.value || '').split(/\s+/).filter(Boolean);
    for (const el of els) {
      switch (m.action) {
        case 'setText': el.textContent = m.value; break;
        case 'setHtml': el.replaceChildren(clean(m.value)); watch(el); break;
        case 'setAttribute': el.setAttribute(m.attribute, m.value); watch(el); break;
        case 'addClass': el.classList.add(...classes); break;
        case 'removeClass': el.classList.remove(...classes); break;
        case 'setStyle': for (const [p, v] of decl) el.style.setProperty(p, v, 'important'); break;
        case 'hide': el.style.setProperty('visibility', 'hidden', 'important'); break;
        case 'remove': el.remove(); break;
        case 'insertBefore': { const f = clean(m.value); [...f.childNodes].forEach(watch); el.before(f); break; }
        case 'insertAfter': { const f = clean(m.value); [...f.childNodes].forEach(watch); el.after(f); break; }
      }
    }
    return r;
  });
  const settle = Promise.all([...images].map(i => i.decode().catch(() => null)).concat(
    document.fonts ? [document.fonts.ready] : []));
  await Promise.race([settle, new Promise(resolve => setTimeout(resolve, timeoutMs))]);
  return results;
}
