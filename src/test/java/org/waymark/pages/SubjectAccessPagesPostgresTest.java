package org.waymark.pages;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.support.TestDatabases;

/** The subject access pages on PostgreSQL, where the searches read the same tables. */
class SubjectAccessPagesPostgresTest extends SubjectAccessPagesTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
