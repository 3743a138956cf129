package io.pagelens.crawl;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that name each page type in English, German, French and Spanish (plus a few Italian, Dutch and
 * Portuguese ones that cost nothing), as they appear in URL slugs, titles, headings and link labels. All entries
 * are folded ({@link #fold}: lower case, accents removed, ß → ss), so {@code /über-uns}, {@code /ueber-uns} and
 * {@code /uber-uns} all match.
 */
final class PageTypeVocabulary {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PageTypeVocabulary() {
    }

    /** Lower case, accents removed, ß to ss, ue/oe/ae kept as written; punctuation becomes single spaces. */
    static String fold(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT).replace("ß", "ss"), Normalizer.Form.NFD);
        return NON_WORD.matcher(MARKS.matcher(n).replaceAll("")).replaceAll(" ").strip();
    }

    /** Path segments (whole, hyphens kept) or single slug tokens that name a type. */
    static final Map<PageType, Set<String>> SLUGS = new EnumMap<>(Map.of(
            PageType.PRICING, Set.of("pricing", "prices", "price", "plans", "plans-pricing", "pricing-plans", "preise", "preis",
                    "tarife", "tarif", "tarifs", "prix", "precios", "precio", "planes", "tarifas", "prezzi", "prijzen", "precos",
                    "subscription", "subscriptions", "abo", "abos", "abonnement", "abonnements", "suscripcion", "suscripciones"),
            PageType.CAREERS, Set.of("careers", "career", "jobs", "job", "karriere", "stellen", "stellenangebote", "stellenmarkt",
                    "emploi", "emplois", "carrieres", "carriere", "recrutement", "empleo", "empleos", "vacantes", "trabaja-con-nosotros",
                    "trabajo", "join-us", "work-with-us", "joinus", "lavora-con-noi", "vacatures", "werken-bij", "hiring", "openings",
                    "positions", "offres-d-emploi", "ofertas-de-empleo"),
            PageType.LEGAL, Set.of("legal", "terms", "tos", "terms-of-service", "terms-of-use", "terms-and-conditions", "privacy",
                    "privacy-policy", "cookies", "cookie-policy", "cookie", "imprint", "impressum", "datenschutz",
                    "datenschutzerklaerung", "datenschutzerklarung", "agb", "nutzungsbedingungen", "rechtliches", "mentions-legales",
                    "mentions", "cgv", "cgu", "confidentialite", "politique-de-confidentialite", "aviso-legal", "privacidad",
                    "politica-de-privacidad", "politica-de-cookies", "terminos", "terminos-y-condiciones", "condiciones",
                    "condiciones-generales", "gdpr", "dsgvo", "rgpd", "disclaimer", "eula", "dpa", "note-legali", "legal-notice",
                    "policies", "policy", "richtlinie", "richtlinien", "widerruf",
                    "widerrufsbelehrung", "refund-policy", "return-policy"),
            PageType.ABOUT, Set.of("about", "about-us", "aboutus", "company", "ueber-uns", "uber-uns", "ueberuns", "unternehmen",
                    "wir", "team", "a-propos", "apropos", "qui-sommes-nous", "equipe", "entreprise", "societe", "sobre-nosotros",
                    "quienes-somos", "nosotros", "empresa", "equipo", "chi-siamo", "over-ons", "sobre", "mission", "our-story",
                    "story", "history", "geschichte", "histoire", "historia", "leadership", "management"),
            PageType.CONTACT, Set.of("contact", "contact-us", "contactus", "kontakt", "kontaktieren", "contacto", "contactanos",
                    "contactez-nous", "nous-contacter", "get-in-touch", "contatti", "contato"),
            // sections of posts: the section's root lists them, its pages are posts (case studies and client references too)
            PageType.BLOG_INDEX, Set.of("blog", "blogs", "news", "magazin", "magazine", "journal", "actualites", "actus", "noticias",
                    "articles", "artikel", "beitraege", "stories", "insights", "presse", "press", "newsroom", "notizie",
                    "case-studies", "case-study", "customer-stories", "success-stories", "customers", "references", "referenzen",
                    "kundengeschichten", "temoignages", "etudes-de-cas", "casos-de-exito", "casos-de-estudio", "clientes", "testimonials"),
            PageType.DOCS, Set.of("docs", "doc", "documentation", "dokumentation", "documentacion", "documentazione",
                    "help", "hilfe", "aide", "ayuda", "support", "guides", "guide", "manual", "handbuch", "kb", "knowledge-base",
                    "knowledgebase", "wissensdatenbank", "faq", "faqs", "reference", "api", "developers", "developer", "learn",
                    "tutorials", "tutorial", "anleitung", "anleitungen", "centro-de-ayuda", "hilfe-center", "centre-d-aide"),
            PageType.PRODUCT, Set.of("product", "products", "produkt", "produkte", "produit", "produits", "producto", "productos",
                    "prodotti", "features", "feature", "funktionen", "fonctionnalites", "funcionalidades", "caracteristicas",
                    "solutions", "solution", "loesungen", "losungen", "soluciones", "solucion", "platform", "plattform",
                    "plataforma", "plateforme", "integrations", "p", "dp", "item", "items", "services", "service", "leistungen",
                    "dienstleistungen", "servicios", "courses", "course", "trainings", "training", "formations", "formation", "cours",
                    "kurse", "seminare", "cursos", "workshops", "offres", "angebote", "offerings"),
            PageType.CATEGORY, Set.of("category", "categories", "c", "collections", "collection", "kategorie", "kategorien",
                    "categorie", "categoria", "categorias", "shop", "boutique", "tienda", "store", "catalog",
                    "catalogue", "katalog", "catalogo", "sortiment", "tag", "tags", "topics", "topic", "thema", "themen",
                    "rubrique", "etiqueta", "archive", "archiv", "archives"),
            PageType.OTHER, Set.of("login", "log-in", "signin", "sign-in", "signup", "sign-up", "register", "registrieren",
                    "registrierung", "anmelden", "anmeldung", "konto", "account", "my-account", "connexion", "inscription", "compte",
                    "acceso", "registro", "iniciar-sesion", "mi-cuenta", "cart", "basket", "warenkorb", "panier", "carrito", "cesta",
                    "checkout", "kasse", "search", "suche", "recherche", "buscar", "busqueda", "status", "estado", "changelog",
                    "release-notes", "releases", "whats-new", "neuigkeiten", "nouveautes", "novedades", "password", "forgot",
                    "reset", "passwort", "partners", "partner", "affiliates", "sitemap", "shipping", "versand", "livraison",
                    "envio", "envios", "returns", "events", "event", "webinars", "calendar", "kalender", "wishlist", "merkliste",
                    "newsletter", "download", "downloads", "demo", "trial")));

    /**
     * Types whose words are unambiguous inside a compound slug ({@code politica-de-privacidad}, {@code contact-sales}); words of
     * the other types ({@code product-designer}, {@code guide-entretien}, {@code management-agile}) count only as whole segments.
     */
    static final Set<PageType> SLUG_TOKEN_TYPES = Set.of(PageType.LEGAL, PageType.CONTACT, PageType.CAREERS, PageType.PRICING, PageType.OTHER);

    /** Words and phrases (folded) that name a type in a title, a heading or a link label. */
    static final Map<PageType, List<String>> PHRASES = new EnumMap<>(Map.of(
            PageType.PRICING, List.of("pricing", "prices", "plans and pricing", "plans pricing", "our plans", "choose a plan",
                    "compare plans", "preise", "preisliste", "tarife", "unsere tarife", "tarifs", "nos tarifs", "prix", "nos offres",
                    "precios", "planes", "planes y precios", "tarifas", "prezzi"),
            PageType.CAREERS, List.of("careers", "career", "jobs", "join us", "join our team", "work with us", "open positions",
                    "we re hiring", "karriere", "stellenangebote", "offene stellen", "jobs bei", "emplois", "carrieres", "rejoignez nous",
                    "recrutement", "offres d emploi", "empleo", "trabaja con nosotros", "ofertas de empleo", "unete", "vacantes"),
            PageType.LEGAL, List.of("terms of service", "terms of use", "terms and conditions", "terms", "privacy policy", "privacy",
                    "cookie policy", "cookies", "legal", "legal notice", "imprint", "impressum", "datenschutz", "datenschutzerklarung",
                    "agb", "allgemeine geschaftsbedingungen", "nutzungsbedingungen", "mentions legales", "politique de confidentialite",
                    "confidentialite", "conditions generales", "cgv", "cgu", "aviso legal", "politica de privacidad", "privacidad",
                    "politica de cookies", "terminos y condiciones", "condiciones generales", "terminos del servicio", "disclaimer",
                    "refund policy", "return policy", "returns policy", "policy", "widerrufsbelehrung", "politique de remboursement"),
            PageType.ABOUT, List.of("about us", "about", "our story", "our company", "our team", "the team", "meet the team",
                    "company", "uber uns", "ueber uns", "wir uber uns", "das team", "unser team", "unternehmen", "a propos",
                    "qui sommes nous", "notre histoire", "l equipe", "notre equipe", "sobre nosotros", "quienes somos", "el equipo",
                    "nuestro equipo", "nuestra historia", "empresa", "chi siamo", "over ons"),
            PageType.CONTACT, List.of("contact", "contact us", "get in touch", "kontakt", "kontaktieren sie uns", "nous contacter",
                    "contactez nous", "contacto", "contacta con nosotros", "contactanos", "contatti"),
            PageType.BLOG_INDEX, List.of("blog", "news", "magazin", "magazine", "journal", "le journal", "actualites", "noticias",
                    "latest posts", "all posts", "articles", "newsroom", "press", "presse"),
            PageType.DOCS, List.of("docs", "documentation", "dokumentation", "documentacion", "help", "help center", "help centre",
                    "hilfe", "hilfe center", "aide", "centre d aide", "ayuda", "centro de ayuda", "support", "knowledge base", "guide",
                    "guides", "api reference", "developer docs", "handbuch", "anleitung", "mode d emploi", "manual"),
            PageType.OTHER, List.of("log in", "login", "sign in", "sign up", "create account", "create your account", "register",
                    "anmelden", "registrieren", "konto erstellen", "connexion", "se connecter", "inscription", "creer un compte",
                    "iniciar sesion", "inicia sesion", "registrate", "crea tu cuenta", "cart", "shopping cart", "warenkorb", "panier",
                    "votre panier", "carrito", "cesta", "checkout", "kasse", "search", "suche", "recherche", "buscar", "status",
                    "system status", "service status", "estado del servicio", "changelog", "release notes", "what s new",
                    "novedades del producto", "partner program", "forgot password", "reset password")));

    /** Button and link texts that put a product in a cart or book a place (folded). */
    static final List<String> ADD_TO_CART = List.of("book now", "reserve", "reserver", "jetzt buchen", "reservar", "enroll", "enrol",
            "s inscrire", "inscrivez vous", "inscribirse", "inscribete","add to cart", "add to bag", "add to basket", "buy now", "in den warenkorb",
            "in den einkaufswagen", "jetzt kaufen", "kaufen", "ajouter au panier", "acheter", "acheter maintenant", "anadir al carrito",
            "anadir a la cesta", "comprar", "comprar ahora", "aggiungi al carrello", "in winkelwagen");

    /** Words of legal texts (folded), counted in the main content. */
    static final List<String> LEGAL_TERMS = List.of("liability", "warranty", "governing law", "jurisdiction", "personal data",
            "data protection", "gdpr", "controller", "hereby", "herein", "haftung", "gewahr", "gewahrleistung", "gerichtsstand",
            "personendaten", "personenbezogene", "datenschutz", "dsgvo", "handelsregister", "mwst", "urheberrecht",
            "responsabilite", "donnees personnelles", "rgpd", "propriete intellectuelle", "editeur", "lpd", "juridiction",
            "responsabilidad", "datos personales", "proteccion de datos", "rgpd", "lopdgdd", "lssi", "jurisdiccion",
            "propiedad intelectual", "nif", "cif", "legislacion", "cookies", "consentimiento", "consentement", "einwilligung",
            "consent");

    /** Words of job offers (folded). */
    static final List<String> JOB_TERMS = List.of("apply", "apply now", "full time", "part time", "salary", "requirements",
            "responsibilities", "what you ll do", "bewerben", "bewerbung", "vollzeit", "teilzeit", "festanstellung", "deine aufgaben",
            "dein profil", "postuler", "candidature", "temps plein", "temps partiel", "vos missions", "votre profil", "candidatura",
            "jornada completa", "requisitos", "funciones", "que haras", "salario", "enviar candidatura", "vacante");

    /** Words of company stories (folded). */
    static final List<String> ABOUT_TERMS = List.of("our story", "our mission", "our values", "founded", "founders", "our team",
            "unsere geschichte", "gegrundet", "unser team", "werte", "notre histoire", "fondee", "notre equipe", "nos valeurs",
            "nuestra historia", "nuestra mision", "fundada", "equipo", "cofundador", "cofundadora", "co founder", "mitgrunder",
            "fondateur", "fondatrice");

    /** Labels of pagination and of "read more" links on listings (folded). */
    static final List<String> LISTING_TERMS = List.of("older posts", "newer posts", "next page", "previous page", "read more",
            "continue reading", "altere beitrage", "neuere beitrage", "weiterlesen", "mehr lesen", "naechste seite", "nachste seite",
            "articles precedents", "lire la suite", "page suivante", "entradas anteriores", "leer mas", "siguiente", "anterior",
            "pagina siguiente", "load more");

    /** Bylines: "By Jane Doe", "Von Anna Keller", "Par Claire Dubois", "Por Lucía Ortega" (on raw text). */
    static final Pattern BYLINE = Pattern.compile("(?:^|[\\s·|,(])(?:by|von|par|por|di|door|text(?:e)?(?: und bilder)?:?|written by|autor(?:in)?:?)\\s+"
            + "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,3}", Pattern.UNICODE_CHARACTER_CLASS);
}
