package org.waymark.retention.api;

import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.WaymarkUser;
import org.waymark.retention.DisposalEntry;
import org.waymark.retention.HeldType;
import org.waymark.retention.Hold;
import org.waymark.retention.Holds;
import org.waymark.retention.Retention;
import org.waymark.retention.RetentionPolicy;
import org.waymark.shared.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Retention for administrators: the periods, what is due, holds, runs and the disposal register. */
@RestController
@RequestMapping("/api/v1/retention")
@Tag(name = "Retention")
@RequiredArgsConstructor
class RetentionApi {

    static final int MAX_PAGE_SIZE = 500;

    private final Retention retention;
    private final Holds holds;

    record Overview(RetentionPolicy policy, List<Retention.ClassOverview> classes, List<Hold> holds) {
    }

    /** {@code record} is the record's id, or for a report from the public also its reference. */
    record HoldRequest(HeldType recordType, String record, String reason) {
    }

    @GetMapping
    @Operation(summary = "The periods, and what is due now and in the next 30 days, class by class")
    Overview overview() {
        return new Overview(retention.policy(), retention.overview(), holds.standing());
    }

    @PostMapping("/runs")
    @Operation(summary = "Runs the daily disposal now", description = "Masks and deletes what is due, as the "
            + "schedule would; says how many records of each class it masked and deleted.")
    Retention.Run run(@AuthenticationPrincipal WaymarkUser admin) {
        return retention.runNow(admin);
    }

    @GetMapping("/holds")
    @Operation(summary = "The holds that stand, newest first")
    List<Hold> standing() {
        return holds.standing();
    }

    @PostMapping("/holds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Places a hold on a record under review", description = "A check, a referral or a report "
            + "from the public (by id or reference); it is not disposed of until the hold is lifted.")
    Hold place(@RequestBody HoldRequest request, @AuthenticationPrincipal WaymarkUser admin) {
        return holds.place(request.recordType(), request.record(), request.reason(), admin);
    }

    @GetMapping("/holds/{id}")
    Hold hold(@PathVariable UUID id) {
        return holds.find(id).orElseThrow(() -> new NotFoundException("hold", id));
    }

    @PostMapping("/holds/{id}/lift")
    @Operation(summary = "Lifts a hold", description = "The record is disposed of at the next run if it is due.")
    Hold lift(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser admin) {
        return holds.lift(id, admin);
    }

    @GetMapping("/disposals")
    @Operation(summary = "The disposal register, newest first; page counts from 0")
    List<DisposalEntry> disposals(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return retention.register(page, size);
    }
}
