package io.pagelens.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test once on SQLite and once on PostgreSQL. The test class provides {@code databases()} (usually
 * {@code return dbs.both();} over a {@link TestDatabases}). Arguments are not auto-closed: the databases live for
 * the whole class and {@link TestDatabases#close()} removes them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}", autoCloseArguments = false)
@MethodSource("databases")
public @interface BothDatabases {
}
