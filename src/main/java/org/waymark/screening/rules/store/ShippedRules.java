package org.waymark.screening.rules.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.screening.rules.DefaultGroups;
import org.waymark.screening.rules.Group;
import org.waymark.screening.rules.RuleLibrary;

/**
 * Adds the groups and the rules Waymark ships, disabled, where they are not stored yet: once,
 * even when two nodes start together. Each is added in a transaction of its own, so that the
 * one another node added first only makes this node's insert fail, not the others'. A group or
 * rule people changed or removed since is left as they left it. Runs before the demo's screening
 * data, which enables two of them.
 */
@Component
@Order(60)
@RequiredArgsConstructor
class ShippedRules implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StoredCriteria criteria;
    private final Clock clock;

    @Override
    public void run(ApplicationArguments args) {
        for (Group group : DefaultGroups.all()) {
            once(() -> {
                if (jdbc.sql("SELECT COUNT(*) FROM screening_group WHERE code = :code").param("code", group.code())
                        .query(Integer.class).single() > 0) {
                    return;
                }
                jdbc.sql("""
                        INSERT INTO screening_group (code, name, description, members, computed, changed_at)
                        VALUES (:code, :name, :description, :members, :computed, :at)""")
                        .param("code", group.code()).param("name", group.name())
                        .param("description", group.description())
                        .param("members", String.join("\n", group.members().stream().sorted().toList()))
                        .param("computed", group.computed()).param("at", Timestamp.from(clock.instant())).update();
            });
        }
        for (RuleLibrary.ShippedRule rule : RuleLibrary.rules()) {
            once(() -> {
                boolean stored = jdbc.sql("SELECT COUNT(*) FROM screening_rule WHERE library_key = :key")
                        .param("key", rule.code()).query(Integer.class).single() > 0;
                if (stored) {
                    return;
                }
                UUID id = UUID.randomUUID();
                Timestamp now = Timestamp.from(clock.instant());
                jdbc.sql("""
                        INSERT INTO screening_rule (id, status, current_version, library_key, created_at)
                        VALUES (:id, 'DRAFT', 1, :key, :at)""").param("id", id).param("key", rule.code())
                        .param("at", now).update();
                jdbc.sql("""
                        INSERT INTO screening_rule_version (id, rule_id, version_no, title, description, indicator,
                            priority, criteria, written_at)
                        VALUES (:id, :rule, 1, :title, :description, :indicator, :priority, :criteria, :at)""")
                        .param("id", UUID.randomUUID()).param("rule", id).param("title", rule.title())
                        .param("description", rule.description()).param("indicator", rule.indicator())
                        .param("priority", rule.priority()).param("criteria", criteria.write(rule.criteria()))
                        .param("at", now).update();
            });
        }
    }

    private void once(Runnable insert) {
        try {
            transactions.executeWithoutResult(status -> insert.run());
        } catch (DuplicateKeyException addedByAnotherNode) {
            // the other node's row stands
        }
    }
}
