package io.pagelens.store;

import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.InvalidRequestException;

import java.util.regex.Pattern;

/**
 * What identifies a stored capture: project, page type, normalised URL, options hash and variant. Saving under the
 * same key again replaces the current record and moves the old one to history; a cached result is looked up by key.
 * Make one with {@link #of}; the parts are validated and errors name the API field ({@code projectId},
 * {@code pageType}, {@code variantId}).
 *
 * @param project     project name, created on first save
 * @param pageType    the page's role in the project (home, product, article, ...); {@value #DEFAULT_PAGE_TYPE} by default
 * @param url         normalised by {@link CaptureUrls#normalize}
 * @param optionsHash SHA-256 of the output-affecting options ({@link CanonicalOptions})
 * @param variant     a page variant's id, or {@value #NO_VARIANT} for the page as served
 * @param tenant      the tenant the project belongs to ({@link TenantScope}); {@value TenantScope#DEFAULT} when null
 */
public record CaptureKey(String project, String pageType, String url, String optionsHash, String variant, String tenant) {
    public static final String DEFAULT_PROJECT = "default";
    public static final String DEFAULT_PAGE_TYPE = "page";
    public static final String NO_VARIANT = "";
    /** Safe in URLs and file names; starts with a letter or digit; 100 characters at most. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public CaptureKey {
        project = requireName("projectId", project);
        pageType = requireName("pageType", pageType);
        variant = variant == null || variant.isEmpty() ? NO_VARIANT : requireName("variantId", variant);
        if (url == null || url.isBlank()) throw new InvalidRequestException("url", "is required");
        if (!io.pagelens.store.blob.Sha256.isValid(optionsHash)) throw new IllegalArgumentException("optionsHash must be a SHA-256 hex digest");
        tenant = tenant == null ? TenantScope.DEFAULT : TenantScope.requireName("tenant", tenant);
    }

    /** A key in the tenant {@value TenantScope#DEFAULT}. */
    public CaptureKey(String project, String pageType, String url, String optionsHash, String variant) {
        this(project, pageType, url, optionsHash, variant, null);
    }

    /** The same key in another tenant's project of the same name. */
    public CaptureKey inTenant(String t) {
        return new CaptureKey(project, pageType, url, optionsHash, variant, t);
    }

    /**
     * The key of a request: its URL normalised and its options hashed.
     *
     * @param pageType null for {@value #DEFAULT_PAGE_TYPE}
     * @param variant  null or empty for {@value #NO_VARIANT}
     */
    public static CaptureKey of(String project, String pageType, CaptureRequest request, String variant) {
        return of(project, pageType, request, CanonicalOptions.of(request), variant);
    }

    /** As {@link #of(String, String, CaptureRequest, String)}, with the request's options canonicalised already. */
    public static CaptureKey of(String project, String pageType, CaptureRequest request, CanonicalOptions options, String variant) {
        return new CaptureKey(project, pageType == null ? DEFAULT_PAGE_TYPE : pageType,
                CaptureUrls.normalize(request.url()), options.sha256(), variant);
    }

    /** Validates a project, page type or variant name; the error names {@code field}. */
    public static String requireName(String field, String value) {
        if (value == null || value.isBlank()) throw new InvalidRequestException(field, "is required");
        String v = value.trim();
        if (!NAME.matcher(v).matches()) {
            throw new InvalidRequestException(field, "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit; was '" + value + "'");
        }
        return v;
    }
}
