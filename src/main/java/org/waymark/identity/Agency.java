package org.waymark.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.waymark.shared.AgencyId;

/** An organisation whose staff use Waymark. */
class Agency {

    static final int MAX_NAME = 120;

    @Id
    private final UUID id;
    private String name;
    /** The name folded for the uniqueness check: "Essex Police" and "essex police" are one agency. */
    private String nameKey;
    private AgencyType type;
    private boolean firstResponder;
    private final Instant createdAt;
    @Version
    private Long version;

    Agency(UUID id, String name, String nameKey, AgencyType type, boolean firstResponder, Instant createdAt,
            Long version) {
        this.id = id;
        this.name = name;
        this.nameKey = nameKey;
        this.type = type;
        this.firstResponder = firstResponder;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Agency create(String name, AgencyType type, Boolean firstResponder, Instant now) {
        Agency agency = new Agency(UUID.randomUUID(), null, null, null, false, now, null);
        agency.change(name, type, firstResponder);
        return agency;
    }

    /** Renames or retypes the agency; without an explicit flag, First Responder follows the type. */
    void change(String name, AgencyType type, Boolean firstResponder) {
        this.name = name.strip();
        this.nameKey = nameKey(name);
        this.type = type;
        this.firstResponder = firstResponder != null ? firstResponder : type.firstResponderByDefault();
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    AgencyId id() {
        return new AgencyId(id);
    }

    AgencySummary summary() {
        return new AgencySummary(id(), name, type, firstResponder);
    }
}
