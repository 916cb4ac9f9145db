package org.waymark.tips.api;

import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.OperationId;
import org.waymark.shared.UserId;
import org.waymark.tips.ReportStatus;
import org.waymark.tips.ReportSummary;
import org.waymark.tips.ReportView;
import org.waymark.tips.Triage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Reports from the public")
@RequiredArgsConstructor
class TriageApi {

    private final Triage triage;

    record AssigneeRequest(UUID userId) {
    }

    record ReportOperationRequest(UUID operationId) {
    }

    record ReportStatusRequest(ReportStatus status) {
    }

    record NoteRequest(String text) {
    }

    @GetMapping("/api/v1/reports")
    @Operation(summary = "The triage queue, newest first", description = "For officers and coordinators of first "
            + "responders; never contact details. Each listing is logged.")
    List<ReportSummary> queue(@RequestParam(required = false) ReportStatus status,
            @AuthenticationPrincipal WaymarkUser user) {
        return triage.queue(status, user);
    }

    @GetMapping("/api/v1/reports/{id}")
    @Operation(summary = "A report", description = "contact only for the assignee and coordinators "
            + "(contactShown); every read is logged.")
    ReportView read(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return triage.read(id, user);
    }

    @PostMapping("/api/v1/reports/{id}/assignee")
    ReportView assign(@PathVariable UUID id, @RequestBody AssigneeRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return triage.assign(id, request.userId() == null ? null : new UserId(request.userId()), user);
    }

    @PostMapping("/api/v1/reports/{id}/operation")
    ReportView link(@PathVariable UUID id, @RequestBody ReportOperationRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return triage.link(id, request.operationId() == null ? null : new OperationId(request.operationId()), user);
    }

    @PostMapping("/api/v1/reports/{id}/status")
    ReportView status(@PathVariable UUID id, @RequestBody ReportStatusRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return triage.changeStatus(id, request.status(), user);
    }

    @PostMapping("/api/v1/reports/{id}/notes")
    ReportView note(@PathVariable UUID id, @RequestBody NoteRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return triage.addNote(id, request.text(), user);
    }
}
