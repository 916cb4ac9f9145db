package org.waymark.screening.rules.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.waymark.screening.rules.Criterion;
import org.waymark.shared.UserId;

/** How the store gives rules, their versions and their groups to pages and the API. */
public final class RuleViews {

    private RuleViews() {
    }

    /** What a person writes for a new rule or a new version of one. */
    public record RuleDraft(String title, String description, String indicator, int priority, Criterion criteria) {
    }

    /** A rule in the list: its newest version's title, and which version screens, if any. */
    public record RuleSummary(UUID id, String title, String indicator, int priority, RuleStatus status,
            int currentVersion, Integer enabledVersion, boolean shipped) {
    }

    /** One version as written. {@code writtenBy} is null for a shipped rule's first version. */
    public record VersionView(UUID id, int version, String title, String description, String indicator,
            int priority, Criterion criteria, UserId writtenBy, Instant writtenAt) {
    }

    /** A back-test as listed on its rule's page. */
    public record BacktestSummary(UUID id, int version, LocalDate from, LocalDate to, UserId runBy, Instant runAt,
            int flights, int passengers, int hits) {
    }

    /**
     * A rule with all its versions, newest first, and its back-tests, newest first.
     *
     * @param enabledBy who enabled the enabled version, and when
     */
    public record RuleDetail(UUID id, RuleStatus status, int currentVersion, Integer enabledVersion,
            UserId enabledBy, Instant enabledAt, boolean shipped, UserId createdBy, Instant createdAt,
            List<VersionView> versions, List<BacktestSummary> backtests) {

        public VersionView current() {
            return version(currentVersion);
        }

        public VersionView version(int number) {
            return versions.stream().filter(v -> v.version() == number).findFirst().orElse(null);
        }
    }

    /**
     * A named group of values; a computed one is filled by Waymark and cannot be edited, and as its
     * members are payers' and agencies' names, only how many there are is shown.
     *
     * @param members the members people wrote; none for a computed group
     */
    public record GroupView(String code, String name, String description, List<String> members, int memberCount,
            boolean computed, UserId changedBy, Instant changedAt) {
    }
}
