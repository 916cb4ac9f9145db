package org.waymark.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work: jobs on a schedule, such as sending mail (each module's jobs say when they may
 * run), and modules' reactions to each other's events, which run after the event's transaction
 * commits on Spring Boot's task executor ({@code @ApplicationModuleListener}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {
}
