package org.waymark.pages;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.support.TestDatabases;

/** The person form saved whole or not at all, on PostgreSQL. */
class PersonFormSavedWholePostgresTest extends PersonFormSavedWholeTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
