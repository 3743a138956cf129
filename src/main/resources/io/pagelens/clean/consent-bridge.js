// pagelens: the messaging side of DuckDuckGo autoconsent's content script (vendored beside this file), run in the page's
// main world before any page script. Answers the script's init with the config and the vendored rules, and logs what it
// reports (cmpDetected, popupFound, optOutResult, autoconsentDone) in window.__pagelensConsent of the top frame, where
// the capture reads it. Frames post theirs to the top.
(() => {
  if (window.autoconsentSendMessage) return;
  const config = {
    enabled: true, autoAction: 'optOut', disabledCmps: [], enablePrehide: true, enableCosmeticRules: true,
    enableGeneratedRules: true, enableHeuristicDetection: true, heuristicMode: 'tier2', detectRetries: 20,
    isMainWorld: true, prehideTimeout: 2000,
    logs: {lifecycle: false, rulesteps: false, detectionsteps: false, evals: false, errors: false, messages: false, waits: false}
  };
  const rules = {compact: __PAGELENS_RULES__};
  const top = window === window.top;
  const log = [];
  if (top) {
    Object.defineProperty(window, '__pagelensConsent', {value: log});
    window.addEventListener('message', e => { if (e.data && e.data.__pagelensConsent) log.push(e.data.__pagelensConsent); });
  }
  const record = entry => {
    if (top) log.push(entry); else try { window.top.postMessage({__pagelensConsent: entry}, '*'); } catch (e) { /* detached */ }
  };
  window.autoconsentSendMessage = m => {
    if (!m || typeof m !== 'object') return;
    if (m.type === 'init') {
      Promise.resolve().then(() => window.autoconsentReceiveMessage({type: 'initResp', config, rules}));
    } else if (m.type === 'eval') { // not sent in the main world; answered anyway
      let result = false;
      try { result = !!(0, eval)(m.code); } catch (e) { /* a rule's check failed: false */ }
      Promise.resolve().then(() => window.autoconsentReceiveMessage({type: 'evalResp', id: m.id, result}));
    } else if (['cmpDetected', 'popupFound', 'optOutResult', 'autoconsentDone', 'autoconsentError'].includes(m.type)) {
      record({type: m.type, cmp: m.cmp || null, result: m.result === undefined ? null : m.result,
              cosmetic: !!m.isCosmetic, frame: top ? 'top' : 'frame'});
    }
  };
})();
