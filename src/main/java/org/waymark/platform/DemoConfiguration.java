package org.waymark.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.waymark.shared.DemoTime;

/**
 * Demo only. The demo's database is made afresh at each start (cleaned, then migrated), so that
 * the week of action is written around the day the demo starts and the password printed is the
 * one that works; {@code spring.flyway.clean-disabled=false} is set in the demo's properties
 * alone, so that no other database can be cleaned. And the application's clock reads the time
 * the demo data is being written at ({@link DemoTime}), so that the modules' services stamp
 * each step of the week with its time in the story.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoConfiguration {

    @Bean
    FlywayMigrationStrategy demoDatabaseAfresh() {
        return flyway -> {
            if (holdsAccountsOutsideTheDemo(flyway.getConfiguration().getDataSource())) {
                throw new IllegalStateException("The demo empties its database at each start, and this one holds "
                        + "accounts that are not the demo's: point WAYMARK_DB_URL at a database of the demo's own");
            }
            flyway.clean();
            flyway.migrate();
        };
    }

    /** A database someone uses for real work, given to the demo by mistake, is never emptied. */
    private static boolean holdsAccountsOutsideTheDemo(DataSource dataSource) {
        try {
            Integer others = new JdbcTemplate(dataSource).queryForObject(
                    "SELECT COUNT(*) FROM user_account WHERE email NOT LIKE '%@demo.waymark.test'", Integer.class);
            return others != null && others > 0;
        } catch (DataAccessException noAccountsYet) {
            return false;
        }
    }

    @Bean
    static BeanPostProcessor demoTimeClock() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof Clock clock && !(bean instanceof DemoTimeClock) ? new DemoTimeClock(clock)
                        : bean;
            }
        };
    }

    /** The clock as it is, except while the demo data is written on this thread. */
    static final class DemoTimeClock extends Clock {

        private final Clock clock;

        DemoTimeClock(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Instant instant() {
            return DemoTime.now().orElseGet(clock::instant);
        }

        @Override
        public ZoneId getZone() {
            return clock.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new DemoTimeClock(clock.withZone(zone));
        }
    }
}
