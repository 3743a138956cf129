package io.pagelens.store;

import io.pagelens.capture.InvalidRequestException;

import java.util.regex.Pattern;

/**
 * Whose data a caller may see: one tenant's, or every tenant's (an admin key, and pagelens' own work: the CLI,
 * retention, the workers). Every read and write of projects, pages, captures and jobs on behalf of an API key goes
 * through one; a row of another tenant is then simply not found, so a guessed id answers 404 and leaks nothing.
 *
 * <p>In a route: {@code TenantScope scope = ctx.tenant();} then {@code scope.sees(row.tenant())}, or pass it to
 * the scoped {@link Storage} reads; a row written on the caller's behalf takes {@link #owner()}.
 *
 * @param tenant the one tenant seen; null when every tenant is ({@link #ALL})
 * @param owner  the tenant that rows written in this scope belong to (an admin writes into its own tenant)
 */
public record TenantScope(String tenant, String owner) {
    // before ALL: the constant is validated when the class initialises
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** The tenant rows belong to when nobody says otherwise (every row from before tenants, the CLI). */
    public static final String DEFAULT = "default";
    /** Every tenant, writing into {@value #DEFAULT}: pagelens' own work. */
    public static final TenantScope ALL = new TenantScope(null, DEFAULT);

    public TenantScope {
        if (tenant != null) requireName("tenant", tenant);
        requireName("tenant", owner);
        if (tenant != null && !tenant.equals(owner)) throw new IllegalArgumentException("a one-tenant scope writes into its own tenant");
    }

    /** Only {@code tenant}'s rows. */
    public static TenantScope of(String tenant) {
        return new TenantScope(tenant, tenant);
    }

    /** Every tenant's rows; writes go to {@code home}. */
    public static TenantScope all(String home) {
        return new TenantScope(null, home);
    }

    public boolean seesAll() {
        return tenant == null;
    }

    /** Whether a row of {@code rowTenant} is visible in this scope. */
    public boolean sees(String rowTenant) {
        return tenant == null || tenant.equals(rowTenant == null ? DEFAULT : rowTenant);
    }

    /** Validates a tenant name: 1 to 64 lower-case letters, digits, '.', '_' or '-'; the error names {@code field}. */
    public static String requireName(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidRequestException(field, "must be 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit; was '" + value + "'");
        }
        return value;
    }
}
