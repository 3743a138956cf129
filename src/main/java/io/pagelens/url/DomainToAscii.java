package io.pagelens.url;

/**
 * The Unicode step of WHATWG "domain to ASCII" (UTS #46 ToASCII with CheckHyphens, UseSTD3ASCIIRules and
 * VerifyDnsLength off, CheckBidi, CheckJoiners and nontransitional processing on). Only called for hosts with a
 * non-ASCII character once percent-decoded; the parser lower-cases ASCII hosts itself, as the standard says.
 */
interface DomainToAscii {
    /**
     * @param domain the percent-decoded host
     * @param shown  the host as the user wrote it, for the error message
     * @return the ASCII domain, possibly empty (the caller rejects that)
     * @throws UrlException naming {@link UrlPart#HOST} when UTS #46 reports an error
     */
    String toAscii(String domain, String shown);
}
