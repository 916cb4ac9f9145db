package org.waymark.flight.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.waymark.flight.Flights;
import org.waymark.flight.ImportResult;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

/**
 * Schedule imports started from the page run in the background, so that the page can show how
 * far a large file has got. Each import is visible to the user who started it, for an hour.
 */
@Component
class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration KEPT = Duration.ofHours(1);

    /** One import: how many flights are saved so far, then the result or the reason it failed. */
    static final class Job {
        final UUID id = UUID.randomUUID();
        final UserId owner;
        final OperationId operation;
        final Instant started;
        volatile int saved;
        volatile ImportResult result;
        volatile String problem;

        Job(UserId owner, OperationId operation, Instant started) {
            this.owner = owner;
            this.operation = operation;
            this.started = started;
        }

        boolean finished() {
            return result != null || problem != null;
        }

        public int getSaved() {
            return saved;
        }

        public ImportResult getResult() {
            return result;
        }

        public String getProblem() {
            return problem;
        }
    }

    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Flights flights;
    private final Clock clock;

    ImportJobs(Flights flights, Clock clock) {
        this.flights = flights;
        this.clock = clock;
    }

    Job start(OperationId operation, byte[] file, WaymarkUser user) {
        jobs.values().removeIf(job -> job.finished() && job.started.isBefore(clock.instant().minus(KEPT)));
        Job job = new Job(user.id(), operation, clock.instant());
        jobs.put(job.id, job);
        executor.submit(() -> {
            try {
                job.result = flights.importSchedule(operation, file, user, saved -> job.saved = saved);
            } catch (RuleViolationException e) {
                job.problem = e.messageCode();
            } catch (RuntimeException e) {
                log.error("Schedule import {} failed", job.id, e);
                job.problem = "error.500.text";
            }
        });
        return job;
    }

    Optional<Job> find(UUID id, OperationId operation, WaymarkUser user) {
        return Optional.ofNullable(jobs.get(id))
                .filter(job -> job.owner.equals(user.id()) && job.operation.equals(operation));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
