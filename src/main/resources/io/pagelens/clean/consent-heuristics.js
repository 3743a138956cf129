// pagelens: hides what consent platforms' rules missed: fixed overlays whose text (or same-origin iframe's text) speaks
// of cookies or consent in English, German, French or Spanish, and full-viewport backdrops shown with them; then undoes
// scroll locks on html/body when any consent UI was found (found = a platform was detected by the rules).
((found) => {
  const words = /cookie|consent|gdpr|datenschutz|einwilligung|zustimm|consentement|traceurs|vie privée|consentimiento|privacidad/i;
  const vw = innerWidth, vh = innerHeight;
  const textOf = el => {
    let t = el.innerText || '';
    for (const f of el.querySelectorAll('iframe')) {
      try { t += ' ' + (f.contentDocument && f.contentDocument.body ? f.contentDocument.body.innerText : ''); } catch (e) { /* cross-origin */ }
    }
    return t;
  };
  const shown = el => { const cs = getComputedStyle(el); return cs.display !== 'none' && cs.visibility !== 'hidden' && +cs.opacity > 0.05; };
  const fixed = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
    const cs = getComputedStyle(el);
    if (cs.position !== 'fixed' || !shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 100 || r.height < 30 || r.bottom <= 0 || r.top >= vh) continue;
    fixed.push(el);
  }
  const banners = fixed.filter(el => {
    const t = textOf(el);
    return t.length < 5000 && (words.test(t) || words.test(el.id + ' ' + el.className)) && (el.querySelector('button, a, [role=button], iframe'));
  }).filter((el, i, all) => !all.some(o => o !== el && o.contains(el)));
  const hidden = [];
  const hide = (el, what) => {
    el.style.setProperty('display', 'none', 'important');
    hidden.push(what + ':' + (el.id ? '#' + el.id : el.tagName.toLowerCase() + (el.classList[0] ? '.' + el.classList[0] : '')));
  };
  banners.forEach(el => hide(el, 'banner'));
  if (banners.length || found) {
    for (const el of fixed) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width * r.height >= 0.8 * vw * vh && (el.innerText || '').trim().length === 0 && !el.querySelector('img, video, canvas, iframe')) hide(el, 'backdrop');
    }
  }
  let unlocked = false;
  if (banners.length || found) {
    for (const el of [document.documentElement, document.body]) {
      if (!el) continue;
      const cs = getComputedStyle(el);
      if (cs.overflowY === 'hidden' || cs.overflow === 'hidden') {
        el.style.setProperty('overflow', 'visible', 'important');
        el.style.setProperty('overflow-y', 'visible', 'important');
        unlocked = true;
      }
      if (el === document.body && cs.position === 'fixed') {
        el.style.setProperty('position', 'static', 'important');
        unlocked = true;
      }
    }
  }
  return {hidden, unlocked};
})
