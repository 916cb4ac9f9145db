package org.waymark.support;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests of the whole application with a database of their own, on H2 and again on PostgreSQL:
 * each test class gets a fresh database, and its application is closed after the class, so that
 * no class sees another's records.
 */
@DirtiesContext
@OnBothDatabases
public abstract class DatabaseTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.inUse(registry);
    }
}
