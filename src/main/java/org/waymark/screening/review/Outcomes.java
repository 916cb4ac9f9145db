package org.waymark.screening.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of the people screening found, and so how well each rule and watch list finds
 * people officers needed to speak with: reviewers' decisions and officers' results, as counts.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Outcomes {

    private final JdbcClient jdbc;

    /**
     * For each person (by person key) with a decided hit, what became of them: the latest
     * decision or officer's result of any of their hits. People with only open hits are absent.
     */
    @Transactional(readOnly = true)
    public Map<String, Outcome> forPeople(Collection<String> personKeys) {
        Map<String, Outcome> outcomes = new HashMap<>();
        if (personKeys == null || personKeys.isEmpty()) {
            return outcomes;
        }
        Map<String, Instant> when = new HashMap<>();
        for (List<String> keys : batches(List.copyOf(personKeys))) {
            jdbc.sql("""
                    SELECT h.person_key, h.status, h.decided_at, r.result, r.result_at
                    FROM screening_hit h LEFT JOIN screening_request r ON r.id = h.request_id
                    WHERE h.person_key IN (:keys) AND h.status NOT IN ('OPEN', 'EXPIRED')""").param("keys", keys)
                    .query((rs, row) -> {
                        String result = rs.getString("result");
                        Outcome outcome = result != null ? Outcome.valueOf(result)
                                : Outcome.valueOf(HitStatus.valueOf(rs.getString("status")) == HitStatus.ASKED
                                        ? "ASKED" : rs.getString("status"));
                        Instant at = result != null ? Hits.instant(rs, "result_at") : Hits.instant(rs, "decided_at");
                        String key = rs.getString("person_key");
                        Instant before = when.get(key);
                        if (before == null || at != null && at.isAfter(before)) {
                            when.put(key, at);
                            outcomes.put(key, outcome);
                        }
                        return key;
                    }).list();
        }
        return outcomes;
    }

    /** What became of the hits of a rule (any of its versions). */
    @Transactional(readOnly = true)
    public Precision forRule(UUID ruleId) {
        return precision(ruleId, HitKind.RULE);
    }

    /** What became of the hits of a watch list (any of its entries). */
    @Transactional(readOnly = true)
    public Precision forWatchList(UUID listId) {
        return precision(listId, HitKind.WATCH_LIST);
    }

    private Precision precision(UUID owner, HitKind kind) {
        int[] counts = new int[8]; // hits, decided, asked, spoke with, check started, not found, no concern, referred
        jdbc.sql("""
                SELECT h.status, r.result, COUNT(*) FROM screening_hit h LEFT JOIN screening_request r ON r.id = h.request_id
                WHERE h.source_owner_id = :owner AND h.kind = :kind GROUP BY h.status, r.result""")
                .param("owner", owner).param("kind", kind.name()).query((rs, row) -> {
                    int n = rs.getInt(3);
                    HitStatus status = HitStatus.valueOf(rs.getString(1));
                    counts[0] += n;
                    if (status.decided()) {
                        counts[1] += n;
                    }
                    switch (status) {
                        case ASKED -> counts[2] += n;
                        case NO_CONCERN -> counts[6] += n;
                        case REFERRED_ELSEWHERE -> counts[7] += n;
                        default -> {
                        }
                    }
                    String result = rs.getString(2);
                    if (result != null) {
                        counts[3 + RequestResult.valueOf(result).ordinal()] += n;
                    }
                    return n;
                }).list();
        return new Precision(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]);
    }

    private static List<List<String>> batches(List<String> keys) {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 500) {
            batches.add(keys.subList(i, Math.min(keys.size(), i + 500)));
        }
        return batches;
    }
}
