#!/usr/bin/env python3
"""Writes the labelled test sites alpenroester/ and nubeclara/ (pages, robots.txt, sitemaps, labels.json, crawl.json).

Run from this folder: python3 build.py. Standard library only. Every page's text is written out below; the two
sites have their own templates (markup, class names, navigation), as real sites do.
"""
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ORIGIN = "http://127.0.0.1:PORT"


def write(site, path, html):
    """path: URL path; '/x/' -> x/index.html, '/x' -> x.html; '/?p=N' (WordPress plain links) -> _wp/p-N.html, served by routes.py."""
    if path.startswith("/?p="):
        full = os.path.join(HERE, site, "_wp", "p-" + path[4:] + ".html")
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(html)
        return
    rel = path.strip("/")
    if path.endswith("/"):
        rel = os.path.join(rel, "index.html") if rel else "index.html"
    else:
        rel = rel + ".html"
    full = os.path.join(HERE, site, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(html)


def jsonld(obj):
    return '<script type="application/ld+json">\n' + json.dumps(obj, ensure_ascii=False, indent=1) + "\n</script>\n"


# ---------------------------------------------------------------------------------------------------------------------
# alpenroester: Swiss coffee roaster, German and French
# ---------------------------------------------------------------------------------------------------------------------

A = "alpenroester"
A_LABELS = {}
A_ALT = {}

A_NAV = {
    "de": [("/de/kaffee/", "Kaffee"), ("/de/zubehoer", "Zubehör"), ("/de/abo", "Kaffee-Abo"), ("/de/magazin/", "Magazin"),
           ("/de/ueber-uns", "Über uns")],
    "fr": [("/fr/cafe/", "Café"), ("/fr/accessoires", "Accessoires"), ("/fr/abonnement", "Abonnement"),
           ("/fr/journal/", "Journal"), ("/fr/a-propos", "À propos")],
}
A_FOOT = {
    "de": [("/i/17", "Impressum"), ("/de/datenschutz", "Datenschutz"), ("/de/agb", "AGB"), ("/de/versand", "Versand & Rückgabe"),
           ("/de/kontakt", "Kontakt"), ("/de/karriere", "Karriere"), ("/de/hilfe/", "Hilfe")],
    "fr": [("/fr/mentions-legales", "Mentions légales"), ("/fr/confidentialite", "Confidentialité"), ("/fr/contact", "Contact"),
           ("/fr/emplois", "Emplois"), ("/fr/aide/", "Aide")],
}


def a_page(lang, path, title, body, label, desc="", head_extra="", alt=None, og_type="website"):
    A_LABELS[path] = label
    if alt:
        A_ALT[path] = alt
    nav = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in A_NAV[lang])
    foot = " · ".join(f'<a href="{h}">{t}</a>' for h, t in A_FOOT[lang])
    home = "/" if lang == "de" else "/fr/"
    other = "/fr/" if lang == "de" else "/"
    cart = "/de/warenkorb" if lang == "de" else "/fr/panier"
    login = "/de/konto/anmelden" if lang == "de" else "/fr/compte/connexion"
    cart_t = "Warenkorb (0)" if lang == "de" else "Panier (0)"
    login_t = "Anmelden" if lang == "de" else "Se connecter"
    write(A, path, f"""<!DOCTYPE html>
<html lang="{lang}-CH">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{desc}">
<link rel="canonical" href="{ORIGIN}{path}">
<meta property="og:type" content="{og_type}">
<meta property="og:title" content="{title.split(' – ')[0]}">
<meta property="og:site_name" content="Alpenröster">
<link rel="stylesheet" href="/assets/shop.css">
{head_extra}</head>
<body class="lang-{lang}">
<div class="topbar">{'Gratis Versand ab CHF 60' if lang == 'de' else 'Livraison offerte dès CHF 60'} · <a href="{other}">{'Français' if lang == 'de' else 'Deutsch'}</a></div>
<header class="masthead">
  <a class="logo" href="{home}"><img src="/assets/logo.svg" alt="Alpenröster"></a>
  <ul class="menu">{nav}</ul>
  <div class="tools"><a href="{login}">{login_t}</a> <a href="{cart}">{cart_t}</a></div>
</header>
<div id="content">
{body}
</div>
<footer class="site-foot">
  <p>{foot}</p>
  <p>Alpenröster GmbH · Röstereiweg 4 · 3013 Bern · <a href="mailto:hallo@alpenroester.example">hallo@alpenroester.example</a></p>
</footer>
</body>
</html>
""")


def a_card(pid, name, price, lang):
    more = "Ansehen" if lang == "de" else "Voir"
    prefix = "" if lang == "de" else "/fr"
    return f"""<div class="tile"><a href="{prefix}/p/{pid}"><img src="/assets/bag.svg" alt="">
<span class="tile-name">{name}</span></a><span class="tile-price">CHF {price}</span> <a class="tile-link" href="{prefix}/p/{pid}">{more}</a></div>"""


A_PRODUCTS = {
    "8812": ("Espresso Bärgmatt", "18.90", "espresso", True,
             "Dunkle Röstung aus brasilianischem und indischem Robusta-Anteil. Schokoladig, wenig Säure, dichte Crema.",
             "Torréfaction foncée, notes de chocolat noir, peu d'acidité et une crème dense."),
    "8813": ("Espresso Aare", "17.50", "espresso", False,
             "Mittlere Röstung, Haselnuss und Karamell. Für Siebträger und Bialetti gleichermassen.",
             "Torréfaction moyenne, noisette et caramel."),
    "8820": ("Filter Huila", "21.00", "filter", True,
             "Kolumbien, Huila, gewaschen. Helle Röstung mit Noten von roter Johannisbeere und Rohrzucker.",
             "Colombie, Huila, lavé. Torréfaction claire, groseille et sucre de canne."),
    "8821": ("Filter Sidamo", "22.50", "filter", False,
             "Äthiopien, Sidamo, natürlich aufbereitet. Blaubeere, Jasmin, lang anhaltende Süsse.",
             "Éthiopie, Sidamo, nature. Myrtille et jasmin."),
    "9001": ("Handmühle Comandante C40", "249.00", "zubehoer", True,
             "Handmühle mit Stahlmahlwerk aus Deutschland. Stufenlos von Espresso bis French Press.",
             "Moulin manuel à meules en acier, du café filtre à l'espresso."),
    "9004": ("Handfilter V60 Keramik", "29.00", "zubehoer", False,
             "Der Klassiker aus Arita-Porzellan, Grösse 02, für eine bis vier Tassen.",
             "Le classique en porcelaine d'Arita, taille 02."),
}


def a_product(pid, lang):
    name, price, cat, with_ld, de_text, fr_text = A_PRODUCTS[pid]
    prefix = "" if lang == "de" else "/fr"
    path = f"{prefix}/p/{pid}"
    text = de_text if lang == "de" else fr_text
    ld = ""
    if with_ld:
        ld = jsonld({"@context": "https://schema.org", "@type": "Product", "name": name, "sku": pid,
                     "image": f"{ORIGIN}/assets/bag.svg", "description": text,
                     "brand": {"@type": "Brand", "name": "Alpenröster"},
                     "offers": {"@type": "Offer", "priceCurrency": "CHF", "price": price,
                                "availability": "https://schema.org/InStock"}})
    if lang == "de":
        crumbs = f'<a href="/">Start</a> › <a href="/de/kaffee/">Kaffee</a> › {name}'
        buy = "In den Warenkorb"
        body = f"""<nav class="crumbs">{crumbs}</nav>
<div class="pdp">
  <div class="pdp-media"><img src="/assets/bag.svg" alt="{name}"></div>
  <div class="pdp-info">
    <h1>{name}</h1>
    <p class="pdp-price">CHF {price} <small>inkl. MwSt., 250 g</small></p>
    <form class="buy" action="/de/warenkorb" method="post">
      <label>Mahlgrad <select name="grind"><option>Ganze Bohne</option><option>Espresso</option><option>Filter</option></select></label>
      <label>Menge <input type="number" name="qty" value="1" min="1"></label>
      <button type="submit">{buy}</button>
    </form>
    <p>{text}</p>
    <table class="specs"><tr><th>Herkunft</th><td>siehe Beschreibung</td></tr><tr><th>Röstgrad</th><td>{'dunkel' if cat == 'espresso' else 'hell'}</td></tr></table>
    <p class="stock">An Lager, Lieferung in 1–2 Werktagen</p>
  </div>
</div>
<h2>Passt dazu</h2>
<div class="tiles">{a_card('9004', 'Handfilter V60 Keramik', '29.00', 'de')}{a_card('8813', 'Espresso Aare', '17.50', 'de')}</div>"""
        a_page("de", path, f"{name} – Alpenröster", body, "product", desc=text, head_extra=ld, og_type="product")
    else:
        buy = "Ajouter au panier"
        body = f"""<nav class="crumbs"><a href="/fr/">Accueil</a> › <a href="/fr/cafe/">Café</a> › {name}</nav>
<div class="pdp">
  <div class="pdp-media"><img src="/assets/bag.svg" alt="{name}"></div>
  <div class="pdp-info">
    <h1>{name}</h1>
    <p class="pdp-price">CHF {price} <small>TVA incluse, 250 g</small></p>
    <form class="buy" action="/fr/panier" method="post">
      <label>Mouture <select name="grind"><option>Grains</option><option>Espresso</option><option>Filtre</option></select></label>
      <button type="submit">{buy}</button>
    </form>
    <p>{text}</p>
    <p class="stock">En stock, livré en 1 à 2 jours ouvrables</p>
  </div>
</div>"""
        a_page("fr", path, f"{name} – Alpenröster", body, "product", desc=text, head_extra=ld, og_type="product")


def build_alpenroester():
    shutil.rmtree(os.path.join(HERE, A), ignore_errors=True)
    # home, German
    a_page("de", "/", "Alpenröster – Frisch gerösteter Kaffee aus Bern", f"""
<section class="hero"><h1>Kaffee, frisch geröstet in Bern</h1>
<p>Wir rösten jeden Dienstag und Freitag in kleinen Chargen und verschicken am selben Tag.</p>
<a class="cta" href="/de/kaffee/">Kaffee entdecken</a> <a class="cta cta-2" href="/de/abo">Kaffee-Abo ab CHF 24</a></section>
<section><h2>Diese Woche frisch</h2><div class="tiles">{a_card('8812', 'Espresso Bärgmatt', '18.90', 'de')}{a_card('8820', 'Filter Huila', '21.00', 'de')}{a_card('9001', 'Handmühle Comandante C40', '249.00', 'de')}</div></section>
<section class="story"><h2>Aus der Rösterei</h2><p>Seit 2014 kaufen wir Rohkaffee direkt bei Kooperativen in Kolumbien, Äthiopien und Brasilien.</p>
<a href="/de/ueber-uns">Mehr über uns</a> · <a href="/de/magazin/ernte-in-huila">Reisebericht aus Huila</a></section>
""", "home", desc="Spezialitätenkaffee aus Bern: Espresso, Filterkaffee, Zubehör und Kaffee-Abo.",
           head_extra=jsonld({"@context": "https://schema.org", "@type": "WebSite", "name": "Alpenröster", "url": ORIGIN + "/"}))
    a_page("fr", "/fr/", "Alpenröster – Café fraîchement torréfié à Berne", f"""
<section class="hero"><h1>Du café torréfié cette semaine à Berne</h1>
<p>Nous torréfions chaque mardi et vendredi en petits lots, et expédions le jour même.</p>
<a class="cta" href="/fr/cafe/">Découvrir nos cafés</a> <a class="cta cta-2" href="/fr/abonnement">Abonnement dès CHF 24</a></section>
<section><h2>Frais cette semaine</h2><div class="tiles">{a_card('8812', 'Espresso Bärgmatt', '18.90', 'fr')}{a_card('9001', 'Moulin Comandante C40', '249.00', 'fr')}</div></section>
<section class="story"><h2>La torréfaction</h2><p>Depuis 2014, nous achetons le café vert directement auprès de coopératives.</p><a href="/fr/a-propos">Qui sommes-nous</a></section>
""", "home", desc="Café de spécialité de Berne.")

    # categories
    a_page("de", "/de/kaffee/", "Kaffee – Alpenröster", f"""
<h1>Unser Kaffee</h1><p class="lead">Alle Röstungen, frisch ab Rösterei. Filtern Sie nach Zubereitung.</p>
<div class="filters"><a href="/de/kaffee/espresso">Espresso</a> <a href="/de/kaffee/filter">Filter</a></div>
<div class="tiles">{a_card('8812', 'Espresso Bärgmatt', '18.90', 'de')}{a_card('8813', 'Espresso Aare', '17.50', 'de')}{a_card('8820', 'Filter Huila', '21.00', 'de')}{a_card('8821', 'Filter Sidamo', '22.50', 'de')}</div>
""", "category", alt=["product"])
    a_page("de", "/de/kaffee/espresso", "Espresso – Kaffee – Alpenröster", f"""
<nav class="crumbs"><a href="/">Start</a> › <a href="/de/kaffee/">Kaffee</a> › Espresso</nav>
<h1>Espresso</h1><p class="lead">Kräftige Röstungen für Siebträger, Vollautomat und Herdkanne. 2 Produkte</p>
<div class="sort">Sortieren: <a href="/de/kaffee/espresso?sort=preis">Preis</a> <a href="/de/kaffee/espresso?sort=name">Name</a></div>
<div class="tiles">{a_card('8812', 'Espresso Bärgmatt', '18.90', 'de')}{a_card('8813', 'Espresso Aare', '17.50', 'de')}</div>
""", "category")
    a_page("de", "/de/kaffee/filter", "Filterkaffee – Alpenröster", f"""
<nav class="crumbs"><a href="/">Start</a> › <a href="/de/kaffee/">Kaffee</a> › Filter</nav>
<h1>Filterkaffee</h1><p class="lead">Helle Röstungen für Handfilter, Chemex und AeroPress.</p>
<div class="tiles">{a_card('8820', 'Filter Huila', '21.00', 'de')}{a_card('8821', 'Filter Sidamo', '22.50', 'de')}</div>
""", "category")
    a_page("de", "/de/zubehoer", "Zubehör – Alpenröster", f"""
<h1>Zubehör</h1><p class="lead">Mühlen, Handfilter und Waagen, die wir selbst jeden Tag benutzen.</p>
<div class="tiles">{a_card('9001', 'Handmühle Comandante C40', '249.00', 'de')}{a_card('9004', 'Handfilter V60 Keramik', '29.00', 'de')}</div>
""", "category")
    a_page("fr", "/fr/cafe/", "Café – Alpenröster", f"""
<h1>Nos cafés</h1><p class="lead">Toutes nos torréfactions, fraîches de la semaine.</p>
<div class="tiles">{a_card('8812', 'Espresso Bärgmatt', '18.90', 'fr')}{a_card('8813', 'Espresso Aare', '17.50', 'fr')}{a_card('8820', 'Filtre Huila', '21.00', 'fr')}</div>
""", "category", alt=["product"])
    a_page("fr", "/fr/accessoires", "Accessoires – Alpenröster", f"""
<h1>Accessoires</h1><p class="lead">Moulins, filtres et balances.</p>
<div class="tiles">{a_card('9001', 'Moulin Comandante C40', '249.00', 'fr')}{a_card('9004', 'Filtre V60 céramique', '29.00', 'fr')}</div>
""", "category")

    for pid in A_PRODUCTS:
        a_product(pid, "de")
    for pid in ("8812", "8813", "8820", "9001", "9004"):
        a_product(pid, "fr")

    # subscription plans (pricing)
    a_page("de", "/de/abo", "Kaffee-Abo – Alpenröster", """
<h1>Kaffee-Abo</h1><p class="lead">Frischer Kaffee im Briefkasten, so oft Sie möchten. Jederzeit pausieren oder kündigen.</p>
<div class="abo-grid">
  <div class="abo"><h2>Klein</h2><p class="amount">CHF 24 <span>/ Monat</span></p><ul><li>2 × 250 g pro Monat</li><li>Versand inklusive</li></ul><a href="/de/warenkorb?abo=klein">Abo wählen</a></div>
  <div class="abo abo-top"><h2>Mittel</h2><p class="amount">CHF 42 <span>/ Monat</span></p><ul><li>4 × 250 g pro Monat</li><li>Ein Spezial-Lot pro Quartal</li></ul><a href="/de/warenkorb?abo=mittel">Abo wählen</a></div>
  <div class="abo"><h2>Büro</h2><p class="amount">CHF 120 <span>/ Monat</span></p><ul><li>3 kg pro Monat</li><li>Rechnung an die Firma</li></ul><a href="/de/kontakt">Offerte anfragen</a></div>
</div>
<h2>Häufige Fragen</h2><dl><dt>Kann ich kündigen?</dt><dd>Ja, jederzeit auf Ende des Monats.</dd><dt>Welche Sorten kommen?</dt><dd>Sie wählen Espresso, Filter oder gemischt.</dd></dl>
""", "pricing")
    a_page("fr", "/fr/abonnement", "Abonnement café – Alpenröster", """
<h1>L'abonnement café</h1><p class="lead">Du café frais dans votre boîte aux lettres. Pause ou résiliation à tout moment.</p>
<div class="abo-grid">
  <div class="abo"><h2>Petit</h2><p class="amount">CHF 24 <span>/ mois</span></p><ul><li>2 × 250 g par mois</li></ul><a href="/fr/panier?abo=petit">Choisir</a></div>
  <div class="abo"><h2>Moyen</h2><p class="amount">CHF 42 <span>/ mois</span></p><ul><li>4 × 250 g par mois</li></ul><a href="/fr/panier?abo=moyen">Choisir</a></div>
  <div class="abo"><h2>Bureau</h2><p class="amount">CHF 120 <span>/ mois</span></p><ul><li>3 kg par mois</li></ul><a href="/fr/contact">Demander une offre</a></div>
</div>
""", "pricing")

    # magazine (blog)
    a_page("de", "/de/magazin/", "Magazin – Alpenröster", """
<h1>Magazin</h1><p class="lead">Geschichten aus der Rösterei, Reiseberichte und Zubereitungstipps.</p>
<div class="posts">
  <div class="post-teaser"><h2><a href="/de/magazin/die-perfekte-crema">Die perfekte Crema</a></h2><p class="date">12. Mai 2025</p><p>Warum frischer Kaffee mehr Crema macht und was der Mahlgrad damit zu tun hat.</p><a href="/de/magazin/die-perfekte-crema">Weiterlesen</a></div>
  <div class="post-teaser"><h2><a href="/de/magazin/ernte-in-huila">Erntezeit in Huila</a></h2><p class="date">28. April 2025</p><p>Zwei Wochen bei der Kooperative Los Naranjos.</p><a href="/de/magazin/ernte-in-huila">Weiterlesen</a></div>
  <div class="post-teaser"><h2><a href="/de/magazin/wasser-fuer-kaffee">Welches Wasser für Kaffee?</a></h2><p class="date">2. April 2025</p><p>Berner Leitungswasser ist gut, aber nicht perfekt.</p><a href="/de/magazin/wasser-fuer-kaffee">Weiterlesen</a></div>
</div>
<p class="pager"><a href="/de/magazin/seite/2">Ältere Beiträge »</a></p>
""", "blog_index")
    a_page("de", "/de/magazin/seite/2", "Magazin, Seite 2 – Alpenröster", """
<h1>Magazin</h1><p>Seite 2 von 2</p>
<div class="posts">
  <div class="post-teaser"><h2><a href="/de/magazin/roestprofile">Wie wir Röstprofile entwickeln</a></h2><p class="date">14. März 2025</p><p>Vom Probe-Röster zur Produktion.</p><a href="/de/magazin/roestprofile">Weiterlesen</a></div>
</div>
<p class="pager"><a href="/de/magazin/">« Neuere Beiträge</a></p>
""", "blog_index")
    a_page("de", "/de/magazin/die-perfekte-crema", "Die perfekte Crema – Magazin – Alpenröster", """
<article class="story-full">
<h1>Die perfekte Crema</h1>
<p class="meta">Von Anna Keller · <time datetime="2025-05-12">12. Mai 2025</time> · 4 Minuten Lesezeit</p>
<p>Crema ist der Schaum aus Kohlendioxid, Ölen und feinen Kaffeepartikeln, der auf einem gut gezogenen Espresso liegt. Sie entsteht, weil frisch gerösteter Kaffee noch viel Gas enthält, das unter Druck im Wasser gelöst wird und beim Austritt aus dem Siebträger aufschäumt.</p>
<p>Zwei Wochen nach der Röstung ist ein grosser Teil dieses Gases entwichen. Die Crema wird dünner und heller, auch wenn der Geschmack noch gut ist. Deshalb drucken wir das Röstdatum auf jede Packung.</p>
<h2>Der Mahlgrad entscheidet</h2>
<p>Zu grob gemahlen läuft das Wasser zu schnell durch, die Crema bleibt blass und bricht rasch. Zu fein gemahlen tropft der Espresso nur noch, die Crema wird dunkel und bitter. Wir empfehlen, bei jeder neuen Packung den Mahlgrad in kleinen Schritten nachzustellen.</p>
<h2>Und die Temperatur?</h2>
<p>Zwischen 92 und 94 Grad gelingen unsere Espressoröstungen am besten. Heller geröstete Kaffees vertragen etwas mehr Hitze.</p>
</article>
<p><a href="/de/magazin/">Zurück zum Magazin</a> · <a href="/p/8812">Espresso Bärgmatt kaufen</a></p>
""", "article", og_type="article", head_extra=jsonld({"@context": "https://schema.org", "@type": "BlogPosting",
        "headline": "Die perfekte Crema", "datePublished": "2025-05-12", "author": {"@type": "Person", "name": "Anna Keller"}}))
    a_page("de", "/de/magazin/ernte-in-huila", "Erntezeit in Huila – Alpenröster", """
<div class="story-full">
<h1>Erntezeit in Huila</h1>
<p class="meta">Text und Bilder: Marco Steiner, 28. April 2025</p>
<p>Die Kooperative Los Naranjos liegt auf 1'800 Metern über Meer, eine Stunde Fahrt von Pitalito. Wir waren zwei Wochen dort, während die Pflückerinnen und Pflücker die reifen Kirschen einzeln von Hand ernten.</p>
<p>Nach der Ernte wird der Kaffee noch am selben Tag entpulpt und in Tanks fermentiert. Danach trocknet er zwei Wochen auf erhöhten Betten. Jeder Schritt beeinflusst den Geschmack, den Sie später in der Tasse haben.</p>
<p>Wir zahlen der Kooperative einen festen Preis, der deutlich über dem Weltmarktpreis liegt, und verpflichten uns für drei Jahre. Das gibt den Familien Sicherheit, um in bessere Trocknungsanlagen zu investieren.</p>
<p>Den gewaschenen Huila finden Sie als Filterkaffee in unserem Sortiment.</p>
</div>
<p><a href="/p/8820">Zum Filter Huila</a></p>
""", "article")
    a_page("de", "/de/magazin/wasser-fuer-kaffee", "Welches Wasser für Kaffee? – Alpenröster", """
<article><h1>Welches Wasser für Kaffee?</h1><p class="meta">Von Anna Keller · <time datetime="2025-04-02">2. April 2025</time></p>
<p>Kaffee besteht zu über 98 Prozent aus Wasser. Trotzdem denken die wenigsten darüber nach, welches Wasser sie verwenden. Hartes Wasser dämpft die Säure und lässt Filterkaffee flach schmecken; sehr weiches Wasser macht ihn spitz.</p>
<p>Das Berner Leitungswasser hat eine mittlere Härte und eignet sich gut für Espresso. Für helle Filterröstungen filtern wir es in der Rösterei zusätzlich.</p></article>
""", "article", og_type="article")
    a_page("de", "/de/magazin/roestprofile", "Wie wir Röstprofile entwickeln – Alpenröster", """
<article><h1>Wie wir Röstprofile entwickeln</h1><p class="meta">Von Marco Steiner · <time datetime="2025-03-14">14. März 2025</time></p>
<p>Jede neue Ernte beginnt im Probe-Röster mit 100 Gramm. Wir rösten dieselben Bohnen fünfmal mit unterschiedlichen Kurven und verkosten sie blind.</p>
<p>Das beste Profil übertragen wir auf den grossen Röster. Weil dieser die Wärme anders überträgt, braucht es meist noch drei bis vier Versuche, bis Geschmack und Farbe übereinstimmen.</p></article>
""", "article", og_type="article")
    a_page("fr", "/fr/journal/", "Journal – Alpenröster", """
<h1>Le journal</h1><p class="lead">Récits de la torréfaction et conseils de préparation.</p>
<div class="posts">
  <div class="post-teaser"><h2><a href="/fr/journal/torrefaction-claire">Pourquoi nous torréfions clair</a></h2><p class="date">5 mai 2025</p><p>Une torréfaction claire révèle l'origine.</p><a href="/fr/journal/torrefaction-claire">Lire la suite</a></div>
  <div class="post-teaser"><h2><a href="/fr/journal/moudre-juste">Moudre juste</a></h2><p class="date">10 avril 2025</p><p>Le réglage du moulin en trois étapes.</p><a href="/fr/journal/moudre-juste">Lire la suite</a></div>
</div>
""", "blog_index")
    a_page("fr", "/fr/journal/torrefaction-claire", "Pourquoi nous torréfions clair – Alpenröster", """
<article><h1>Pourquoi nous torréfions clair</h1><p class="meta">Par Claire Dubois · <time datetime="2025-05-05">5 mai 2025</time></p>
<p>Une torréfaction foncée donne à tous les cafés un goût semblable : amer, grillé, chocolaté. Une torréfaction claire laisse au contraire paraître ce qui fait l'origine d'un café, ses fruits et son acidité.</p>
<p>Cela demande des grains de grande qualité, car une torréfaction claire ne cache aucun défaut. C'est pourquoi nous achetons directement auprès de coopératives que nous connaissons.</p></article>
""", "article", og_type="article", head_extra=jsonld({"@context": "https://schema.org", "@type": "Article", "headline": "Pourquoi nous torréfions clair", "inLanguage": "fr"}))
    a_page("fr", "/fr/journal/moudre-juste", "Moudre juste – Alpenröster", """
<div class="story-full"><h1>Moudre juste</h1><p class="meta">Par Claire Dubois, le 10 avril 2025</p>
<p>Le réglage du moulin est la variable la plus importante de votre café. Commencez au milieu de la plage recommandée, goûtez, puis ajustez d'un cran à la fois.</p>
<p>Si le café est acide et aqueux, moulez plus fin. S'il est amer et sec, moulez plus gros. Notez vos réglages pour chaque paquet.</p></div>
""", "article")

    # company
    a_page("de", "/de/ueber-uns", "Über uns – Alpenröster", """
<h1>Über uns</h1>
<p class="lead">Alpenröster ist eine kleine Rösterei im Berner Breitenrain-Quartier. Wir sind zu siebt.</p>
<h2>Unsere Geschichte</h2><p>2014 haben Anna Keller und Marco Steiner mit einem 5-Kilo-Röster in einer Garage begonnen. Heute rösten wir jede Woche rund 400 Kilo für Privatkundinnen, Cafés und Büros.</p>
<h2>Was uns wichtig ist</h2><ul><li>Direkter Handel mit Kooperativen, mehrjährige Verträge</li><li>Frische: Versand am Rösttag</li><li>Transparente Preise: wir veröffentlichen, was wir für Rohkaffee bezahlen</li></ul>
<h2>Das Team</h2><p>Anna (Einkauf und Röstung), Marco (Röstung und Technik), Lea (Kundendienst), Jonas (Versand) und drei Teilzeitkräfte.</p>
""", "about", head_extra=jsonld({"@context": "https://schema.org", "@type": "AboutPage", "name": "Über uns"}))
    a_page("fr", "/fr/a-propos", "À propos – Alpenröster", """
<h1>Qui sommes-nous</h1><p class="lead">Une petite torréfaction du quartier du Breitenrain, à Berne. Nous sommes sept.</p>
<h2>Notre histoire</h2><p>Tout a commencé en 2014 avec un torréfacteur de 5 kilos dans un garage. Aujourd'hui, nous torréfions environ 400 kilos par semaine.</p>
<h2>Nos valeurs</h2><ul><li>Commerce direct avec les coopératives</li><li>Fraîcheur : expédition le jour de la torréfaction</li></ul>
""", "about")
    a_page("de", "/de/kontakt", "Kontakt – Alpenröster", """
<h1>Kontakt</h1>
<p>Fragen zu einer Bestellung, zum Abo oder für Ihr Büro? Wir antworten innert eines Werktags.</p>
<form class="contact-form" action="/de/kontakt" method="post">
  <label>Name <input name="name" required></label>
  <label>E-Mail <input type="email" name="email" required></label>
  <label>Betreff <select name="topic"><option>Bestellung</option><option>Abo</option><option>Büro</option></select></label>
  <label>Nachricht <textarea name="message" rows="6"></textarea></label>
  <button>Senden</button>
</form>
<h2>Rösterei und Laden</h2>
<address>Alpenröster GmbH<br>Röstereiweg 4<br>3013 Bern</address>
<p>Telefon <a href="tel:+41315550123">031 555 01 23</a><br>Öffnungszeiten Laden: Di–Sa 9–17 Uhr</p>
""", "contact")
    a_page("fr", "/fr/contact", "Contact – Alpenröster", """
<h1>Nous contacter</h1>
<p>Une question sur une commande ou sur l'abonnement ? Nous répondons en un jour ouvrable.</p>
<form action="/fr/contact" method="post"><label>Nom <input name="nom"></label><label>E-mail <input type="email" name="email"></label>
<label>Message <textarea name="message"></textarea></label><button>Envoyer</button></form>
<address>Alpenröster Sàrl, Röstereiweg 4, 3013 Berne</address><p>Téléphone : <a href="tel:+41315550123">031 555 01 23</a></p>
""", "contact")

    # legal
    a_page("de", "/i/17", "Impressum – Alpenröster", """
<h1>Impressum</h1>
<h2>Verantwortlich für den Inhalt</h2>
<p>Alpenröster GmbH<br>Röstereiweg 4<br>3013 Bern<br>Schweiz</p>
<p>Geschäftsführung: Anna Keller, Marco Steiner<br>Handelsregister: CHE-123.456.789<br>MWST-Nummer: CHE-123.456.789 MWST</p>
<h2>Haftungsausschluss</h2>
<p>Der Autor übernimmt keine Gewähr für die Richtigkeit, Genauigkeit, Aktualität, Zuverlässigkeit und Vollständigkeit der Informationen. Haftungsansprüche gegen den Autor wegen Schäden materieller oder immaterieller Art, welche aus dem Zugriff oder der Nutzung der veröffentlichten Informationen entstanden sind, werden ausgeschlossen.</p>
<h2>Urheberrechte</h2>
<p>Die Urheber- und alle anderen Rechte an Inhalten, Bildern, Fotos oder anderen Dateien auf dieser Website gehören ausschliesslich der Alpenröster GmbH.</p>
""", "legal")
    a_page("de", "/de/datenschutz", "Datenschutzerklärung – Alpenröster", """
<h1>Datenschutzerklärung</h1>
<p>Stand: 1. Januar 2025</p>
<h2>1. Verantwortliche Stelle</h2><p>Verantwortlich für die Bearbeitung Ihrer Personendaten ist die Alpenröster GmbH, Röstereiweg 4, 3013 Bern.</p>
<h2>2. Welche Daten wir bearbeiten</h2><p>Bei einer Bestellung bearbeiten wir Name, Adresse, E-Mail-Adresse und Zahlungsinformationen. Diese Daten verwenden wir ausschliesslich zur Abwicklung der Bestellung gemäss dem Schweizer Datenschutzgesetz (DSG) und, soweit anwendbar, der DSGVO.</p>
<h2>3. Cookies</h2><p>Unsere Website verwendet technisch notwendige Cookies für den Warenkorb. Analyse-Cookies setzen wir nur mit Ihrer Einwilligung.</p>
<h2>4. Ihre Rechte</h2><p>Sie haben das Recht auf Auskunft, Berichtigung und Löschung Ihrer Daten. Wenden Sie sich an datenschutz@alpenroester.example.</p>
""", "legal")
    a_page("de", "/de/agb", "Allgemeine Geschäftsbedingungen – Alpenröster", """
<h1>Allgemeine Geschäftsbedingungen (AGB)</h1>
<h2>§ 1 Geltungsbereich</h2><p>Diese AGB gelten für alle Bestellungen über den Online-Shop der Alpenröster GmbH.</p>
<h2>§ 2 Vertragsschluss</h2><p>Mit dem Absenden der Bestellung geben Sie ein verbindliches Angebot ab. Der Vertrag kommt mit unserer Versandbestätigung zustande.</p>
<h2>§ 3 Preise und Zahlung</h2><p>Alle Preise verstehen sich in Schweizer Franken inklusive Mehrwertsteuer. Die Zahlung erfolgt per Kreditkarte, TWINT oder Rechnung.</p>
<h2>§ 4 Gewährleistung</h2><p>Es gelten die gesetzlichen Bestimmungen des Obligationenrechts.</p>
<h2>§ 5 Gerichtsstand</h2><p>Gerichtsstand ist Bern. Es gilt Schweizer Recht.</p>
""", "legal")
    a_page("de", "/de/versand", "Versand & Rückgabe – Alpenröster", """
<h1>Versand und Rückgabe</h1>
<h2>Versandkosten</h2><table><tr><td>Bis CHF 60</td><td>CHF 7.00</td></tr><tr><td>Ab CHF 60</td><td>gratis</td></tr></table>
<h2>Lieferzeit</h2><p>Wir versenden am Rösttag mit der Post A-Post. Die Lieferung dauert in der Regel ein bis zwei Werktage.</p>
<h2>Rückgabe</h2><p>Ungeöffnete Zubehör-Artikel können Sie innert 30 Tagen zurücksenden. Kaffee ist von der Rückgabe ausgeschlossen.</p>
""", "other", alt=["legal"])
    a_page("fr", "/fr/mentions-legales", "Mentions légales – Alpenröster", """
<h1>Mentions légales</h1>
<h2>Éditeur du site</h2><p>Alpenröster Sàrl, Röstereiweg 4, 3013 Berne, Suisse. IDE : CHE-123.456.789.</p>
<h2>Responsabilité</h2><p>Les informations publiées sur ce site le sont à titre indicatif. Alpenröster ne saurait être tenue responsable des dommages résultant de leur utilisation.</p>
<h2>Propriété intellectuelle</h2><p>Tous les contenus de ce site sont la propriété exclusive d'Alpenröster Sàrl.</p>
""", "legal")
    a_page("fr", "/fr/confidentialite", "Politique de confidentialité – Alpenröster", """
<h1>Politique de confidentialité</h1>
<h2>Données personnelles collectées</h2><p>Lors d'une commande, nous traitons vos nom, adresse, e-mail et données de paiement, conformément à la loi fédérale sur la protection des données (LPD) et au RGPD.</p>
<h2>Cookies</h2><p>Nous utilisons uniquement des cookies nécessaires au panier, sauf consentement de votre part.</p>
<h2>Vos droits</h2><p>Vous disposez d'un droit d'accès, de rectification et d'effacement.</p>
""", "legal")

    # careers
    a_page("de", "/de/karriere", "Karriere – Alpenröster", """
<h1>Karriere bei Alpenröster</h1>
<p class="lead">Wir wachsen langsam, aber stetig. Aktuell suchen wir Verstärkung:</p>
<h2>Offene Stellen</h2>
<ul class="jobs"><li><a href="/de/karriere/roester-in">Röster/in 80–100 %</a> · Bern · ab August</li>
<li><a href="/de/karriere/ladenmitarbeiter-in">Mitarbeiter/in Laden und Versand 50 %</a> · Bern</li></ul>
<p>Keine passende Stelle? Senden Sie uns eine Spontanbewerbung an jobs@alpenroester.example.</p>
""", "careers")
    a_page("de", "/de/karriere/roester-in", "Röster/in 80–100 % – Karriere – Alpenröster", """
<h1>Röster/in 80–100 %</h1><p>Bern · Festanstellung · Stellenantritt August 2025</p>
<h2>Deine Aufgaben</h2><ul><li>Röstung nach definierten Profilen auf unserem 15-kg-Röster</li><li>Qualitätskontrolle und Verkostung</li><li>Pflege der Maschinen</li></ul>
<h2>Was du mitbringst</h2><ul><li>Erfahrung in der Lebensmittelproduktion oder Gastronomie</li><li>Freude an Kaffee und genauer Arbeit</li></ul>
<h2>Was wir bieten</h2><p>Fünf Wochen Ferien, Weiterbildung zum Q-Grader, ein kleines, engagiertes Team.</p>
<p><a href="mailto:jobs@alpenroester.example">Jetzt bewerben</a></p>
""", "careers", head_extra=jsonld({"@context": "https://schema.org", "@type": "JobPosting", "title": "Röster/in 80–100 %",
        "datePosted": "2025-05-01", "employmentType": "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": "Alpenröster GmbH"},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Bern", "addressCountry": "CH"}}}))
    a_page("de", "/de/karriere/ladenmitarbeiter-in", "Mitarbeiter/in Laden und Versand – Alpenröster", """
<h1>Mitarbeiter/in Laden und Versand 50 %</h1><p>Bern · Teilzeit</p>
<h2>Aufgaben</h2><ul><li>Beratung im Laden</li><li>Verpacken und Versenden der Bestellungen</li></ul>
<h2>Profil</h2><ul><li>Freundlich, zuverlässig, Deutsch und Französisch</li></ul>
<p>Bewerbung mit Lebenslauf an <a href="mailto:jobs@alpenroester.example">jobs@alpenroester.example</a>.</p>
""", "careers")
    a_page("fr", "/fr/emplois", "Emplois – Alpenröster", """
<h1>Rejoignez-nous</h1><p class="lead">Postes ouverts à Berne :</p>
<ul><li><a href="/de/karriere/roester-in">Torréfacteur/trice 80–100 %</a> (annonce en allemand)</li></ul>
<p>Candidature spontanée : jobs@alpenroester.example</p>
""", "careers")

    # help centre (docs)
    a_page("de", "/de/hilfe/", "Hilfe – Alpenröster", """
<h1>Hilfe-Center</h1>
<div class="help-layout"><aside class="help-nav"><h3>Themen</h3><ul>
<li><a href="/de/hilfe/">Übersicht</a></li><li><a href="/de/hilfe/bruehanleitung">Brühanleitung Handfilter</a></li><li><a href="/de/hilfe/abo-verwalten">Abo verwalten</a></li><li><a href="/de/versand">Versand</a></li></ul></aside>
<div class="help-main"><p>Anleitungen und Antworten rund um Bestellung, Abo und Zubereitung.</p>
<h2>Beliebte Artikel</h2><ul><li><a href="/de/hilfe/bruehanleitung">So gelingt Filterkaffee</a></li><li><a href="/de/hilfe/abo-verwalten">Abo pausieren oder ändern</a></li></ul></div></div>
""", "docs")
    a_page("de", "/de/hilfe/bruehanleitung", "Brühanleitung Handfilter – Hilfe – Alpenröster", """
<div class="help-layout"><aside class="help-nav"><h3>Themen</h3><ul>
<li><a href="/de/hilfe/">Übersicht</a></li><li><a href="/de/hilfe/bruehanleitung">Brühanleitung Handfilter</a></li><li><a href="/de/hilfe/abo-verwalten">Abo verwalten</a></li></ul></aside>
<div class="help-main"><nav class="crumbs"><a href="/de/hilfe/">Hilfe</a> › Zubereitung</nav>
<h1>Brühanleitung Handfilter</h1>
<ol><li>15 g Kaffee mittelfein mahlen.</li><li>Filter mit heissem Wasser spülen.</li><li>30 g Wasser (94 °C) aufgiessen, 30 Sekunden warten.</li><li>In drei Etappen auf 250 g auffüllen.</li><li>Gesamtzeit: 2:30 bis 3:00 Minuten.</li></ol>
<p>Läuft der Kaffee zu schnell durch, feiner mahlen; zu langsam, gröber mahlen.</p></div></div>
""", "docs", alt=["article"])
    a_page("de", "/de/hilfe/abo-verwalten", "Abo verwalten – Hilfe – Alpenröster", """
<div class="help-layout"><aside class="help-nav"><h3>Themen</h3><ul>
<li><a href="/de/hilfe/">Übersicht</a></li><li><a href="/de/hilfe/bruehanleitung">Brühanleitung Handfilter</a></li><li><a href="/de/hilfe/abo-verwalten">Abo verwalten</a></li></ul></aside>
<div class="help-main"><nav class="crumbs"><a href="/de/hilfe/">Hilfe</a> › Abo</nav>
<h1>Abo pausieren, ändern oder kündigen</h1>
<p>Melden Sie sich in Ihrem Konto an und öffnen Sie <em>Mein Abo</em>.</p>
<ol><li>Pausieren: wählen Sie den Monat, ab dem keine Lieferung kommen soll.</li><li>Ändern: wählen Sie eine andere Grösse oder Sorte.</li><li>Kündigen: auf Ende des laufenden Monats.</li></ol></div></div>
""", "docs")
    a_page("fr", "/fr/aide/", "Aide – Alpenröster", """
<h1>Centre d'aide</h1><aside class="help-nav"><ul><li><a href="/fr/aide/guide-infusion">Guide d'infusion</a></li></ul></aside>
<p>Modes d'emploi et réponses sur les commandes et l'abonnement.</p>
<ul><li><a href="/fr/aide/guide-infusion">Réussir son café filtre</a></li></ul>
""", "docs")
    a_page("fr", "/fr/aide/guide-infusion", "Guide d'infusion – Aide – Alpenröster", """
<nav class="crumbs"><a href="/fr/aide/">Aide</a> › Préparation</nav>
<h1>Guide d'infusion au filtre</h1>
<ol><li>Moudre 15 g de café, mouture moyenne.</li><li>Rincer le filtre à l'eau chaude.</li><li>Verser 30 g d'eau à 94 °C et attendre 30 secondes.</li><li>Compléter jusqu'à 250 g en trois fois.</li></ol>
""", "docs", alt=["article"])

    # other
    a_page("de", "/de/warenkorb", "Warenkorb – Alpenröster", """
<h1>Warenkorb</h1><p>Ihr Warenkorb ist leer.</p><p><a href="/de/kaffee/">Weiter einkaufen</a></p>
""", "other")
    a_page("de", "/de/konto/anmelden", "Anmelden – Alpenröster", """
<h1>Anmelden</h1>
<form action="/de/konto/anmelden" method="post"><label>E-Mail <input type="email" name="email"></label><label>Passwort <input type="password" name="password"></label><button>Anmelden</button></form>
<p><a href="/de/konto/registrieren">Neues Konto erstellen</a></p>
""", "other")
    a_page("de", "/de/konto/registrieren", "Konto erstellen – Alpenröster", """
<h1>Konto erstellen</h1>
<form action="/de/konto/registrieren" method="post"><label>Vorname <input name="first"></label><label>Nachname <input name="last"></label><label>E-Mail <input type="email" name="email"></label><label>Passwort <input type="password" name="password"></label><button>Registrieren</button></form>
""", "other")
    a_page("fr", "/fr/panier", "Panier – Alpenröster", """
<h1>Votre panier</h1><p>Votre panier est vide.</p><p><a href="/fr/cafe/">Continuer mes achats</a></p>
""", "other")
    a_page("fr", "/fr/compte/connexion", "Connexion – Alpenröster", """
<h1>Connexion</h1><form action="/fr/compte/connexion" method="post"><label>E-mail <input type="email" name="email"></label><label>Mot de passe <input type="password" name="password"></label><button>Se connecter</button></form>
""", "other")

    site = os.path.join(HERE, A)
    os.makedirs(os.path.join(site, "assets"), exist_ok=True)
    with open(os.path.join(site, "assets", "shop.css"), "w") as f:
        f.write("body{font-family:sans-serif;margin:0}.masthead{display:flex;gap:2em;padding:1em}.menu{display:flex;gap:1em;list-style:none}"
                ".tiles{display:grid;grid-template-columns:repeat(3,1fr);gap:1em}.tile{border:1px solid #ddd;padding:1em}"
                ".abo-grid{display:flex;gap:1em}.help-layout{display:flex;gap:2em}\n")
    with open(os.path.join(site, "assets", "logo.svg"), "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="32"><text x="0" y="24" font-size="22">Alpenröster</text></svg>\n')
    with open(os.path.join(site, "assets", "bag.svg"), "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="240"><rect width="200" height="240" fill="#8a5a3c"/></svg>\n')
    with open(os.path.join(site, "robots.txt"), "w") as f:
        f.write(f"User-agent: *\nDisallow: /de/warenkorb?\nDisallow: /fr/panier?\nDisallow: /*?sort=\n\nSitemap: {ORIGIN}/sitemap.xml\n")
    finish(A, A_LABELS, A_ALT, must_not=["/de/warenkorb?", "/*?sort="])


# ---------------------------------------------------------------------------------------------------------------------
# nubeclara: Spanish invoicing SaaS
# ---------------------------------------------------------------------------------------------------------------------

N = "nubeclara"
N_LABELS = {}
N_ALT = {}
N_MENU = [("/producto/", "Producto"), ("/soluciones/autonomos", "Soluciones"), ("/precios", "Precios"),
          ("/documentacion/", "Documentación"), ("/blog/", "Blog"), ("/sobre-nosotros", "Empresa")]
N_FOOTER = [("/sobre-nosotros", "Quiénes somos"), ("/equipo", "Equipo"), ("/empleo", "Trabaja con nosotros"), ("/contacto", "Contacto"),
            ("/casos-de-exito/", "Casos de éxito"), ("/novedades-del-producto", "Novedades del producto"), ("/estado", "Estado del servicio"),
            ("/aviso-legal", "Aviso legal"), ("/politica-de-privacidad", "Privacidad"), ("/politica-de-cookies", "Cookies"),
            ("/terminos-y-condiciones", "Términos y condiciones")]


def n_page(path, title, main, label, desc="", head_extra="", alt=None, og_type="website", layout=""):
    N_LABELS[path] = label
    if alt:
        N_ALT[path] = alt
    menu = "\n".join(f'      <a class="nav-link" href="{h}">{t}</a>' for h, t in N_MENU)
    foot = "\n".join(f'      <li><a href="{h}">{t}</a></li>' for h, t in N_FOOTER)
    write(N, path, f"""<!doctype html>
<html lang="es">
<head>
  <meta charset="utf-8">
  <title>{title} · Nubeclara</title>
  <meta name="description" content="{desc}">
  <meta property="og:type" content="{og_type}">
  <meta property="og:title" content="{title}">
  <meta property="og:locale" content="es_ES">
  <link rel="canonical" href="{ORIGIN}{path}">
  <link rel="stylesheet" href="/static/app.css">
{head_extra}</head>
<body>
  <nav class="navbar" role="navigation">
    <a class="navbar-brand" href="/">nubeclara</a>
    <div class="navbar-nav">
{menu}
    </div>
    <a class="btn btn-outline" href="/acceso">Iniciar sesión</a>
    <a class="btn btn-primary" href="/registro">Prueba gratis</a>
  </nav>
  <main class="container {layout}">
{main}
  </main>
  <footer class="footer">
    <ul class="footer-links">
{foot}
    </ul>
    <p>© 2025 Nubeclara Software S.L. · Calle de la Nube 12, 46001 València · <a href="tel:+34960000000">960 000 000</a></p>
  </footer>
</body>
</html>
""")


def n_docs_nav(current):
    items = [("/documentacion/", "Introducción"), ("/documentacion/primeros-pasos", "Primeros pasos"),
             ("/documentacion/facturas/series", "Series de facturación"), ("/documentacion/api/", "API REST"),
             ("/documentacion/api/autenticacion", "Autenticación"), ("/documentacion/api/webhooks", "Webhooks")]
    lis = "".join(f'<li class="{"active" if h == current else ""}"><a href="{h}">{t}</a></li>' for h, t in items)
    return f'<div class="sidebar"><p class="sidebar-title">Documentación</p><ul>{lis}</ul></div>'


def build_nubeclara():
    shutil.rmtree(os.path.join(HERE, N), ignore_errors=True)
    n_page("/", "Facturación online para autónomos y pymes", """
    <section class="jumbotron">
      <h1>Factura en dos minutos y cobra antes</h1>
      <p>Nubeclara crea, envía y concilia tus facturas. Cumple con VeriFactu y TicketBAI desde el primer día.</p>
      <a class="btn btn-primary btn-lg" href="/registro">Empieza gratis 30 días</a>
      <a class="btn btn-outline btn-lg" href="/contacto?motivo=demo">Pide una demo</a>
    </section>
    <section class="row">
      <div class="col"><h3>Facturas</h3><p>Plantillas, series y recordatorios automáticos.</p><a href="/producto/facturas">Ver más</a></div>
      <div class="col"><h3>Gastos</h3><p>Fotografía el tique y Nubeclara lo contabiliza.</p><a href="/producto/gastos">Ver más</a></div>
      <div class="col"><h3>Para autónomos</h3><p>Modelos 130 y 303 preparados cada trimestre.</p><a href="/soluciones/autonomos">Ver más</a></div>
    </section>
    <section><h2>Lo último del blog</h2><ul><li><a href="/blog/verifactu-2026">VeriFactu en 2026: qué cambia</a></li><li><a href="/node/118">Cómo cobrar antes sin perder clientes</a></li></ul></section>
""", "home", desc="Software de facturación en la nube.", head_extra=jsonld({"@context": "https://schema.org", "@type": "Organization",
        "name": "Nubeclara Software S.L.", "url": ORIGIN + "/"}))

    n_page("/precios", "Precios", """
    <div class="text-center"><h1>Planes y precios</h1><p class="lead">Sin permanencia. IVA no incluido. Cambia de plan cuando quieras.</p>
    <p><a href="/precios?facturacion=anual">Pago anual (2 meses gratis)</a> · <a href="/precios?facturacion=mensual">Pago mensual</a></p></div>
    <div class="card-deck">
      <div class="card"><h3>Básico</h3><p class="card-price">9 €<small>/mes</small></p><ul><li>1 usuario</li><li>50 facturas al mes</li></ul><a class="btn" href="/registro?plan=basico">Elegir Básico</a></div>
      <div class="card"><h3>Profesional</h3><p class="card-price">24 €<small>/mes</small></p><ul><li>3 usuarios</li><li>Facturas ilimitadas</li><li>Gastos con OCR</li></ul><a class="btn btn-primary" href="/registro?plan=profesional">Elegir Profesional</a></div>
      <div class="card"><h3>Empresa</h3><p class="card-price">59 €<small>/mes</small></p><ul><li>Usuarios ilimitados</li><li>API y webhooks</li><li>Gestor de cuenta</li></ul><a class="btn" href="/contacto?motivo=ventas">Hablar con ventas</a></div>
    </div>
    <h2>Preguntas frecuentes</h2>
    <h4>¿Puedo cancelar en cualquier momento?</h4><p>Sí, la cancelación es inmediata y no hay penalización.</p>
    <h4>¿Qué pasa al terminar la prueba?</h4><p>Elige un plan o tu cuenta pasa a solo lectura.</p>
""", "pricing", head_extra=jsonld({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
        {"@type": "Question", "name": "¿Puedo cancelar en cualquier momento?", "acceptedAnswer": {"@type": "Answer", "text": "Sí."}}]}))

    n_page("/producto/", "Producto", """
    <h1>Todo lo que necesitas para facturar</h1>
    <p class="lead">Una sola herramienta para facturas, gastos, impuestos y cobros.</p>
    <div class="row">
      <div class="col"><h2><a href="/producto/facturas">Facturas</a></h2><p>Crea facturas con tu logo, envíalas por correo y recibe el pago con tarjeta o Bizum.</p></div>
      <div class="col"><h2><a href="/producto/gastos">Gastos</a></h2><p>Digitaliza tiques con el móvil y concilia con tu banco.</p></div>
      <div class="col"><h2><a href="/producto/impuestos">Impuestos</a></h2><p>Borradores de los modelos 303, 130 y 347.</p></div>
    </div>
    <p><a class="btn btn-primary" href="/registro">Probar gratis</a></p>
""", "product", alt=["category"], head_extra=jsonld({"@context": "https://schema.org", "@type": "SoftwareApplication",
        "name": "Nubeclara", "applicationCategory": "BusinessApplication", "operatingSystem": "Web",
        "offers": {"@type": "Offer", "price": "9", "priceCurrency": "EUR"}}))
    n_page("/producto/facturas", "Facturas", """
    <h1>Facturas que se cobran solas</h1>
    <p class="lead">Diseña tu plantilla una vez y olvídate.</p>
    <h2>Series y numeración</h2><p>Numeración correlativa por serie, rectificativas y facturas simplificadas.</p>
    <h2>Recordatorios</h2><p>Nubeclara avisa a tus clientes antes y después del vencimiento, con el tono que elijas.</p>
    <h2>Cobro online</h2><p>Añade un botón de pago con tarjeta o Bizum a cada factura.</p>
    <p><a class="btn btn-primary" href="/registro">Empieza gratis</a> <a href="/documentacion/facturas/series">Cómo configurar series</a></p>
""", "product")
    n_page("/producto/gastos", "Gastos", """
    <h1>Gastos sin papeles</h1>
    <p class="lead">Haz una foto al tique y Nubeclara extrae proveedor, fecha, base e IVA.</p>
    <h2>Conciliación bancaria</h2><p>Conecta tu banco y empareja cada movimiento con su factura o gasto.</p>
    <p><a class="btn btn-primary" href="/registro">Pruébalo</a></p>
""", "product")
    n_page("/producto/impuestos", "Impuestos", """
    <h1>Impuestos trimestrales, preparados</h1>
    <p class="lead">Nubeclara calcula los modelos 303 y 130 con tus facturas y gastos.</p>
    <h2>Para tu gestoría</h2><p>Invita a tu gestor con acceso de solo lectura y exporta los libros registro.</p>
""", "product")
    n_page("/soluciones/autonomos", "Nubeclara para autónomos", """
    <h1>La facturación del autónomo, resuelta</h1>
    <p class="lead">Pensado para diseñadores, fisioterapeutas, fontaneros y cualquiera que trabaje por su cuenta.</p>
    <div class="row"><div class="col"><h3>Retención de IRPF</h3><p>Calculada automáticamente en cada factura.</p></div>
    <div class="col"><h3>Modelo 130</h3><p>Listo para presentar cada trimestre.</p></div></div>
    <p><a class="btn btn-primary" href="/registro">Empieza gratis</a> · <a href="/precios">Ver precios</a></p>
""", "product", alt=["other"])

    # docs
    n_page("/documentacion/", "Documentación", f"""
    <div class="docs">{n_docs_nav('/documentacion/')}
    <div class="docs-content"><h1>Documentación de Nubeclara</h1>
    <p>Guías para configurar tu cuenta y referencia de la API REST.</p>
    <h2>Empieza aquí</h2><ul><li><a href="/documentacion/primeros-pasos">Primeros pasos</a></li><li><a href="/documentacion/api/">Referencia de la API</a></li></ul></div></div>
""", "docs", layout="docs-page")
    n_page("/documentacion/primeros-pasos", "Primeros pasos", f"""
    <div class="docs">{n_docs_nav('/documentacion/primeros-pasos')}
    <div class="docs-content"><ol class="breadcrumb"><li><a href="/documentacion/">Documentación</a></li><li>Primeros pasos</li></ol>
    <h1>Primeros pasos</h1>
    <p>En esta guía configurarás los datos fiscales de tu empresa y emitirás tu primera factura.</p>
    <h2>1. Datos fiscales</h2><p>Ve a <strong>Ajustes → Empresa</strong> e introduce tu NIF, razón social y dirección.</p>
    <h2>2. Tu primera factura</h2><p>Pulsa <strong>Nueva factura</strong>, elige un cliente y añade las líneas.</p>
    <h2>3. Envío</h2><p>Al pulsar <strong>Enviar</strong>, el cliente recibe un enlace para ver y pagar la factura.</p></div></div>
""", "docs", layout="docs-page")
    n_page("/documentacion/facturas/series", "Series de facturación", f"""
    <div class="docs">{n_docs_nav('/documentacion/facturas/series')}
    <div class="docs-content"><ol class="breadcrumb"><li><a href="/documentacion/">Documentación</a></li><li>Facturas</li></ol>
    <h1>Series de facturación</h1><p>Cada serie tiene su propio prefijo y contador.</p>
    <table><tr><th>Campo</th><th>Descripción</th></tr><tr><td>Prefijo</td><td>Texto antes del número, p. ej. <code>2025-A</code></td></tr><tr><td>Siguiente número</td><td>Se incrementa al emitir</td></tr></table></div></div>
""", "docs", layout="docs-page")
    n_page("/documentacion/api/", "API REST", f"""
    <div class="docs">{n_docs_nav('/documentacion/api/')}
    <div class="docs-content"><h1>API REST</h1><p>La API de Nubeclara usa JSON sobre HTTPS. URL base:</p>
    <pre><code>https://api.nubeclara.example/v2</code></pre>
    <h2>Recursos</h2><ul><li><code>/invoices</code>: facturas</li><li><code>/contacts</code>: clientes y proveedores</li><li><code>/expenses</code>: gastos</li></ul>
    <p>Sigue con <a href="/documentacion/api/autenticacion">Autenticación</a>.</p></div></div>
""", "docs", layout="docs-page")
    n_page("/documentacion/api/autenticacion", "Autenticación", f"""
    <div class="docs">{n_docs_nav('/documentacion/api/autenticacion')}
    <div class="docs-content"><h1>Autenticación</h1>
    <p>Cada petición lleva una clave de API en la cabecera <code>Authorization</code>.</p>
    <pre><code>curl https://api.nubeclara.example/v2/invoices \\
  -H "Authorization: Bearer nc_live_..."</code></pre>
    <h2>Errores</h2><p>Una clave inválida devuelve <code>401</code>; una clave sin permiso, <code>403</code>.</p></div></div>
""", "docs", layout="docs-page", head_extra=jsonld({"@context": "https://schema.org", "@type": "TechArticle", "headline": "Autenticación"}))
    n_page("/documentacion/api/webhooks", "Webhooks", f"""
    <div class="docs">{n_docs_nav('/documentacion/api/webhooks')}
    <div class="docs-content"><h1>Webhooks</h1><p>Nubeclara envía un <code>POST</code> a tu URL cuando una factura se paga.</p>
    <pre><code>{{"event": "invoice.paid", "invoice_id": "inv_123"}}</code></pre>
    <p>Verifica la firma de la cabecera <code>X-Nubeclara-Signature</code>.</p></div></div>
""", "docs", layout="docs-page")
    n_page("/ayuda/exportar-a-excel", "Exportar facturas a Excel", """
    <ol class="breadcrumb"><li><a href="/documentacion/">Centro de ayuda</a></li><li>Exportar</li></ol>
    <h1>¿Cómo exporto mis facturas a Excel?</h1>
    <p>Desde el listado de facturas, filtra por fechas y pulsa <strong>Exportar → Excel</strong>. El archivo incluye una fila por factura con base, IVA y total.</p>
    <p>¿Necesitas más ayuda? <a href="/contacto">Escríbenos</a>.</p>
""", "docs", alt=["other"])

    # blog
    posts = [
        ("/blog/verifactu-2026", "VeriFactu en 2026: qué cambia para tu facturación", "Lucía Ortega", "2025-05-20", True,
         ["Desde 2026, todo software de facturación deberá cumplir el reglamento VeriFactu. Cada factura llevará un código QR y un registro encadenado que impide modificarla después.",
          "Si usas Nubeclara no tienes que hacer nada: activaremos el envío a la Agencia Tributaria automáticamente. Si facturas con hojas de cálculo, este es el momento de cambiar.",
          "En este artículo repasamos los plazos, las sanciones y las preguntas que más nos hacéis."]),
        ("/node/118", "Cómo cobrar antes sin perder clientes", "Javier Peña", "2025-04-30", False,
         ["El plazo medio de cobro de una pyme española supera los 80 días. Tres cambios pequeños lo reducen mucho.",
          "Primero, envía la factura el mismo día que terminas el trabajo. Segundo, ofrece pago con tarjeta. Tercero, programa un recordatorio amable tres días antes del vencimiento.",
          "Nuestros clientes que activan los recordatorios cobran de media doce días antes."]),
        ("/blog/iva-intracomunitario", "IVA intracomunitario explicado con ejemplos", "Lucía Ortega", "2025-04-02", True,
         ["Vender a una empresa de otro país de la UE tiene reglas propias. La factura va sin IVA, con la mención inversión del sujeto pasivo.",
          "Antes, comprueba que tu cliente está dado de alta en el VIES."]),
        ("/node/97", "Cinco plantillas de factura para diseñadores", "Marta Gil", "2025-03-11", False,
         ["Una factura clara también es parte de tu marca. Te enseñamos cinco plantillas que han diseñado nuestros usuarios.",
          "Todas están disponibles en la galería de plantillas de Nubeclara."]),
    ]
    for path, title, author, date, with_ld, paras in posts:
        ld = ""
        if with_ld:
            ld = jsonld({"@context": "https://schema.org", "@type": "BlogPosting", "headline": title, "datePublished": date,
                         "author": {"@type": "Person", "name": author}})
        body = "".join(f"<p>{p}</p>" for p in paras)
        n_page(path, title, f"""
    <div class="post">
      <h1 class="post-title">{title}</h1>
      <div class="post-meta">Por <span class="author">{author}</span> · <span class="date">{date}</span> · <a href="/blog/categoria/novedades">Novedades</a></div>
      <div class="post-body">{body}</div>
      <div class="share">Comparte: <a href="https://twitter.example/intent?u={path}">X</a></div>
    </div>
    <p><a href="/blog/">Volver al blog</a></p>
""", "article", og_type="article", head_extra=ld + f'  <meta property="article:published_time" content="{date}T08:00:00+02:00">\n')

    def teaser(path, title, date, text):
        return f'<div class="post-card"><h2><a href="{path}">{title}</a></h2><span class="date">{date}</span><p>{text}</p></div>'
    n_page("/blog/", "Blog", f"""
    <h1>Blog de Nubeclara</h1><p class="lead">Facturación, impuestos y gestión para autónomos y pymes.</p>
    <div class="post-list">
    {teaser('/blog/verifactu-2026', 'VeriFactu en 2026: qué cambia', '20 de mayo de 2025', 'Plazos, sanciones y preguntas frecuentes.')}
    {teaser('/node/118', 'Cómo cobrar antes sin perder clientes', '30 de abril de 2025', 'Tres cambios pequeños que reducen el plazo de cobro.')}
    {teaser('/blog/iva-intracomunitario', 'IVA intracomunitario explicado', '2 de abril de 2025', 'Vender a empresas de la UE sin errores.')}
    </div>
    <ul class="pagination"><li class="active">1</li><li><a href="/blog/pagina/2">2</a></li><li><a href="/blog/pagina/2">Siguiente »</a></li></ul>
""", "blog_index", head_extra=f'  <link rel="next" href="{ORIGIN}/blog/pagina/2">\n')
    n_page("/blog/pagina/2", "Blog – página 2", f"""
    <h1>Blog de Nubeclara</h1><p>Página 2</p>
    <div class="post-list">
    {teaser('/node/97', 'Cinco plantillas de factura para diseñadores', '11 de marzo de 2025', 'Plantillas de nuestros usuarios.')}
    </div>
    <ul class="pagination"><li><a href="/blog/">« Anterior</a></li><li class="active">2</li></ul>
""", "blog_index", head_extra=f'  <link rel="prev" href="{ORIGIN}/blog/">\n')
    n_page("/blog/categoria/novedades", "Novedades", f"""
    <h1>Categoría: Novedades</h1>
    <div class="post-list">
    {teaser('/blog/verifactu-2026', 'VeriFactu en 2026: qué cambia', '20 de mayo de 2025', 'Plazos y sanciones.')}
    {teaser('/node/118', 'Cómo cobrar antes sin perder clientes', '30 de abril de 2025', 'Tres cambios pequeños.')}
    </div>
""", "category", alt=["blog_index"])
    n_page("/casos-de-exito/", "Casos de éxito", f"""
    <h1>Casos de éxito</h1><p class="lead">Cómo trabajan con Nubeclara nuestros clientes.</p>
    <div class="post-list">
    {teaser('/casos-de-exito/panaderia-lucia', 'Panadería Lucía: de la libreta a la nube', '2 de febrero de 2025', 'Tres tiendas, una sola facturación.')}
    {teaser('/casos-de-exito/estudio-norte', 'Estudio Norte factura en inglés y en euros', '9 de enero de 2025', 'Un estudio de arquitectura con clientes en Europa.')}
    </div>
""", "blog_index", alt=["category"])
    for path, title, date, paras in [
        ("/casos-de-exito/panaderia-lucia", "Panadería Lucía: de la libreta a la nube", "2025-02-02",
         ["Lucía Romero abrió su primera panadería en Ruzafa en 2015. Hoy tiene tres tiendas y un obrador que sirve a veinte cafeterías.",
          "«Antes hacía las facturas de las cafeterías a mano cada viernes. Ahora se generan solas a fin de mes», explica.",
          "Con los recordatorios automáticos, el plazo de cobro bajó de 45 a 18 días."]),
        ("/casos-de-exito/estudio-norte", "Estudio Norte factura en inglés y en euros", "2025-01-09",
         ["Estudio Norte es un despacho de arquitectura de Bilbao con clientes en Alemania y Países Bajos.",
          "Usan plantillas bilingües y el IVA intracomunitario se aplica solo al elegir un cliente de la UE."]),
    ]:
        n_page(path, title, f"""
    <div class="post"><p class="kicker">Caso de éxito</p><h1 class="post-title">{title}</h1><div class="post-meta"><span class="date">{date}</span></div>
    <div class="post-body">{''.join(f'<p>{p}</p>' for p in paras)}</div></div>
""", "article", og_type="article")

    # company
    n_page("/sobre-nosotros", "Sobre nosotros", """
    <h1>Sobre nosotros</h1>
    <p class="lead">Nubeclara nació en València en 2018 porque facturar no debería quitarle tiempo a nadie.</p>
    <h2>Nuestra misión</h2><p>Que cualquier autónomo pueda llevar sus facturas e impuestos sin miedo y sin hojas de cálculo.</p>
    <h2>En cifras</h2><ul><li>42.000 empresas usuarias</li><li>31 personas en el equipo</li><li>Oficinas en València y Bilbao</li></ul>
    <p><a href="/equipo">Conoce al equipo</a> · <a href="/empleo">Trabaja con nosotros</a></p>
""", "about", head_extra=jsonld({"@context": "https://schema.org", "@type": "AboutPage", "name": "Sobre nosotros"}))
    n_page("/equipo", "Equipo", """
    <h1>El equipo</h1>
    <div class="row"><div class="col"><h3>Lucía Ortega</h3><p>Cofundadora y directora general. Antes, asesora fiscal durante diez años.</p></div>
    <div class="col"><h3>Javier Peña</h3><p>Cofundador y director técnico.</p></div>
    <div class="col"><h3>Marta Gil</h3><p>Diseño de producto.</p></div></div>
""", "about", alt=["other"])
    n_page("/contacto", "Contacto", """
    <h1>Contacta con nosotros</h1>
    <div class="row"><div class="col">
    <form method="post" action="/contacto"><div class="form-group"><label>Nombre</label><input class="form-control" name="nombre"></div>
    <div class="form-group"><label>Correo electrónico</label><input class="form-control" type="email" name="correo"></div>
    <div class="form-group"><label>Mensaje</label><textarea class="form-control" name="mensaje" rows="5"></textarea></div>
    <button class="btn btn-primary">Enviar mensaje</button></form></div>
    <div class="col"><h3>Oficinas</h3><p>Calle de la Nube 12, 46001 València</p><p>Teléfono: <a href="tel:+34960000000">960 000 000</a><br>Correo: <a href="mailto:hola@nubeclara.example">hola@nubeclara.example</a></p>
    <p>Horario de soporte: lunes a viernes, de 9 a 18 h.</p></div></div>
""", "contact", head_extra=jsonld({"@context": "https://schema.org", "@type": "ContactPage", "name": "Contacto"}))

    # legal
    n_page("/aviso-legal", "Aviso legal", """
    <h1>Aviso legal</h1>
    <h2>1. Datos identificativos</h2><p>En cumplimiento de la Ley 34/2002, de servicios de la sociedad de la información y de comercio electrónico (LSSI-CE), se informa de que el titular de este sitio web es Nubeclara Software S.L., con NIF B-12345678 y domicilio en Calle de la Nube 12, 46001 València.</p>
    <h2>2. Condiciones de uso</h2><p>El acceso a este sitio web atribuye la condición de usuario e implica la aceptación de las presentes condiciones.</p>
    <h2>3. Propiedad intelectual</h2><p>Todos los contenidos son titularidad de Nubeclara Software S.L.</p>
    <h2>4. Responsabilidad</h2><p>Nubeclara no se hace responsable de los daños derivados del uso de la información de este sitio.</p>
""", "legal")
    n_page("/politica-de-privacidad", "Política de privacidad", """
    <h1>Política de privacidad</h1>
    <p>Última actualización: 1 de enero de 2025.</p>
    <h2>Responsable del tratamiento</h2><p>Nubeclara Software S.L. trata tus datos personales conforme al Reglamento General de Protección de Datos (RGPD) y la LOPDGDD.</p>
    <h2>Finalidad</h2><p>Prestar el servicio contratado, atender tus consultas y enviarte comunicaciones si lo autorizas.</p>
    <h2>Derechos</h2><p>Puedes ejercer tus derechos de acceso, rectificación, supresión y portabilidad escribiendo a privacidad@nubeclara.example.</p>
""", "legal")
    n_page("/politica-de-cookies", "Política de cookies", """
    <h1>Política de cookies</h1>
    <p>Este sitio utiliza cookies propias y de terceros. Una cookie es un pequeño archivo que se almacena en tu navegador.</p>
    <table><tr><th>Cookie</th><th>Finalidad</th><th>Duración</th></tr><tr><td>nc_session</td><td>Técnica, mantener la sesión</td><td>Sesión</td></tr><tr><td>_stats</td><td>Analítica</td><td>13 meses</td></tr></table>
    <p>Puedes cambiar tu consentimiento en cualquier momento desde la configuración de cookies.</p>
""", "legal")
    n_page("/terminos-y-condiciones", "Términos y condiciones", """
    <h1>Términos y condiciones del servicio</h1>
    <h2>1. Objeto</h2><p>Estas condiciones regulan la contratación del servicio Nubeclara.</p>
    <h2>2. Precio y pago</h2><p>El precio es el del plan elegido; se cobra por adelantado cada mes o cada año.</p>
    <h2>3. Duración y cancelación</h2><p>El contrato se renueva automáticamente; puedes cancelarlo cuando quieras.</p>
    <h2>4. Ley aplicable</h2><p>Se rige por la legislación española. Jurisdicción: juzgados de València.</p>
""", "legal")

    # careers
    n_page("/empleo", "Trabaja con nosotros", """
    <h1>Trabaja con nosotros</h1>
    <p class="lead">Buscamos personas que quieran simplificar la vida de los autónomos. Trabajo en remoto o en València.</p>
    <h2>Ofertas abiertas</h2>
    <ul><li><a href="/empleo/desarrollador-backend">Desarrollador/a backend (Kotlin)</a> · Remoto</li><li><a href="/empleo/asesor-fiscal">Asesor/a fiscal para soporte</a> · València</li></ul>
    <h2>Qué ofrecemos</h2><ul><li>Jornada de 35 horas</li><li>Presupuesto de formación</li></ul>
""", "careers")
    n_page("/empleo/desarrollador-backend", "Desarrollador/a backend (Kotlin)", """
    <h1>Desarrollador/a backend (Kotlin)</h1><p>Remoto desde España · Jornada completa · 45.000–55.000 € brutos/año</p>
    <h2>Qué harás</h2><ul><li>Diseñar la API de facturación</li><li>Integrar VeriFactu y TicketBAI</li></ul>
    <h2>Qué buscamos</h2><ul><li>3 años de experiencia con Kotlin o Java</li><li>PostgreSQL</li></ul>
    <p><a class="btn btn-primary" href="mailto:empleo@nubeclara.example?subject=Backend">Enviar candidatura</a></p>
""", "careers", head_extra=jsonld({"@context": "https://schema.org", "@type": "JobPosting", "title": "Desarrollador/a backend (Kotlin)",
        "datePosted": "2025-05-02", "hiringOrganization": {"@type": "Organization", "name": "Nubeclara"},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": {"@type": "QuantitativeValue", "minValue": 45000, "maxValue": 55000, "unitText": "YEAR"}}}))
    n_page("/empleo/asesor-fiscal", "Asesor/a fiscal para soporte", """
    <h1>Asesor/a fiscal para soporte</h1><p>València · Jornada completa</p>
    <h2>Funciones</h2><ul><li>Resolver dudas fiscales de nuestros clientes por chat y correo</li><li>Escribir artículos del centro de ayuda</li></ul>
    <h2>Requisitos</h2><ul><li>Grado en ADE o Derecho</li><li>Experiencia en asesoría</li></ul>
    <p>Envía tu CV a <a href="mailto:empleo@nubeclara.example">empleo@nubeclara.example</a>.</p>
""", "careers")

    # other
    n_page("/acceso", "Iniciar sesión", """
    <div class="auth"><h1>Inicia sesión</h1>
    <form method="post" action="/acceso"><input class="form-control" type="email" name="correo" placeholder="Correo electrónico"><input class="form-control" type="password" name="clave" placeholder="Contraseña"><button class="btn btn-primary">Entrar</button></form>
    <p><a href="/acceso/recuperar" rel="nofollow">¿Has olvidado tu contraseña?</a> · <a href="/registro">Crea una cuenta</a></p></div>
""", "other")
    n_page("/registro", "Crea tu cuenta", """
    <div class="auth"><h1>Prueba Nubeclara gratis 30 días</h1>
    <form method="post" action="/registro"><input class="form-control" name="nombre" placeholder="Nombre"><input class="form-control" type="email" name="correo" placeholder="Correo electrónico"><input class="form-control" type="password" name="clave" placeholder="Contraseña"><button class="btn btn-primary">Crear cuenta</button></form>
    <p>Sin tarjeta de crédito.</p></div>
""", "other")
    n_page("/estado", "Estado del servicio", """
    <h1>Estado del servicio</h1>
    <table><tr><td>Aplicación web</td><td class="ok">Operativo</td></tr><tr><td>API</td><td class="ok">Operativo</td></tr><tr><td>Envío a la AEAT</td><td class="ok">Operativo</td></tr></table>
    <p>Última comprobación: hace 1 minuto.</p>
""", "other")
    n_page("/novedades-del-producto", "Novedades del producto", """
    <h1>Novedades del producto</h1>
    <h3>Mayo de 2025</h3><ul><li>Nuevo: pago con Bizum en las facturas.</li><li>Mejorado: exportación a Excel más rápida.</li></ul>
    <h3>Abril de 2025</h3><ul><li>Nuevo: series de facturación por cliente.</li></ul>
""", "other", alt=["blog_index"])

    site = os.path.join(HERE, N)
    os.makedirs(os.path.join(site, "static"), exist_ok=True)
    with open(os.path.join(site, "static", "app.css"), "w") as f:
        f.write(".navbar{display:flex;gap:1rem;padding:1rem}.row{display:flex;gap:2rem}.card-deck{display:flex;gap:1rem}"
                ".docs{display:flex}.sidebar{width:14rem}\n")
    with open(os.path.join(site, "robots.txt"), "w") as f:
        f.write(f"User-agent: *\nDisallow: /acceso/\nDisallow: /*?plan=\n\nSitemap: {ORIGIN}/sitemap.xml\n")
    finish(N, N_LABELS, N_ALT, must_not=["/acceso/", "/*?plan="])


def finish(site, labels, alt, must_not, nofollow_only=()):
    root = os.path.join(HERE, site)
    with open(os.path.join(root, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"pages": dict(sorted(labels.items())), "alternatives": dict(sorted(alt.items()))}, f, ensure_ascii=False, indent=2)
        f.write("\n")
    urls = "".join(f"  <url><loc>{ORIGIN}{p}</loc></url>\n" for p in sorted(labels))
    with open(os.path.join(root, "sitemap.xml"), "w", encoding="utf-8") as f:
        f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')
    with open(os.path.join(root, "crawl.json"), "w", encoding="utf-8") as f:
        json.dump({"mustFind": sorted(labels), "mustNotFetch": must_not, "nofollowOnly": list(nofollow_only)}, f, indent=2)
        f.write("\n")


# ---------------------------------------------------------------------------------------------------------------------
# sillon: French HR consulting and training firm, WordPress conventions (written after the classifier, as a check)
# ---------------------------------------------------------------------------------------------------------------------

S = "sillon"
S_LABELS = {}
S_ALT = {}
S_MENU = [("/nos-offres/", "Nos offres"), ("/formations/", "Formations"), ("/actualites/", "Actualités"),
          ("/references/", "Références"), ("/qui-sommes-nous/", "Le cabinet"), ("/nous-contacter/", "Contact")]


def s_page(path, title, main, label, alt=None, head_extra="", body_class="page", sidebar=False, og_type="website"):
    S_LABELS[path] = label
    if alt:
        S_ALT[path] = alt
    menu = "".join(f'<li class="menu-item"><a href="{h}">{t}</a></li>' for h, t in S_MENU)
    widget = ""
    if sidebar:
        widget = """<aside id="secondary" class="widget-area">
  <section class="widget widget_recent_entries"><h2 class="widget-title">Articles récents</h2><ul>
    <li><a href="/2025/04/17/reforme-formation-professionnelle/">Réforme de la formation professionnelle</a></li>
    <li><a href="/2025/03/02/cinq-conseils-entretien-annuel/">Cinq conseils pour l'entretien annuel</a></li>
    <li><a href="/?p=412">Télétravail : trois ans après</a></li></ul></section>
  <section class="widget widget_categories"><h2 class="widget-title">Catégories</h2><ul>
    <li><a href="/category/ressources-humaines/">Ressources humaines</a></li><li><a href="/category/management/">Management</a></li></ul></section>
</aside>"""
    write(S, path, f"""<!DOCTYPE html>
<html lang="fr-FR">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} &#8211; Sillon Conseil</title>
<link rel="canonical" href="{ORIGIN}{path}">
<meta property="og:locale" content="fr_FR">
<meta property="og:type" content="{og_type}">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Sillon Conseil">
<link rel="stylesheet" id="theme-css" href="/wp-content/themes/sillon/style.css" media="all">
{head_extra}</head>
<body class="{body_class}">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Aller au contenu</a>
<header id="masthead" class="site-header">
  <div class="site-branding"><p class="site-title"><a href="/" rel="home">Sillon Conseil</a></p><p class="site-description">Conseil RH et formation à Lyon</p></div>
  <nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{menu}</ul></nav>
  <a class="header-button" href="/espace-client/">Espace client</a>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
{main}
</main></div>
{widget}
</div>
<footer id="colophon" class="site-footer">
  <div class="footer-widgets"><p>Sillon Conseil SAS · 14 quai Saint-Vincent · 69001 Lyon · <a href="tel:+33478000000">04 78 00 00 00</a></p>
  <ul><li><a href="/mentions-legales/">Mentions légales</a></li><li><a href="/politique-de-confidentialite/">Politique de confidentialité</a></li>
  <li><a href="/cgv/">CGV</a></li><li><a href="/recrutement/">Recrutement</a></li><li><a href="/notre-equipe/">Notre équipe</a></li>
  <li><a href="/newsletter/">Newsletter</a></li><li><a href="/faq/">Questions fréquentes</a></li></ul></div>
</footer>
</div>
</body>
</html>
""")


def s_post(path, title, date, date_text, author, cats, paras, with_ld):
    ld = ""
    if with_ld:
        ld = jsonld({"@context": "https://schema.org", "@graph": [
            {"@type": "WebPage", "@id": ORIGIN + path, "name": title},
            {"@type": "Article", "headline": title, "datePublished": date, "author": {"@type": "Person", "name": author},
             "publisher": {"@type": "Organization", "name": "Sillon Conseil"}}]})
    cat_links = ", ".join(f'<a href="/category/{c}/" rel="category tag">{c.replace("-", " ").capitalize()}</a>' for c in cats)
    body = "".join(f"<p>{p}</p>" for p in paras)
    s_page(path, title, f"""<article id="post-1" class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on">Publié le <time class="entry-date published" datetime="{date}T09:00:00+02:00">{date_text}</time></span>
<span class="byline"> par <span class="author vcard"><a class="url fn n" href="/author/claire-martin/">{author}</a></span></span></div></header>
<div class="entry-content">{body}</div>
<footer class="entry-footer"><span class="cat-links">Publié dans {cat_links}</span></footer>
</article>
<nav class="navigation post-navigation"><a href="/actualites/" rel="prev">Toutes les actualités</a></nav>""",
           "article", head_extra=ld + f'<meta property="article:published_time" content="{date}T09:00:00+02:00">\n',
           body_class="post-template-default single single-post", sidebar=True, og_type="article")


def s_list(path, title, h1, items, label, alt=None, next_page=None, body_class="blog"):
    arts = ""
    for href, t, date, date_text, excerpt in items:
        arts += f"""<article class="post type-post hentry"><header class="entry-header"><h2 class="entry-title"><a href="{href}" rel="bookmark">{t}</a></h2>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{date}">{date_text}</time></span></div></header>
<div class="entry-summary"><p>{excerpt}</p></div></article>\n"""
    nav = f'<nav class="navigation pagination"><div class="nav-links"><a class="next page-numbers" href="{next_page}">Articles plus anciens</a></div></nav>' if next_page else ""
    s_page(path, title, f"""<header class="page-header"><h1 class="page-title">{h1}</h1></header>
{arts}{nav}""", label, alt=alt, body_class=body_class, sidebar=True)


def build_sillon():
    shutil.rmtree(os.path.join(HERE, S), ignore_errors=True)
    posts = [
        ("/2025/04/17/reforme-formation-professionnelle/", "Réforme de la formation professionnelle : ce qui change en 2025", "2025-04-17", "17 avril 2025",
         "Claire Martin", ["ressources-humaines"], True,
         ["La loi du 5 mars a modifié le financement du compte personnel de formation. Les entreprises de moins de cinquante salariés sont les premières concernées.",
          "Nous avons relu le texte avec trois directrices des ressources humaines de PME lyonnaises pour en tirer l'essentiel.",
          "En pratique, le reste à charge du salarié augmente, mais les abondements de l'employeur deviennent plus simples à déclarer."]),
        ("/2025/03/02/cinq-conseils-entretien-annuel/", "Cinq conseils pour réussir l'entretien annuel", "2025-03-02", "2 mars 2025",
         "Claire Martin", ["management"], False,
         ["L'entretien annuel reste redouté des deux côtés de la table. Il peut pourtant devenir un vrai moment d'échange.",
          "Préparez-le par écrit, parlez du travail et non de la personne, et terminez par des objectifs que le salarié a lui-même formulés."]),
        ("/?p=412", "Télétravail : trois ans après", "2025-01-20", "20 janvier 2025", "Hugo Bernard", ["management"], False,
         ["Trois ans après la généralisation du télétravail, nos clients ont presque tous trouvé leur rythme.",
          "Deux jours par semaine sur site semblent faire consensus, mais l'organisation des réunions reste un sujet de friction."]),
        ("/2024/11/08/qvt-petites-entreprises/", "La qualité de vie au travail dans les petites entreprises", "2024-11-08", "8 novembre 2024",
         "Hugo Bernard", ["ressources-humaines"], True,
         ["Les petites entreprises n'ont pas de service RH, mais elles ont souvent un avantage : la proximité.",
          "Nous présentons quatre démarches simples, testées avec des artisans et des commerçants."]),
    ]
    for path, title, date, date_text, author, cats, ld, paras in posts:
        s_post(path, title, date, date_text, author, cats, paras, ld)
    items = [(p, t, d, dt, pa[0][:90] + "…") for p, t, d, dt, a, c, l, pa in posts]
    s_list("/actualites/", "Actualités", "Actualités", items[:3], "blog_index", next_page="/actualites/page/2/")
    s_list("/actualites/page/2/", "Actualités – Page 2", "Actualités", items[3:], "blog_index")
    s_list("/category/ressources-humaines/", "Ressources humaines", "Catégorie : Ressources humaines",
           [items[0], items[3]], "category", alt=["blog_index"], body_class="archive category")
    s_list("/category/management/", "Management", "Catégorie : Management", [items[1], items[2]], "category", alt=["blog_index"],
           body_class="archive category")
    s_list("/author/claire-martin/", "Claire Martin", "Auteur : Claire Martin", [items[0], items[1]], "category", alt=["blog_index"],
           body_class="archive author")

    s_page("/", "Conseil RH et formation à Lyon", """<section class="hero"><h1>Des équipes qui grandissent avec votre entreprise</h1>
<p>Sillon accompagne les PME de la région lyonnaise : recrutement, formation des managers, climat social.</p>
<p><a class="wp-block-button__link" href="/nous-contacter/">Prendre rendez-vous</a> <a class="wp-block-button__link" href="/formations/">Voir les formations</a></p></section>
<section><h2>Nos domaines</h2><div class="wp-block-columns"><div class="wp-block-column"><h3>Formation</h3><p>Management, entretiens, prise de parole.</p></div>
<div class="wp-block-column"><h3>Conseil RH</h3><p>Organisation, rémunération, dialogue social.</p></div><div class="wp-block-column"><h3>Recrutement</h3><p>Cadres et fonctions support.</p></div></div></section>
<section><h2>Dernières actualités</h2><ul><li><a href="/2025/04/17/reforme-formation-professionnelle/">Réforme de la formation professionnelle</a></li></ul></section>""",
           "home", body_class="home page-template-default page")

    s_page("/nos-offres/", "Nos offres", """<article class="page type-page"><header class="entry-header"><h1 class="entry-title">Nos offres d'accompagnement</h1></header>
<div class="entry-content"><p>Trois formules, du diagnostic ponctuel à l'accompagnement à l'année. Tarifs hors taxes.</p>
<div class="wp-block-columns">
<div class="wp-block-column"><h2>Diagnostic</h2><p class="has-large-font-size">1 800 € HT</p><p>forfait, deux jours sur site</p><ul><li>Entretiens avec la direction et cinq salariés</li><li>Rapport et plan d'action</li></ul></div>
<div class="wp-block-column"><h2>Accompagnement</h2><p class="has-large-font-size">950 € HT / mois</p><p>engagement six mois</p><ul><li>Une journée par mois</li><li>Hotline RH illimitée</li></ul></div>
<div class="wp-block-column"><h2>DRH à temps partagé</h2><p class="has-large-font-size">2 400 € HT / mois</p><ul><li>Deux jours par semaine</li></ul></div>
</div><p><a href="/nous-contacter/">Demander un devis</a></p></div></article>""", "pricing")

    courses = [("management-agile", "Manager une équipe en mode agile", "1 450 € HT", "2 jours", True),
               ("entretien-annuel", "Conduire l'entretien annuel", "690 € HT", "1 jour", False),
               ("prise-de-parole", "Prise de parole en public", "890 € HT", "1,5 jour", False)]
    cards = ""
    for slug, name, price, duration, _ in courses:
        cards += f'<div class="course-card"><h2><a href="/formations/{slug}/">{name}</a></h2><p>{duration} · {price} par participant</p></div>\n'
    s_page("/formations/", "Formations", f"""<header class="page-header"><h1 class="page-title">Nos formations</h1></header>
<p>Formations inter-entreprises à Lyon ou dans vos locaux. Organisme certifié Qualiopi.</p>
<div class="course-grid">{cards}</div>""", "category", alt=["product"])
    for slug, name, price, duration, ld in courses:
        extra = jsonld({"@context": "https://schema.org", "@type": "Course", "name": name, "provider": {"@type": "Organization", "name": "Sillon Conseil"},
                        "offers": {"@type": "Offer", "price": price.split(" ")[0], "priceCurrency": "EUR"}}) if ld else ""
        s_page(f"/formations/{slug}/", name, f"""<article class="page type-formation"><header class="entry-header"><h1 class="entry-title">{name}</h1></header>
<div class="entry-content"><p class="formation-meta">Durée : {duration} · Tarif : {price} par participant · Prochaine session : 12 juin 2025</p>
<h2>Objectifs</h2><ul><li>Comprendre les principes du travail en équipe autonome</li><li>Animer des rituels courts et utiles</li></ul>
<h2>Programme</h2><p>Alternance d'apports, de mises en situation et de retours d'expérience.</p>
<h2>Public</h2><p>Managers de proximité, chefs de projet.</p>
<p><a class="wp-block-button__link" href="/nous-contacter/?formation={slug}">S'inscrire à la session</a></p></div></article>""", "product", head_extra=extra)

    s_list("/references/", "Références", "Nos références", [
        ("/references/transports-rhone/", "Transports du Rhône : former 40 chefs d'équipe", "2024-10-01", "1 octobre 2024", "Un programme de six mois."),
        ("/references/boulangeries-gaspard/", "Boulangeries Gaspard : recruter en période de pénurie", "2024-06-12", "12 juin 2024", "Douze embauches en trois mois.")],
           "blog_index", alt=["category"], body_class="page")
    for path, title, paras in [
        ("/references/transports-rhone/", "Transports du Rhône : former 40 chefs d'équipe",
         ["Transports du Rhône emploie 600 conducteurs et 40 chefs d'équipe promus en interne, souvent sans formation au management.",
          "Nous avons construit un parcours de six mois mêlant ateliers, coaching et entraide entre pairs. Le turnover des conducteurs a baissé de 18 %."]),
        ("/references/boulangeries-gaspard/", "Boulangeries Gaspard : recruter en période de pénurie",
         ["Les Boulangeries Gaspard cherchaient douze vendeuses et vendeurs pour leurs nouvelles boutiques.",
          "En revoyant les annonces et en organisant des journées portes ouvertes, douze personnes ont été recrutées en trois mois."])]:
        s_page(path, title, f"""<article class="reference type-reference"><header class="entry-header"><p class="kicker">Référence client</p><h1 class="entry-title">{title}</h1></header>
<div class="entry-content">{''.join(f'<p>{p}</p>' for p in paras)}</div></article>""", "article")

    s_page("/qui-sommes-nous/", "Qui sommes-nous", """<article class="page"><header class="entry-header"><h1 class="entry-title">Le cabinet</h1></header>
<div class="entry-content"><p>Sillon Conseil a été fondé en 2012 à Lyon par Claire Martin et Hugo Bernard, après quinze ans dans les ressources humaines de grands groupes.</p>
<h2>Notre approche</h2><p>Peu de théorie, beaucoup de terrain : nous travaillons avec vos équipes, dans vos locaux.</p>
<h2>Nos valeurs</h2><ul><li>La simplicité</li><li>La confidentialité</li><li>L'engagement dans la durée</li></ul>
<p><a href="/notre-equipe/">Découvrir l'équipe</a></p></div></article>""", "about")
    s_page("/notre-equipe/", "Notre équipe", """<article class="page"><header class="entry-header"><h1 class="entry-title">Notre équipe</h1></header>
<div class="entry-content"><div class="wp-block-columns"><div class="wp-block-column"><h3>Claire Martin</h3><p>Cofondatrice, formatrice en management.</p></div>
<div class="wp-block-column"><h3>Hugo Bernard</h3><p>Cofondateur, conseil en organisation.</p></div><div class="wp-block-column"><h3>Inès Haddad</h3><p>Consultante en recrutement.</p></div></div></div></article>""",
           "about", alt=["other"])
    s_page("/nous-contacter/", "Nous contacter", """<article class="page"><header class="entry-header"><h1 class="entry-title">Nous contacter</h1></header>
<div class="entry-content"><p>Un projet, une question ? Écrivez-nous, nous répondons sous 48 heures.</p>
<div class="wpcf7"><form action="/nous-contacter/#wpcf7-f12" method="post" class="wpcf7-form">
<p><label>Votre nom<br><input type="text" name="your-name"></label></p><p><label>Votre e-mail<br><input type="email" name="your-email"></label></p>
<p><label>Votre message<br><textarea name="your-message" cols="40" rows="8"></textarea></label></p><p><input type="submit" value="Envoyer" class="wpcf7-submit"></p></form></div>
<p>14 quai Saint-Vincent, 69001 Lyon · 04 78 00 00 00</p></div></article>""", "contact")

    s_page("/mentions-legales/", "Mentions légales", """<article class="page"><header class="entry-header"><h1 class="entry-title">Mentions légales</h1></header>
<div class="entry-content"><h2>Éditeur</h2><p>Sillon Conseil SAS au capital de 10 000 €, RCS Lyon 812 345 678, 14 quai Saint-Vincent, 69001 Lyon. Directrice de la publication : Claire Martin.</p>
<h2>Hébergeur</h2><p>OVH SAS, 2 rue Kellermann, 59100 Roubaix.</p>
<h2>Propriété intellectuelle</h2><p>L'ensemble des contenus de ce site relève de la législation française sur le droit d'auteur.</p></div></article>""", "legal")
    s_page("/politique-de-confidentialite/", "Politique de confidentialité", """<article class="page"><header class="entry-header"><h1 class="entry-title">Politique de confidentialité</h1></header>
<div class="entry-content"><p>Nous traitons vos données personnelles dans le respect du règlement général sur la protection des données (RGPD).</p>
<h2>Données collectées</h2><p>Nom, adresse e-mail et message lorsque vous utilisez le formulaire de contact.</p>
<h2>Durée de conservation</h2><p>Trois ans à compter du dernier contact.</p><h2>Vos droits</h2><p>Accès, rectification, effacement : rgpd@sillon.example.</p></div></article>""", "legal")
    s_page("/cgv/", "Conditions générales de vente", """<article class="page"><header class="entry-header"><h1 class="entry-title">Conditions générales de vente</h1></header>
<div class="entry-content"><h2>Article 1 – Objet</h2><p>Les présentes conditions s'appliquent aux formations et prestations de conseil de Sillon Conseil.</p>
<h2>Article 2 – Inscription</h2><p>Toute inscription est confirmée par la signature d'une convention de formation.</p>
<h2>Article 3 – Annulation</h2><p>Une annulation moins de dix jours avant la session donne lieu à facturation de 50 % du prix.</p>
<h2>Article 4 – Litiges</h2><p>Le tribunal de commerce de Lyon est seul compétent.</p></div></article>""", "legal")

    s_page("/recrutement/", "Recrutement", """<article class="page"><header class="entry-header"><h1 class="entry-title">Rejoindre Sillon</h1></header>
<div class="entry-content"><p>Nous recrutons des consultantes et consultants qui aiment le terrain.</p>
<h2>Postes ouverts</h2><ul><li><a href="/recrutement/consultant-senior-rh/">Consultant·e senior RH (CDI, Lyon)</a></li></ul>
<p>Candidature spontanée : recrutement@sillon.example</p></div></article>""", "careers")
    s_page("/recrutement/consultant-senior-rh/", "Consultant·e senior RH", """<article class="page"><header class="entry-header"><h1 class="entry-title">Consultant·e senior RH</h1></header>
<div class="entry-content"><p>CDI · Lyon · temps plein · 48–55 k€ brut annuel</p>
<h2>Vos missions</h2><ul><li>Conduire des diagnostics RH dans des PME</li><li>Animer des formations</li></ul>
<h2>Votre profil</h2><ul><li>Dix ans d'expérience en ressources humaines</li></ul>
<p><a href="mailto:recrutement@sillon.example">Postuler</a></p></div></article>""", "careers")

    s_page("/espace-client/", "Espace client", """<article class="page"><header class="entry-header"><h1 class="entry-title">Espace client</h1></header>
<div class="entry-content"><form method="post" action="/wp-login.php"><p><label>Identifiant<br><input type="text" name="log"></label></p><p><label>Mot de passe<br><input type="password" name="pwd"></label></p><p><input type="submit" value="Connexion"></p></form></div></article>""", "other")
    s_page("/newsletter/", "Newsletter", """<article class="page"><header class="entry-header"><h1 class="entry-title">La lettre RH de Sillon</h1></header>
<div class="entry-content"><p>Une lettre par mois : jurisprudence, outils, retours d'expérience.</p>
<form method="post" action="/newsletter/"><p><label>Votre e-mail <input type="email" name="email"></label></p><p><input type="submit" value="S'abonner"></p></form></div></article>""", "other")
    s_page("/faq/", "Questions fréquentes", """<article class="page"><header class="entry-header"><h1 class="entry-title">Questions fréquentes</h1></header>
<div class="entry-content"><h3>Vos formations sont-elles finançables par l'OPCO ?</h3><p>Oui, Sillon est certifié Qualiopi.</p>
<h3>Intervenez-vous hors de Lyon ?</h3><p>Oui, dans toute la région Auvergne-Rhône-Alpes.</p></div></article>""", "other", alt=["docs"])

    site = os.path.join(HERE, S)
    os.makedirs(os.path.join(site, "wp-content/themes/sillon"), exist_ok=True)
    with open(os.path.join(site, "wp-content/themes/sillon/style.css"), "w") as f:
        f.write(".site-header{display:flex}.menu{display:flex;list-style:none;gap:1em}#content{display:flex}.widget-area{width:30%}\n")
    with open(os.path.join(site, "robots.txt"), "w") as f:
        f.write(f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: {ORIGIN}/sitemap.xml\n")
    with open(os.path.join(site, "routes.py"), "w") as f:
        f.write(ROUTES_WP)
    finish(S, S_LABELS, S_ALT, must_not=["/wp-admin/"])


ROUTES_WP = '''"""WordPress plain permalinks: /?p=N serves _wp/p-N.html (folders starting with _ are never served as files)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def handle(path, query):
    if path != "/" or "p" not in query:
        return None
    f = os.path.join(HERE, "_wp", "p-" + query["p"][0] + ".html")
    if not os.path.isfile(f):
        return (404, "text/html; charset=utf-8", "<!doctype html><title>Page non trouvée</title><h1>Page non trouvée</h1>")
    with open(f, encoding="utf-8") as fh:
        return (200, "text/html; charset=utf-8", fh.read())
'''



# ---------------------------------------------------------------------------------------------------------------------
# hearthloom: English home-textiles shop on Shopify conventions (a second blind check, written after the classifier)
# ---------------------------------------------------------------------------------------------------------------------

H = "hearthloom"
H_LABELS = {}
H_ALT = {}


def h_page(path, title, main, label, alt=None, head_extra="", og_type="website", template="page"):
    H_LABELS[path] = label
    if alt:
        H_ALT[path] = alt
    write(H, path, f"""<!doctype html>
<html class="no-js" lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="canonical" href="{ORIGIN}{path}">
<title>{title}</title>
<meta property="og:site_name" content="Hearth &amp; Loom">
<meta property="og:url" content="{ORIGIN}{path}">
<meta property="og:title" content="{title}">
<meta property="og:type" content="{og_type}">
<link href="/cdn/shop/t/3/assets/base.css" rel="stylesheet" type="text/css" media="all">
{head_extra}</head>
<body class="gradient template-{template}">
<a class="skip-to-content-link button visually-hidden" href="#MainContent">Skip to content</a>
<div class="announcement-bar" role="region" aria-label="Announcement"><p>Free shipping on orders over $120</p></div>
<sticky-header class="header-wrapper"><header class="header header--middle-left">
  <a href="/" class="header__heading-link"><span class="h2">Hearth &amp; Loom</span></a>
  <nav class="header__inline-menu"><ul class="list-menu list-menu--inline" role="list">
    <li><a href="/collections/all" class="header__menu-item">Shop all</a></li>
    <li><a href="/collections/throws" class="header__menu-item">Throws</a></li>
    <li><a href="/collections/cushions" class="header__menu-item">Cushions</a></li>
    <li><a href="/blogs/journal" class="header__menu-item">Journal</a></li>
    <li><a href="/pages/about-us" class="header__menu-item">Our story</a></li></ul></nav>
  <div class="header__icons"><a href="/search" class="header__icon">Search</a><a href="/account/login" class="header__icon">Log in</a><a href="/cart" class="header__icon">Cart</a></div>
</header></sticky-header>
<main id="MainContent" class="content-for-layout focus-none" role="main" tabindex="-1">
{main}
</main>
<footer class="footer color-background-1">
  <div class="footer-block"><h2 class="footer-block__heading">Help</h2><ul class="footer-block__details-content list-unstyled">
    <li><a href="/pages/contact" class="link">Contact us</a></li><li><a href="/pages/faq" class="link">FAQ</a></li>
    <li><a href="/pages/shipping-returns" class="link">Shipping &amp; returns</a></li><li><a href="/pages/careers" class="link">Careers</a></li>
    <li><a href="/pages/our-makers" class="link">Our makers</a></li></ul></div>
  <div class="footer__content-bottom"><ul class="policies list-unstyled">
    <li><a href="/policies/refund-policy">Refund policy</a></li><li><a href="/policies/privacy-policy">Privacy policy</a></li>
    <li><a href="/policies/terms-of-service">Terms of service</a></li></ul>
  <small class="copyright__content">&copy; 2025, Hearth &amp; Loom. Powered by Shopify</small></div>
</footer>
</body>
</html>
""")


H_PRODUCTS = [("merino-throw-oat", "Merino Throw – Oat", "$148.00", "throws", True),
              ("alpaca-throw-charcoal", "Alpaca Throw – Charcoal", "$210.00", "throws", False),
              ("linen-cushion-cover", "Stonewashed Linen Cushion Cover", "$42.00", "cushions", False),
              ("wool-boucle-cushion", "Wool Bouclé Cushion", "$68.00", "cushions", True)]


def h_card(handle, name, price):
    return f"""<li class="grid__item"><div class="card-wrapper product-card-wrapper"><div class="card card--standard">
<div class="card__inner"><img src="/cdn/shop/files/{handle}.jpg" alt="{name}" loading="lazy"></div>
<div class="card__content"><h3 class="card__heading"><a href="/products/{handle}" class="full-unstyled-link">{name}</a></h3>
<div class="price"><span class="price-item price-item--regular">{price} USD</span></div></div></div></div></li>"""


def build_hearthloom():
    shutil.rmtree(os.path.join(HERE, H), ignore_errors=True)
    h_page("/", "Hearth & Loom – Woven textiles for slow homes", f"""<div class="banner"><h2 class="banner__heading">Woven slowly, made to last</h2>
<p>Throws and cushions handwoven by small workshops in Peru, Mexico and Portugal.</p><a class="button" href="/collections/all">Shop the collection</a></div>
<div class="collection"><h2 class="title">Best sellers</h2><ul class="grid product-grid">{''.join(h_card(h, n, pr) for h, n, pr, c, l in H_PRODUCTS[:3])}</ul></div>
<div class="rich-text"><h2>From the journal</h2><p><a href="/blogs/journal/meet-the-weavers-of-oaxaca">Meet the weavers of Oaxaca</a></p></div>""",
           "home", template="index", head_extra=jsonld({"@context": "http://schema.org", "@type": "Organization", "name": "Hearth & Loom", "url": ORIGIN}))
    for coll, title, items in [("all", "Shop all", H_PRODUCTS), ("throws", "Throws", [p for p in H_PRODUCTS if p[3] == "throws"]),
                               ("cushions", "Cushions", [p for p in H_PRODUCTS if p[3] == "cushions"])]:
        h_page(f"/collections/{coll}", f"{title} – Hearth & Loom", f"""<div class="collection-hero"><h1 class="collection-hero__title"><span class="visually-hidden">Collection: </span>{title}</h1></div>
<div class="facets-container"><a href="/collections/{coll}?sort_by=price-ascending">Price, low to high</a> · <a href="/collections/{coll}?filter.v.availability=1">In stock</a></div>
<ul id="product-grid" class="grid product-grid">{''.join(h_card(h, n, pr) for h, n, pr, c, l in items)}</ul>""", "category", template="collection")
    for handle, name, price, coll, ld in H_PRODUCTS:
        extra = ""
        if ld:
            extra = jsonld({"@context": "http://schema.org/", "@type": "Product", "name": name, "url": f"{ORIGIN}/products/{handle}",
                            "offers": [{"@type": "Offer", "price": price.strip("$"), "priceCurrency": "USD", "availability": "http://schema.org/InStock"}],
                            "brand": {"@type": "Brand", "name": "Hearth & Loom"}})
        h_page(f"/products/{handle}", f"{name} – Hearth & Loom", f"""<section class="product"><div class="product__media-wrapper"><img src="/cdn/shop/files/{handle}.jpg" alt="{name}"></div>
<div class="product__info-wrapper"><p class="product__text caption-with-letter-spacing">Hearth &amp; Loom</p><h1>{name}</h1>
<div class="price price--large"><span class="price-item price-item--regular">{price} USD</span></div><small class="product__tax caption rte">Tax included. Shipping calculated at checkout.</small>
<form method="post" action="/cart/add" class="form" enctype="multipart/form-data"><input type="hidden" name="id" value="4431">
<div class="product-form__buttons"><button type="submit" name="add" class="product-form__submit button button--full-width button--secondary"><span>Add to cart</span></button></div></form>
<div class="product__description rte"><p>Handwoven on a floor loom from undyed fibre. Each piece is slightly different; the weaver's initials are stitched on the label.</p>
<ul><li>130 × 180 cm</li><li>Dry clean or hand wash cold</li></ul></div></div></section>""", "product", og_type="product", head_extra=extra, template="product")
    h_page("/collections/throws/products/alpaca-throw-charcoal", "Alpaca Throw – Charcoal – Hearth & Loom",
           """<section class="product"><h1>Alpaca Throw – Charcoal</h1><div class="price"><span class="price-item">$210.00 USD</span></div>
<form method="post" action="/cart/add"><button type="submit" name="add" class="product-form__submit button">Add to cart</button></form>
<div class="rte"><p>Baby alpaca from Arequipa, woven in a herringbone twill.</p></div></section>""", "product", og_type="product", template="product")

    posts = [("how-to-wash-wool", "How to wash a wool throw (and when not to)", "2025-03-04", "March 4, 2025", "Maya Lindqvist",
              ["Wool cleans itself more than you think. Air it outside on a dry day and most smells are gone.",
               "When it does need a wash, use cold water, a wool detergent and no agitation. Roll it in a towel, never wring it, and dry it flat."]),
             ("meet-the-weavers-of-oaxaca", "Meet the weavers of Oaxaca", "2025-01-22", "January 22, 2025", "Maya Lindqvist",
              ["Teotitlán del Valle has been a weaving town for two thousand years. We spent a week with the Ruiz family, who weave our bouclé cushions.",
               "They dye with cochineal, indigo and pecan shells, and every colour is mixed by eye."]),
             ("caring-for-linen", "Caring for linen", "2024-11-10", "November 10, 2024", "Tom Okafor",
              ["Linen softens with every wash. Wash it warm, tumble dry low and take it out slightly damp."])]
    for handle, title, date, date_text, author, paras in posts:
        h_page(f"/blogs/journal/{handle}", f"{title} – Hearth & Loom", f"""<article class="article-template" itemscope itemtype="http://schema.org/BlogPosting">
<header class="page-width page-width--narrow"><h1 class="article-template__title" itemprop="headline">{title}</h1>
<span class="circle-divider caption-with-letter-spacing" itemprop="dateCreatedGMT"><time datetime="{date}T10:00:00Z">{date_text}</time></span>
<span class="caption-with-letter-spacing" itemprop="author">by {author}</span></header>
<div class="article-template__content page-width page-width--narrow rte" itemprop="articleBody">{''.join(f'<p>{p}</p>' for p in paras)}</div>
<div class="article-template__back element-margin-top center"><a href="/blogs/journal" class="article-template__link link">Back to blog</a></div></article>""",
               "article", og_type="article", template="article")
    teasers = "".join(f"""<div class="blog-articles__article article"><div class="article-card-wrapper card-wrapper"><div class="card article-card">
<div class="card__content"><h3 class="card__heading h2"><a href="/blogs/journal/{hd}" class="full-unstyled-link">{t}</a></h3>
<div class="article-card__info caption-with-letter-spacing h5"><span class="circle-divider"><time datetime="{d}T10:00:00Z">{dt}</time></span></div>
<p class="article-card__excerpt rte-width">{pa[0][:80]}…</p></div></div></div></div>""" for hd, t, d, dt, a, pa in posts)
    h_page("/blogs/journal", "Journal – Hearth & Loom", f"""<div class="main-blog page-width"><h1 class="title--primary">Journal</h1>
<div class="blog-articles">{teasers}</div></div>""", "blog_index", template="blog")
    h_page("/blogs/journal/tagged/care", "Journal – Tagged \"care\" – Hearth & Loom", f"""<div class="main-blog page-width"><h1 class="title--primary">Journal</h1>
<p>Tagged: care</p><div class="blog-articles">{teasers}</div></div>""", "category", alt=["blog_index"], template="blog")

    h_page("/pages/about-us", "Our story – Hearth & Loom", """<div class="page-width page-width--narrow"><h1 class="main-page-title page-title h0">Our story</h1>
<div class="rte"><p>Hearth &amp; Loom started in 2019 when Maya Lindqvist, a textile designer, brought back three blankets from a trip to Peru and could not stop thinking about the people who wove them.</p>
<p>Today we work with eleven workshops. We pay for every order in advance, and we publish what we pay per piece.</p></div></div>""", "about")
    h_page("/pages/our-makers", "Our makers – Hearth & Loom", """<div class="page-width"><h1 class="main-page-title">Our makers</h1>
<div class="multicolumn"><div class="multicolumn-card"><h3>Taller Ruiz, Oaxaca</h3><p>Wool bouclé and natural dyes.</p></div>
<div class="multicolumn-card"><h3>Awana Kuna, Arequipa</h3><p>Alpaca throws.</p></div><div class="multicolumn-card"><h3>Fábrica Lima, Guimarães</h3><p>Stonewashed linen.</p></div></div></div>""",
           "about", alt=["other"])
    h_page("/pages/contact", "Contact – Hearth & Loom", """<div class="page-width page-width--narrow"><h1 class="main-page-title">Contact</h1>
<div class="contact"><form method="post" action="/contact#ContactForm" id="ContactForm" class="isolate"><input type="hidden" name="form_type" value="contact">
<div class="contact__fields"><div class="field"><input class="field__input" type="text" id="ContactForm-name" name="contact[Name]" placeholder="Name"><label class="field__label" for="ContactForm-name">Name</label></div>
<div class="field"><input class="field__input" type="email" id="ContactForm-email" name="contact[email]" placeholder="Email"><label class="field__label" for="ContactForm-email">Email *</label></div></div>
<div class="field"><textarea rows="10" id="ContactForm-body" class="text-area field__input" name="contact[Comment]" placeholder="Comment"></textarea><label class="form__label field__label" for="ContactForm-body">Comment</label></div>
<div class="contact__button"><button type="submit" class="button">Send</button></div></form></div></div>""", "contact")
    h_page("/pages/faq", "FAQ – Hearth & Loom", """<div class="page-width"><h1 class="main-page-title">Frequently asked questions</h1>
<div class="collapsible-content"><details><summary><h3>Do you ship internationally?</h3></summary><p>Yes, to the EU, UK, Canada and Australia.</p></details>
<details><summary><h3>Can I return a throw?</h3></summary><p>Unused items within 30 days.</p></details></div></div>""", "other", alt=["docs"])
    h_page("/pages/shipping-returns", "Shipping & returns – Hearth & Loom", """<div class="page-width page-width--narrow"><h1 class="main-page-title">Shipping &amp; returns</h1>
<div class="rte"><p>Orders ship from Portland, Oregon within two business days. US shipping is $9, free over $120.</p><p>Return unused items within 30 days for a full refund.</p></div></div>""",
           "other", alt=["legal"])
    h_page("/pages/careers", "Careers – Hearth & Loom", """<div class="page-width page-width--narrow"><h1 class="main-page-title">Work with us</h1>
<div class="rte"><p>We are a team of six in Portland. We are hiring:</p><h2>Customer care lead (full time, Portland)</h2>
<p>You will answer every email and call, handle returns and write our care guides. Requirements: two years in customer service, a love of textiles.</p>
<p>Apply with a short note to jobs@hearthloom.example.</p></div></div>""", "careers")
    for pol, title in [("refund-policy", "Refund policy"), ("privacy-policy", "Privacy policy"), ("terms-of-service", "Terms of service")]:
        h_page(f"/policies/{pol}", f"{title} – Hearth & Loom", f"""<div class="shopify-policy__container"><div class="shopify-policy__title"><h1>{title}</h1></div>
<div class="shopify-policy__body"><div class="rte"><p>This {title.lower()} describes how Hearth &amp; Loom LLC ("we") handles orders, personal information and liability.
By using this site you agree to it. We may update it at any time; the governing law is that of the State of Oregon.</p>
<p>Questions: legal@hearthloom.example.</p></div></div></div>""", "legal", template="policy")
    h_page("/account/login", "Account – Hearth & Loom", """<div class="customer login"><h1 id="recover" tabindex="-1">Login</h1>
<form method="post" action="/account/login" id="customer_login"><input type="email" name="customer[email]" id="CustomerEmail" placeholder="Email">
<input type="password" name="customer[password]" id="CustomerPassword" placeholder="Password"><button>Sign in</button></form><a href="/account/register">Create account</a></div>""", "other")
    h_page("/cart", "Your cart – Hearth & Loom", """<div class="cart__warnings"><h1 class="cart__empty-text">Your cart is empty</h1><a href="/collections/all" class="button">Continue shopping</a></div>""",
           "other", template="cart")
    h_page("/search", "Search – Hearth & Loom", """<div class="template-search__header"><h1 class="h2 center">Search results</h1>
<form action="/search" method="get" role="search" class="search"><input class="search__input field__input" id="Search-In-Template" type="search" name="q" placeholder="Search"><button type="submit">Search</button></form></div>""",
           "other", template="search")
    site = os.path.join(HERE, H)
    os.makedirs(os.path.join(site, "cdn/shop/t/3/assets"), exist_ok=True)
    with open(os.path.join(site, "cdn/shop/t/3/assets/base.css"), "w") as f:
        f.write(".header{display:flex}.grid{display:grid;grid-template-columns:repeat(4,1fr)}\n")
    with open(os.path.join(site, "robots.txt"), "w") as f:
        f.write(f"User-agent: *\nDisallow: /cart\nDisallow: /account\nDisallow: /collections/*sort_by*\nDisallow: /search\n\nSitemap: {ORIGIN}/sitemap.xml\n")
    finish(H, H_LABELS, H_ALT, must_not=["/collections/*sort_by*"])


if __name__ == "__main__":
    build_alpenroester()
    build_nubeclara()
    build_sillon()
    build_hearthloom()
    print(f"{A}: {len(A_LABELS)} pages; {N}: {len(N_LABELS)} pages; {S}: {len(S_LABELS)} pages; {H}: {len(H_LABELS)} pages")
