package org.waymark.tips;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** Information given by a member of the public, with a reference they can quote. */
@Table("public_report")
record PublicReport(@Id UUID id, String reference, String what, String place, String happened, String who,
        String contact, ReportStatus status, @Column("received_at") Instant receivedAt, @Version Long version) {
}
