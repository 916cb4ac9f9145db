package org.waymark.audit;

import java.util.ArrayList;
import java.util.List;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/** The audit log was read, through its page or its API: the filters used and the page asked for. */
record AuditRead(Actor actor, AuditQuery query, int page) implements Auditable {

    public String action() {
        return "AUDIT_READ";
    }

    public String recordType() {
        return "AUDIT_LOG";
    }

    public String recordId() {
        return null;
    }

    public String detail() {
        List<String> filters = new ArrayList<>();
        add(filters, "action", query.action());
        add(filters, "recordType", query.recordType());
        add(filters, "recordId", query.recordId());
        add(filters, "userId", query.userId());
        add(filters, "agencyId", query.agencyId());
        add(filters, "from", query.from());
        add(filters, "until", query.until());
        filters.add("page=" + page);
        return String.join(" ", filters);
    }

    private static void add(List<String> filters, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            filters.add(name + "=" + value);
        }
    }
}
