package org.waymark.audit.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.Agencies;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.PageController;
import org.waymark.shared.PlainText;

@PageController
@RequestMapping("/admin/audit")
@RequiredArgsConstructor
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final Users users;
    private final Agencies agencies;

    /** The filters as typed; blank ones match everything. */
    static class Filter {
        private String action = "";
        private String recordType = "";
        private String recordId = "";
        private String user = "";
        private int page;

        AuditQuery query(Map<String, UUID> userIdsByEmail) {
            UUID userId = null;
            if (!user.isBlank()) {
                userId = userIdsByEmail.getOrDefault(user.strip().toLowerCase(java.util.Locale.ROOT),
                        new UUID(0, 0));
            }
            return new AuditQuery(constant(action), constant(recordType), PlainText.typed(recordId), userId);
        }

        /** Actions and record types are upper-case constants such as SIGN_IN; typing sign in finds them. */
        private static String constant(String text) {
            String typed = PlainText.typed(text);
            return typed == null ? null : typed.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
        }

        public String getAction() {
            return action;
        }

        public void setAction(String action) {
            this.action = action == null ? "" : action;
        }

        public String getRecordType() {
            return recordType;
        }

        public void setRecordType(String recordType) {
            this.recordType = recordType == null ? "" : recordType;
        }

        public String getRecordId() {
            return recordId;
        }

        public void setRecordId(String recordId) {
            this.recordId = recordId == null ? "" : recordId;
        }

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user == null ? "" : user;
        }

        public int getPage() {
            return page;
        }

        public void setPage(int page) {
            this.page = Math.max(0, Math.min(page, 100_000));
        }
    }

    /** The log, filtered; reading it is itself logged. */
    @GetMapping
    String list(@ModelAttribute("filter") Filter filter, @AuthenticationPrincipal WaymarkUser reader, Model model) {
        var allUsers = users.all();
        Map<String, UUID> idsByEmail = allUsers.stream()
                .collect(Collectors.toMap(user -> user.email(), user -> user.id().value()));
        var entries = audit.read(filter.query(idsByEmail), filter.getPage(), PAGE_SIZE + 1, reader.actor());
        Map<UUID, String> userNames = allUsers.stream()
                .collect(Collectors.toMap(user -> user.id().value(), user -> user.name() + " (" + user.email() + ")"));
        Map<UUID, String> agencyNames = agencies.all().stream()
                .collect(Collectors.toMap(agency -> agency.id().value(), agency -> agency.name()));
        List<AuditEntry> shown = entries.stream().limit(PAGE_SIZE).toList();
        Map<Long, String> recipients = new HashMap<>();
        shown.stream().filter(entry -> entry.disclosedTo() != null)
                .forEach(entry -> recipients.put(entry.id(), recipient(entry.disclosedTo(), userNames, agencyNames)));
        model.addAttribute("entries", shown);
        model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
        model.addAttribute("userNames", userNames);
        model.addAttribute("agencyNames", agencyNames);
        model.addAttribute("recipients", recipients);
        return "admin/audit";
    }

    /** A recipient by name where Waymark knows it ({@code agency:<id>} and {@code user:<id>}), else as written. */
    static String recipient(String disclosedTo, Map<UUID, String> userNames, Map<UUID, String> agencyNames) {
        int colon = disclosedTo.indexOf(':');
        if (colon < 0) {
            return disclosedTo;
        }
        String kind = disclosedTo.substring(0, colon);
        String value = disclosedTo.substring(colon + 1);
        try {
            if (kind.equals("agency")) {
                return agencyNames.getOrDefault(UUID.fromString(value), value);
            }
            if (kind.equals("user")) {
                return userNames.getOrDefault(UUID.fromString(value), value);
            }
        } catch (IllegalArgumentException notAnId) {
            return value;
        }
        return value;
    }
}
