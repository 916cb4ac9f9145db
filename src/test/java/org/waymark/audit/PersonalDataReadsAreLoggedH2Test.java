package org.waymark.audit;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.support.TestDatabases;

class PersonalDataReadsAreLoggedH2Test extends PersonalDataReadsAreLoggedTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }
}
