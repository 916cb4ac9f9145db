package org.waymark.audit.api;

import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.WaymarkUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
@RequiredArgsConstructor
class AuditApi {

    static final int MAX_PAGE_SIZE = 500;

    private final AuditLog audit;

    /** The newest entries first; {@code page} counts from 0. The read is itself logged. */
    @GetMapping
    @Operation(summary = "Read the audit log", description = "The newest entries first. disclosedTo names the "
            + "recipient of a disclosure (agency:<id>, user:<id>, email:<address> or organisation:<name>). Every "
            + "read of the log is itself logged as AUDIT_READ; no request changes or deletes an entry.")
    List<AuditEntry> find(@RequestParam(required = false) @Size(max = 40) String recordType,
            @RequestParam(required = false) @Size(max = 64) String recordId,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) @Size(max = 40) String action,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @AuthenticationPrincipal WaymarkUser user) {
        return audit.read(new AuditQuery(action, recordType, recordId, userId), page, size, user.actor());
    }
}
