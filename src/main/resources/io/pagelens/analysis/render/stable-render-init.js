// pagelens stable render, part 1 (before navigation, in every frame): a style sheet that hides the caret and
// makes transitions instant, added as soon as the document has a root element.
(() => {
  const ID = '__pagelens_stable_render';
  const CSS = '*, *::before, *::after {'
    + ' caret-color: transparent !important;'
    + ' transition-duration: 0s !important; transition-delay: 0s !important;'
    + ' scroll-behavior: auto !important; }';
  const add = () => {
    if (document.getElementById(ID)) return true;
    const root = document.head || document.documentElement;
    if (!root) return false;
    const style = document.createElement('style');
    style.id = ID;
    style.textContent = CSS;
    root.appendChild(style);
    return true;
  };
  if (!add()) {
    const watch = new MutationObserver(() => { if (add()) watch.disconnect(); });
    watch.observe(document, { childList: true, subtree: true });
  }
})();
