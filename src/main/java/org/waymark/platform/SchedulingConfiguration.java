package org.waymark.platform;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

/**
 * Background work: jobs on a schedule, such as sending mail (each module's jobs say when they may
 * run), and modules' reactions to each other's events, which run after the event's transaction
 * commits on Spring Boot's task executor ({@code @ApplicationModuleListener}).
 * <p>
 * Each job takes its lock in the database before it runs (ShedLock, ADR 0048), so that however
 * many nodes share the database, one runs it at a time and the others skip that turn. A lock is
 * taken for a minute and extended every half minute while its job runs, so a long job keeps it
 * and the lock of a node that died is free again within a minute.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
@EnableSchedulerLock(defaultLockAtMostFor = SchedulingConfiguration.LOCK_AT_MOST_FOR)
class SchedulingConfiguration {

    static final String LOCK_AT_MOST_FOR = "PT1M";

    @Bean
    JobLocks jobLocks(DataSource dataSource) {
        return new JobLocks(dataSource);
    }

    /**
     * ShedLock's locks in the database, kept alive by a thread of their own that stops with the
     * application. The thread is not a bean: an executor among the beans would take the place of
     * Spring Boot's task executor, on which module reactions run.
     */
    static final class JobLocks implements LockProvider, DisposableBean {

        private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "job-lock-keep-alive");
            thread.setDaemon(true);
            return thread;
        });
        private final LockProvider locks;

        JobLocks(DataSource dataSource) {
            // The database's clock, not each node's, says when a lock runs out.
            locks = new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                    .builder().withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build()), keepAlive);
        }

        @Override
        public Optional<SimpleLock> lock(LockConfiguration configuration) {
            return locks.lock(configuration);
        }

        @Override
        public void destroy() {
            keepAlive.shutdownNow();
        }
    }
}
