package io.pagelens.url;

import java.net.IDN;
import java.util.Locale;

/**
 * The alternative to ICU that was measured and not taken: the JDK's {@link IDN} (IDNA2003, Unicode 3.2 tables,
 * transitional: {@code ß} becomes {@code ss}). Test-only, so {@code IdnaChoiceTest} can show the difference.
 */
final class Idna2003DomainToAscii implements DomainToAscii {
    static final UrlParser PARSER = new UrlParser(new Idna2003DomainToAscii());

    @Override
    public String toAscii(String domain, String shown) {
        try {
            return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new UrlException(UrlPart.HOST, "'" + shown + "' is not a valid international domain name: " + e.getMessage());
        }
    }
}
