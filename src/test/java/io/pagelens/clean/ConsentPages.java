package io.pagelens.clean;

import java.util.Map;

/**
 * Local pages that reproduce the markup and behaviour of consent platforms (written for these tests from the
 * platforms' public markup, not copied): each inserts its banner by script after load, as a red bar fixed at the
 * bottom of a green page, some lock scrolling, and each platform's reject button removes its banner, unlocks and
 * marks the body ({@code data-rejected}). Two have no platform at all (heuristics): a German banner inside an iframe,
 * and a French one over a backdrop with the body pinned.
 */
final class ConsentPages {
    static final String BANNER = "position:fixed;left:0;right:0;bottom:0;height:250px;background:rgb(204,0,0);z-index:99999;color:#fff;font:16px sans-serif";

    /** Platform page name → the script that inserts its banner. */
    static final Map<String, String> INSERT = Map.of(
            "onetrust", """
                    window.OnetrustActiveGroups = ',C0001,C0002,C0004,';
                    const c = document.createElement('div'); c.id = 'onetrust-consent-sdk';
                    c.innerHTML = '<div id="onetrust-banner-sdk" class="otFlat" style="%1$s"><p>We use cookies to improve your experience.</p>'
                      + '<button id="onetrust-accept-btn-handler">Accept All Cookies</button><button id="onetrust-reject-all-handler">Reject All</button></div>';
                    document.body.appendChild(c); lock();
                    document.getElementById('onetrust-reject-all-handler').addEventListener('click', () => {
                      window.OnetrustActiveGroups = ',C0001,'; document.getElementById('onetrust-banner-sdk').style.display = 'none'; rejected('onetrust'); });
                    """,
            "cookiebot", """
                    const d = document.createElement('div'); d.id = 'CybotCookiebotDialog'; d.setAttribute('style', '%1$s');
                    d.innerHTML = '<p>This website uses cookies</p><button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll">Allow all</button>'
                      + '<button id="CybotCookiebotDialogBodyLevelButtonLevelOptinDeclineAll">Deny</button>';
                    window.Cookiebot = {hasResponse: false, declined: false, dialog: {visible: true},
                      withdraw() { this.declined = true; this.hasResponse = true; }, hide() { d.remove(); this.dialog.visible = false; }};
                    document.body.appendChild(d); lock();
                    document.getElementById('CybotCookiebotDialogBodyLevelButtonLevelOptinDeclineAll').addEventListener('click', () => {
                      Cookiebot.declined = true; Cookiebot.hasResponse = true; Cookiebot.dialog.visible = false; d.remove(); rejected('cookiebot'); });
                    """,
            "didomi", """
                    const h = document.createElement('div'); h.id = 'didomi-host';
                    h.innerHTML = '<div id="didomi-notice" class="didomi-notice-banner" style="%1$s"><p>We and our partners use cookies</p>'
                      + '<button id="didomi-notice-agree-button">Agree and close</button><button id="didomi-notice-disagree-button">Disagree</button></div>';
                    document.body.appendChild(h);
                    document.getElementById('didomi-notice-disagree-button').addEventListener('click', () => { h.innerHTML = ''; rejected('didomi'); });
                    """,
            "quantcast", """
                    const q = document.createElement('div'); q.id = 'qc-cmp2-container';
                    q.innerHTML = '<div id="qc-cmp2-main"><div id="qc-cmp2-ui" style="%1$s"><p>We value your privacy. We and our partners use cookies</p>'
                      + '<button mode="primary">AGREE</button><button id="disagree-btn" mode="secondary">DISAGREE</button></div></div>';
                    document.body.appendChild(q); lock();
                    document.getElementById('disagree-btn').addEventListener('click', () => { q.remove(); rejected('quantcast'); });
                    """,
            "usercentrics", """
                    const root = document.createElement('div'); root.id = 'usercentrics-root';
                    const shadow = root.attachShadow({mode: 'open'});
                    shadow.innerHTML = '<div data-testid="uc-container" style="%1$s"><p>We use cookies and similar technologies</p>'
                      + '<button data-testid="uc-accept-all-button">Accept All</button><button data-testid="uc-deny-all-button">Deny</button></div>';
                    window.UC_UI = {closeCMP: () => true, denyAllConsents: () => true, acceptAllConsents: () => true, areAllConsentsAccepted: () => false};
                    document.body.appendChild(root); document.body.classList.add('overflowHidden');
                    shadow.querySelector('[data-testid=uc-deny-all-button]').addEventListener('click', () => { root.remove(); rejected('usercentrics'); });
                    """,
            "cookieyes", """
                    const y = document.createElement('div'); y.className = 'cky-consent-container'; y.setAttribute('style', '%1$s');
                    y.innerHTML = '<div class="cky-consent-bar"><p>We value your privacy. We use cookies to enhance your browsing experience.</p>'
                      + '<button class="cky-btn cky-btn-accept" data-cky-tag="accept-button">Accept All</button>'
                      + '<button class="cky-btn cky-btn-reject" data-cky-tag="reject-button">Reject All</button></div>';
                    document.body.appendChild(y); lock();
                    y.querySelector('[data-cky-tag=reject-button]').addEventListener('click', () => { y.remove(); rejected('cookieyes'); });
                    """,
            "iframe-de", """
                    const box = document.createElement('div'); box.id = 'privacy-box'; box.setAttribute('style', '%1$s');
                    box.innerHTML = '<iframe src="/consent-frame" style="border:0;width:100%%;height:100%%"></iframe>';
                    document.body.appendChild(box); lock();
                    """,
            "backdrop-fr", """
                    const bd = document.createElement('div'); bd.className = 'modal-backdrop';
                    bd.setAttribute('style', 'position:fixed;inset:0;background:rgba(204,0,0,1);z-index:99998');
                    const m = document.createElement('div'); m.className = 'bandeau'; m.setAttribute('style', '%1$s');
                    m.innerHTML = '<p>Nous utilisons des cookies pour améliorer votre expérience. Acceptez-vous ?</p><button>Accepter</button><a href="#">Paramètres</a>';
                    document.body.appendChild(bd); document.body.appendChild(m);
                    document.body.style.position = 'fixed'; document.body.style.overflow = 'hidden';
                    """);

    static final String FRAME = "<!doctype html><html><body style=\"margin:0;background:rgb(204,0,0)\"><p>Wir verwenden Cookies, um Inhalte zu "
            + "personalisieren. Mit Ihrer Einwilligung ...</p><button>Alle akzeptieren</button><button>Einstellungen</button></body></html>";

    static String page(String name) {
        return """
                <!doctype html><html><head><title>%2$s</title><style>html,body{margin:0;background:rgb(0,170,0)} .tall{height:3000px}
                .overflowHidden{overflow:hidden}</style></head><body><div class="tall"><h1>An article</h1></div><script>
                function lock() { document.documentElement.style.overflow = 'hidden'; document.body.style.overflow = 'hidden'; }
                function rejected(p) { document.documentElement.style.overflow = ''; document.body.style.overflow = '';
                  document.body.classList.remove('overflowHidden'); document.body.dataset.rejected = p; }
                window.addEventListener('load', () => setTimeout(() => { %1$s }, 300));
                </script></body></html>""".formatted(INSERT.get(name).formatted(BANNER), name);
    }

    private ConsentPages() {
    }
}
