// pagelens stable render, part 2 (after load, before any output): waits for fonts, then freezes what still moves.
// Called as (TIMEOUT_MS) => Promise<report>. Follows Playwright's animations: "disabled": finite animations and
// transitions jump to their end, infinite ones are cancelled back to their start; animations that start later are
// held at their start. Videos are paused on their first frame, GIF images replaced by their first frame, SVG
// (SMIL) animations paused at 0, and the caret hidden.
async (timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(0, deadline - Date.now());
  const within = (promise, ms) => Promise.race([promise.then(() => true, () => true),
    new Promise(resolve => setTimeout(() => resolve(false), ms))]);
  const report = { animationsFinished: 0, animationsCancelled: 0, videosPaused: 0, gifsFrozen: 0, gifsNotFrozen: 0,
    svgsPaused: 0, fontsLoaded: 0, fontsFailed: 0, timeouts: [] };

  const style = (id, css) => {
    if (document.getElementById(id)) return;
    const s = document.createElement('style');
    s.id = id;
    s.textContent = css;
    (document.head || document.documentElement).appendChild(s);
  };
  style('__pagelens_stable_render', '*, *::before, *::after { caret-color: transparent !important;'
    + ' transition-duration: 0s !important; transition-delay: 0s !important; scroll-behavior: auto !important; }');

  // fonts: every pending load settles (or the time is up)
  if (document.fonts) {
    if (!await within(document.fonts.ready, left())) report.timeouts.push('fonts');
    for (const f of document.fonts) {
      if (f.status === 'loaded') report.fontsLoaded++;
      else if (f.status === 'error') report.fontsFailed++;
    }
  }

  // CSS animations, transitions and Web Animations
  for (const a of document.getAnimations()) {
    try {
      const t = a.effect ? a.effect.getComputedTiming() : null;
      if (!t || t.endTime === Infinity) { a.cancel(); report.animationsCancelled++; }
      else { a.finish(); report.animationsFinished++; }
    } catch (e) {
      a.cancel(); report.animationsCancelled++;
    }
  }
  style('__pagelens_stable_render_hold', '*, *::before, *::after { animation-play-state: paused !important; }');

  // SVG SMIL
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.ownerSVGElement || typeof svg.pauseAnimations !== 'function') continue;
    svg.pauseAnimations();
    svg.setCurrentTime(0);
    report.svgsPaused++;
  }

  // videos: paused on the first frame, which must be decoded before the shot
  const seeks = [];
  for (const v of document.querySelectorAll('video')) {
    v.autoplay = false;
    v.pause();
    report.videosPaused++;
    if (v.readyState === 0) continue; // nothing loaded: the poster (or nothing) shows, the same every time
    if (v.currentTime !== 0) { // 'seeked' comes once the first frame is there to paint
      seeks.push(new Promise(resolve => { v.addEventListener('seeked', resolve, { once: true }); v.currentTime = 0; }));
    } else if (v.readyState < 2) {
      seeks.push(new Promise(resolve => v.addEventListener('loadeddata', resolve, { once: true })));
    }
  }
  if (seeks.length && !await within(Promise.all(seeks), Math.min(left(), 3000))) report.timeouts.push('videos');

  // GIFs: the first frame, decoded from the file (createImageBitmap of an animated image gives its first frame),
  // drawn into a PNG and swapped in; images that cannot be fetched (cross-origin without CORS) stay as they are
  const isGif = img => /^data:image\/gif/i.test(img.currentSrc) || /\.gif([?#].*)?$/i.test(img.currentSrc);
  const gifs = [...document.images].filter(img => img.complete && img.naturalWidth > 0 && isGif(img));
  const gifsDone = await within(Promise.all(gifs.map(async img => {
    try {
      const blob = await (await fetch(img.currentSrc)).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d').drawImage(bitmap, 0, 0);
      const png = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
      img.srcset = '';
      if (img.parentElement && img.parentElement.tagName === 'PICTURE') {
        for (const s of img.parentElement.querySelectorAll('source')) s.remove();
      }
      img.src = URL.createObjectURL(png);
      await img.decode();
      report.gifsFrozen++;
    } catch (e) {
      report.gifsNotFrozen++;
    }
  })), left());
  if (!gifsDone) report.timeouts.push('gifs');

  // the caret: hidden by the style above; two frames so the page is painted as frozen
  if (!await within(new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))), Math.min(left(), 1000))) {
    report.timeouts.push('paint');
  }
  return report;
}
