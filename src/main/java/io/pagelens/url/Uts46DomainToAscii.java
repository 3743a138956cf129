package io.pagelens.url;

import com.ibm.icu.text.IDNA;

import java.util.EnumSet;
import java.util.Set;

/**
 * {@link DomainToAscii} by ICU4J's UTS #46 (Unicode 17 tables in ICU 79), the options the URL standard sets. ICU
 * always checks hyphens and DNS lengths; those errors are dropped here because the standard turns both checks off
 * ({@code http://-x-.example/} and 64-letter labels are valid URLs).
 */
final class Uts46DomainToAscii implements DomainToAscii {
    static final Uts46DomainToAscii INSTANCE = new Uts46DomainToAscii();

    /** Loaded on the first non-ASCII host, so a process that never sees one never loads ICU's tables. */
    private static final class Icu {
        static final IDNA UTS46 = IDNA.getUTS46Instance(
                IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE);
    }

    /** What CheckHyphens=false and VerifyDnsLength=false allow. */
    private static final Set<IDNA.Error> IGNORED = EnumSet.of(IDNA.Error.EMPTY_LABEL, IDNA.Error.LABEL_TOO_LONG,
            IDNA.Error.DOMAIN_NAME_TOO_LONG, IDNA.Error.LEADING_HYPHEN, IDNA.Error.TRAILING_HYPHEN, IDNA.Error.HYPHEN_3_4);

    private Uts46DomainToAscii() {
    }

    @Override
    public String toAscii(String domain, String shown) {
        IDNA.Info info = new IDNA.Info();
        StringBuilder out = Icu.UTS46.nameToASCII(domain, new StringBuilder(domain.length() + 8), info);
        if (!info.hasErrors()) return out.toString();
        EnumSet<IDNA.Error> errors = EnumSet.copyOf(info.getErrors());
        errors.removeAll(IGNORED);
        if (errors.isEmpty()) return out.toString();
        throw new UrlException(UrlPart.HOST, "'" + shown + "' is not a valid international domain name: " + describe(errors, domain));
    }

    private static String describe(EnumSet<IDNA.Error> errors, String domain) {
        IDNA.Error first = errors.iterator().next();
        return switch (first) {
            case DISALLOWED -> disallowed(domain);
            case PUNYCODE -> "an xn-- label is not valid punycode";
            case INVALID_ACE_LABEL -> "an xn-- label decodes to text that IDNA does not allow";
            case LEADING_COMBINING_MARK -> "a label starts with a combining mark";
            case BIDI -> "a label mixes right-to-left and left-to-right text in a way IDNA forbids";
            case CONTEXTJ -> "a zero-width joiner or non-joiner is where IDNA forbids it";
            case LABEL_HAS_DOT -> "a label contains a dot after mapping";
            default -> first.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    /** Names the first code point UTS #46 disallows, found by asking about each one alone (error path only). */
    private static String disallowed(String domain) {
        for (int i = 0; i < domain.length(); ) {
            int cp = domain.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) continue;
            IDNA.Info info = new IDNA.Info();
            Icu.UTS46.nameToASCII(new String(Character.toChars(cp)), new StringBuilder(), info);
            if (info.getErrors().contains(IDNA.Error.DISALLOWED)) {
                return "it contains " + Chars.describe(cp) + ", which IDNA does not allow in a domain name";
            }
        }
        return "it contains a character IDNA does not allow in a domain name";
    }
}
