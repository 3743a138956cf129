// pagelens brand collector: a snapshot of what the page paints, for BrandProfiler (Java) to turn into a profile.
// Called as (limits) => snapshot. Deterministic: no network, no timers; everything is read from the DOM, computed
// styles, the CSSOM and document.fonts. Colours are returned as computed ("rgb(r, g, b)" / "rgba(...)").
(limits) => {
  const vw = innerWidth, vh = innerHeight;
  const regionBottom = Math.min(document.documentElement.scrollHeight, vh * limits.viewports);
  const abs = u => { try { return u ? new URL(u, document.baseURI).href : null; } catch (e) { return null; } };
  const clean = s => (s || '').replace(/\s+/g, ' ').trim();
  const opaque = c => { const m = /rgba?\(([^)]+)\)/.exec(c || ''); if (!m) return false; const p = m[1].split(',').map(Number); return p.length < 4 || p[3] >= 0.5; };
  const rect = el => { const r = el.getBoundingClientRect(); return { x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY), w: Math.round(r.width), h: Math.round(r.height) }; };
  const clipped = r => Math.max(0, Math.min(r.x + r.w, vw) - Math.max(r.x, 0)) * Math.max(0, Math.min(r.y + r.h, regionBottom) - Math.max(r.y, 0));
  const visible = (el, cs) => cs.display !== 'none' && cs.visibility !== 'hidden' && Number(cs.opacity) > 0.05;
  const within = (el, sel) => !!el.closest(sel);
  // a selector that finds this element again (for variant suggestions): ids where there are, else tag:nth-of-type steps
  const cssPath = el => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 12; e = e.parentElement) {
      if (e.id && /^[A-Za-z][\w-]*$/.test(e.id) && document.querySelectorAll('#' + e.id).length === 1) { parts.unshift('#' + e.id); break; }
      if (e === document.body) { parts.unshift('body'); break; }
      let seg = e.tagName.toLowerCase();
      const same = e.parentElement ? [...e.parentElement.children].filter(c => c.tagName === e.tagName) : [];
      if (same.length > 1) seg += ':nth-of-type(' + (same.indexOf(e) + 1) + ')';
      parts.unshift(seg);
    }
    return parts.join(' > ');
  };
  // the colour behind an element: the nearest opaque background of it or an ancestor
  const behind = el => {
    for (let p = el; p; p = p.parentElement) { const b = getComputedStyle(p).backgroundColor; if (opaque(b)) return b; }
    return getComputedStyle(document.documentElement).backgroundColor;
  };
  const firstFamily = f => clean((f || '').split(',')[0]).replace(/^["']|["']$/g, '');

  // --- painted background area: an element's own box minus what opaque descendants cover
  const backgrounds = {};
  const addBg = (colour, area, where) => {
    if (area <= 0) return;
    const b = backgrounds[colour] || (backgrounds[colour] = { area: 0, where: {} });
    b.area += area;
    b.where[where] = (b.where[where] || 0) + area;
  };
  const label = el => {
    if (within(el, 'header, [role=banner]')) return 'header';
    if (within(el, 'footer, [role=contentinfo]')) return 'footer';
    if (within(el, 'nav')) return 'nav';
    if (/^(BUTTON|A|INPUT)$/.test(el.tagName)) return 'button';
    return el === document.body || el === document.documentElement ? 'page' : 'section';
  };
  let visited = 0;
  const paint = el => {
    if (++visited > limits.maxElements) return 0;
    const cs = getComputedStyle(el);
    if (!visible(el, cs)) return 0;
    const r = rect(el);
    const area = el === document.documentElement ? vw * regionBottom : clipped(r);
    let covered = 0;
    for (const c of el.children) covered += paint(c);
    covered = Math.min(covered, area);
    if (opaque(cs.backgroundColor)) { addBg(cs.backgroundColor, area - covered, label(el)); return area; }
    return covered;
  };
  paint(document.documentElement);

  // --- text colours and fonts, weighted by the area of the element's own text
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const byElement = new Map();
  for (let n = walker.nextNode(); n && texts.length < limits.maxElements; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement;
    if (!el || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(el.tagName)) continue;
    range.selectNodeContents(n);
    let a = 0;
    for (const q of range.getClientRects()) a += clipped({ x: q.left + scrollX, y: q.top + scrollY, w: q.width, h: q.height });
    if (a <= 0) continue;
    byElement.set(el, (byElement.get(el) || 0) + a);
  }
  for (const [el, area] of byElement) {
    const cs = getComputedStyle(el);
    if (!visible(el, cs)) continue;
    texts.push({ color: cs.color, area, family: firstFamily(cs.fontFamily), stack: cs.fontFamily, tag: el.tagName.toLowerCase(),
      where: label(el), link: !!el.closest('a[href]'), heading: !!el.closest('h1,h2,h3,h4,h5,h6') });
  }

  // --- CSS custom properties on :root (resolved), and @font-face sources
  const vars = {};
  const rootStyle = getComputedStyle(document.documentElement);
  const faces = [];
  const sheets = [...document.styleSheets];
  const walk = rules => {
    for (const rule of rules) {
      if (rule.style && rule.selectorText && /(^|,)\s*(:root|html|body)\s*(,|$)/.test(rule.selectorText)) {
        for (const p of rule.style) if (p.startsWith('--') && Object.keys(vars).length < 200) vars[p] = clean(rootStyle.getPropertyValue(p) || rule.style.getPropertyValue(p));
      }
      if (rule.constructor.name === 'CSSFontFaceRule') {
        const src = rule.style.getPropertyValue('src');
        const urls = [...src.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map(m => new URL(m[1], rule.parentStyleSheet.href || document.baseURI).href);
        faces.push({ family: firstFamily(rule.style.getPropertyValue('font-family')), weight: rule.style.getPropertyValue('font-weight') || '400', urls });
      }
      if (rule.cssRules) walk(rule.cssRules);
    }
  };
  for (const s of sheets) { try { walk(s.cssRules); } catch (e) { /* cross-origin sheet */ } }
  const fonts = [];
  if (document.fonts) for (const f of document.fonts) fonts.push({ family: firstFamily(f.family), weight: String(f.weight), status: f.status });

  // --- typography of h1, h2 and body
  const typo = el => {
    if (!el) return null;
    const cs = getComputedStyle(el);
    return { fontFamily: cs.fontFamily, fontSize: parseFloat(cs.fontSize), fontWeight: Number(cs.fontWeight) || 400,
      lineHeight: cs.lineHeight, color: cs.color, text: clean(el.textContent).slice(0, 200), rect: rect(el),
      selector: cssPath(el), background: behind(el) };
  };
  const largest = sel => [...document.querySelectorAll(sel)].filter(e => visible(e, getComputedStyle(e)) && rect(e).w > 0)
    .sort((a, b) => (rect(a).y < vh ? 0 : 1) - (rect(b).y < vh ? 0 : 1) || parseFloat(getComputedStyle(b).fontSize) - parseFloat(getComputedStyle(a).fontSize))[0];
  const h1 = largest('h1'), h2 = largest('h2');
  // body text: the font size and line height carrying the most paragraph text
  const bodyTypo = typo(document.body);
  const sizes = new Map();
  for (const e of document.querySelectorAll('p, li, td')) {
    const n = clean(e.textContent).length;
    if (n < 40 || e.closest('h1,h2,h3,nav,footer')) continue;
    const cs = getComputedStyle(e);
    const key = cs.fontSize + '|' + cs.lineHeight;
    sizes.set(key, (sizes.get(key) || 0) + n);
  }
  if (sizes.size) {
    const [size, lh] = [...sizes].sort((a, b) => b[1] - a[1])[0][0].split('|');
    bodyTypo.fontSize = parseFloat(size);
    bodyTypo.lineHeight = lh;
  }

  // --- the text blocks of the first viewports (headline and tagline candidates)
  const blocks = [];
  for (const el of document.querySelectorAll('h1, h2, h3, p, div, span, strong')) {
    if (blocks.length >= 300) break;
    const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(' ');
    const text = clean(el.textContent);
    if (!text || clean(own).length < text.length * 0.6 || text.length > 400) continue;
    const cs = getComputedStyle(el);
    const r = rect(el);
    if (!visible(el, cs) || r.w === 0 || r.y > vh * 1.5) continue;
    blocks.push({ tag: el.tagName.toLowerCase(), text, rect: r, fontSize: parseFloat(cs.fontSize), fontWeight: Number(cs.fontWeight) || 400,
      color: cs.color, upper: cs.textTransform === 'uppercase', where: label(el), inLink: !!el.closest('a,button'),
      selector: cssPath(el), background: behind(el) });
  }

  // --- buttons and links that look like buttons
  const buttons = [];
  for (const el of document.querySelectorAll('a[href], button, input[type=submit], input[type=button], [role=button]')) {
    if (buttons.length >= 200) break;
    const cs = getComputedStyle(el);
    const r = rect(el);
    const text = clean(el.innerText || el.value || el.getAttribute('aria-label') || '');
    if (!visible(el, cs) || r.w < 8 || r.h < 8 || !text || text.length > 60) continue;
    let parentBg = null;
    for (let p = el.parentElement; p; p = p.parentElement) { const b = getComputedStyle(p).backgroundColor; if (opaque(b)) { parentBg = b; break; } }
    const pad = [cs.paddingTop, cs.paddingRight, cs.paddingBottom, cs.paddingLeft].map(parseFloat);
    // a gradient fill counts by its first colour
    const gradient = /gradient\(/.test(cs.backgroundImage) ? (/(rgba?\([^)]+\))/.exec(cs.backgroundImage) || [])[1] : null;
    buttons.push({ tag: el.tagName.toLowerCase(), text, selector: cssPath(el), href: el.href ? abs(el.getAttribute('href')) : null, rect: r,
      background: opaque(cs.backgroundColor) || !gradient ? cs.backgroundColor : gradient, color: cs.color, borderColor: cs.borderTopColor, borderWidth: parseFloat(cs.borderTopWidth) || 0,
      radius: cs.borderTopLeftRadius, padding: pad, fontFamily: firstFamily(cs.fontFamily), fontWeight: Number(cs.fontWeight) || 400,
      fontSize: parseFloat(cs.fontSize), parentBackground: parentBg, display: cs.display,
      classes: (el.className && el.className.baseVal === undefined ? el.className : '').slice(0, 200), where: label(el),
      inHero: !!h1 && r.y < rect(h1).y + rect(h1).h + vh * 0.6 && r.y >= rect(h1).y - 40 && !within(el, 'header, nav') });
  }

  // --- logo candidates: images, inline SVGs and background images near the top, in the header, linking home
  const home = new URL('/', location.href).href;
  const og = document.querySelector('meta[property="og:image"], meta[name="og:image"]');
  const ogImage = og ? abs(og.content) : null;
  const logos = [];
  const candidate = (el, kind, url, svg) => {
    const r = rect(el);
    if (r.w < 8 || r.h < 8 || logos.length >= 40) return;
    const link = el.closest('a[href]');
    const words = [el.id, typeof el.className === 'string' ? el.className : '', el.getAttribute('alt'), el.getAttribute('aria-label'),
      el.getAttribute('title'), url, link ? link.className : '', link ? link.getAttribute('aria-label') : ''].join(' ');
    logos.push({ kind, url, svg: svg ? svg.slice(0, limits.maxSvgChars) : null, rect: r, alt: clean(el.getAttribute('alt') || el.getAttribute('aria-label') || (el.querySelector && el.querySelector('title') ? el.querySelector('title').textContent : '')),
      inHeader: within(el, 'header, [role=banner]') || r.y < 120, inFooter: within(el, 'footer, [role=contentinfo]'),
      linksHome: !!link && (abs(link.getAttribute('href')) === home || link.getAttribute('href') === '/'),
      mentionsLogo: /logo|brand/i.test(words), isOgImage: !!url && url === ogImage });
  };
  for (const img of document.images) if (img.naturalWidth > 0 && visible(img, getComputedStyle(img))) candidate(img, 'img', abs(img.currentSrc || img.src), null);
  for (const svg of document.querySelectorAll('svg')) if (!svg.ownerSVGElement && visible(svg, getComputedStyle(svg))) candidate(svg, 'svg', null, svg.outerHTML);
  for (const el of document.querySelectorAll('header *, a[href="/"] *, a[href="/"], [class*=logo], [id*=logo]')) {
    const bg = getComputedStyle(el).backgroundImage;
    const m = /url\(["']?([^"')]+)["']?\)/.exec(bg || '');
    if (m) candidate(el, 'background', abs(m[1]), null);
  }

  // whether a family is there to draw with (installed or loaded): text measured in it differs from the fallbacks
  const probe = document.createElement('canvas').getContext('2d');
  const sample = 'mmmmmmmmmmlli1WQ@#';
  const available = fam => ['monospace', 'serif'].some(base => {
    probe.font = '72px ' + base;
    const plain = probe.measureText(sample).width;
    probe.font = '72px "' + fam.replace(/"/g, '') + '", ' + base;
    return probe.measureText(sample).width !== plain;
  });
  const families = new Set(texts.map(t => t.family));
  for (const t of [h1, h2, document.body]) if (t) families.add(firstFamily(getComputedStyle(t).fontFamily));
  for (const b of buttons) families.add(b.fontFamily);
  const fontAvailable = {};
  for (const f of [...families].filter(Boolean).slice(0, 30)) fontAvailable[f] = available(f);

  const meta = n => { const m = document.querySelector(`meta[name="${n}"], meta[property="${n}"]`); return m ? clean(m.content) : null; };
  let jsonLdLogo = null;
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try { const d = JSON.parse(s.textContent); for (const o of [].concat(d['@graph'] || d)) if (o && o.logo) jsonLdLogo = abs(typeof o.logo === 'string' ? o.logo : o.logo.url); } catch (e) { }
  }
  return {
    url: location.href, title: document.title, viewport: { width: vw, height: vh }, regionHeight: regionBottom,
    scrollHeight: document.documentElement.scrollHeight,
    colorSchemeMeta: meta('color-scheme'), rootColorScheme: rootStyle.colorScheme,
    pageBackground: getComputedStyle(document.body).backgroundColor, rootBackground: rootStyle.backgroundColor,
    bodyColor: getComputedStyle(document.body).color,
    backgrounds, texts, vars, faces, fonts, fontAvailable, blocks, buttons, logos,
    typography: { h1: typo(h1), h2: typo(h2), body: bodyTypo },
    favicons: [...document.querySelectorAll('link[rel~="icon"], link[rel="apple-touch-icon"]')].map(l => ({ href: abs(l.getAttribute('href')), sizes: l.getAttribute('sizes'), type: l.getAttribute('type'), rel: l.rel })),
    ogImage, siteName: meta('og:site_name'), description: meta('description') || meta('og:description'), jsonLdLogo,
    // links in running text: not buttons (no fill, little padding), not in header, navigation or footer
    linkColors: [...document.querySelectorAll('main a[href], article a[href], p a[href], li a[href]')]
      .filter(a => !a.closest('header, nav, footer, [role=banner], [role=contentinfo]'))
      .filter(a => { const cs = getComputedStyle(a); return !opaque(cs.backgroundColor) && parseFloat(cs.paddingLeft) < 8; })
      .slice(0, 300).map(a => getComputedStyle(a).color)
  };
}
