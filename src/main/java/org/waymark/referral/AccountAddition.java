package org.waymark.referral;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/** Words added to the person's account by a partner asked for support, attributed and dated. */
@Table("referral_account_addition")
record AccountAddition(UUID agencyId, UUID addedBy, Instant addedAt, String text) {
}
