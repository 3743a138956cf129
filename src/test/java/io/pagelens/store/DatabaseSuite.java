package io.pagelens.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;

import java.util.stream.Stream;

/**
 * Base of a test class whose {@link BothDatabases} tests run on SQLite and on PostgreSQL: one fresh database of
 * each per class ({@link TestDatabases}), removed after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseSuite {
    protected final TestDatabases dbs = new TestDatabases();

    protected Stream<Named<Database>> databases() {
        return dbs.both();
    }

    @AfterAll
    protected void closeDatabases() {
        dbs.close();
    }
}
