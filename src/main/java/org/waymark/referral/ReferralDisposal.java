package org.waymark.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.Disposal;

import tools.jackson.databind.json.JsonMapper;

/**
 * The disposal of referrals at the end of their retention period, for the retention schedule,
 * which decides what is due and when. A check's referrals are disposed of together: masking
 * replaces the package with an empty one and the words added to the account, the consent's
 * explainer and the Home Office's reference with {@link Disposal#MARKER}; erasing removes the
 * additions and decisions and empties the rest. What the figures count stays: the check,
 * operation, kind, whether for a child, status and submission.
 */
@Service
@Transactional
public class ReferralDisposal {

    /** A check whose referrals were submitted, and the last submission, which their period runs from. */
    public record Due(UUID checkId, Instant lastSubmitted) {
    }

    private final JdbcClient jdbc;
    private final String emptyPackage;

    ReferralDisposal(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.emptyPackage = json.writeValueAsString(new ReferralPackage(null, null, null, null, null, null, null,
                null, null, null, null, null, null));
    }

    /** Of these checks, those with a referral that was submitted: they are kept as long as it is. */
    @Transactional(readOnly = true)
    public Set<UUID> submittedFor(Collection<UUID> checkIds) {
        if (checkIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT DISTINCT check_id FROM referral WHERE submitted_at IS NOT NULL AND "
                + "check_id IN (:checks)").param("checks", checkIds).query(UUID.class).list());
    }

    /** Checks with referrals not masked yet, the last of them submitted before {@code before}, oldest first. */
    @Transactional(readOnly = true)
    public List<Due> toMask(Instant before) {
        return jdbc.sql("""
                SELECT check_id, MAX(submitted_at) FROM referral WHERE masked_at IS NULL
                GROUP BY check_id HAVING MAX(submitted_at) < :before ORDER BY MAX(submitted_at), check_id""")
                .param("before", Timestamp.from(before))
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
    }

    /** The referrals of the check that are not erased, oldest first. */
    @Transactional(readOnly = true)
    public List<UUID> ofCheck(UUID checkId) {
        return jdbc.sql("SELECT id FROM referral WHERE check_id = :check AND erased_at IS NULL ORDER BY created_at")
                .param("check", checkId).query(UUID.class).list();
    }

    /** The check a referral that is not erased was made from. */
    @Transactional(readOnly = true)
    public Optional<UUID> checkOf(UUID referralId) {
        return jdbc.sql("SELECT check_id FROM referral WHERE id = :id AND erased_at IS NULL").param("id", referralId)
                .query(UUID.class).optional();
    }

    /** Masks the check's referrals not masked yet; returns those masked now. */
    public List<UUID> mask(UUID checkId, Instant now) {
        List<UUID> due = jdbc.sql("SELECT id FROM referral WHERE check_id = :check AND masked_at IS NULL ORDER BY id")
                .param("check", checkId).query(UUID.class).list();
        if (due.isEmpty()) {
            return due;
        }
        jdbc.sql("""
                UPDATE referral SET package_content = :empty,
                    consent_explained_by = CASE WHEN consent_explained_by IS NULL THEN NULL ELSE :marker END,
                    home_office_reference = CASE WHEN home_office_reference IS NULL THEN NULL ELSE :marker END,
                    masked_at = :now, version = version + 1
                WHERE id IN (:ids) AND masked_at IS NULL""")
                .param("empty", emptyPackage).param("marker", Disposal.MARKER).param("now", Timestamp.from(now))
                .param("ids", due).update();
        jdbc.sql("UPDATE referral_account_addition SET text = :marker WHERE referral_id IN (:ids)")
                .param("marker", Disposal.MARKER).param("ids", due).update();
        return due;
    }

    /** Erases the check's masked referrals not erased yet; returns those erased now. */
    public List<UUID> erase(UUID checkId, Instant now) {
        List<UUID> due = jdbc.sql("""
                SELECT id FROM referral WHERE check_id = :check AND masked_at IS NOT NULL AND erased_at IS NULL
                ORDER BY id""").param("check", checkId).query(UUID.class).list();
        if (due.isEmpty()) {
            return due;
        }
        jdbc.sql("DELETE FROM referral_account_addition WHERE referral_id IN (:ids)").param("ids", due).update();
        jdbc.sql("DELETE FROM referral_decision WHERE referral_id IN (:ids)").param("ids", due).update();
        jdbc.sql("""
                UPDATE referral SET package_content = NULL, consent_given = NULL, consent_explained_by = NULL,
                    consent_language = NULL, consent_interpreter_used = NULL, consent_at = NULL,
                    consent_withdrawn_at = NULL, home_office_reference = NULL, rg_due_date = NULL,
                    erased_at = :now, version = version + 1
                WHERE id IN (:ids)""").param("now", Timestamp.from(now)).param("ids", due).update();
        return due;
    }
}
