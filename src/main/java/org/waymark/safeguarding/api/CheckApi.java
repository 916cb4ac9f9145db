package org.waymark.safeguarding.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.ExploitationType;
import org.waymark.safeguarding.AdviceKind;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.FactOrOpinion;
import org.waymark.safeguarding.IndicatorBasis;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.PartnerCheckView;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.ShownCheck;
import org.waymark.safeguarding.api.CheckJson.CheckJsonFull;
import org.waymark.safeguarding.api.CheckJson.CheckJsonPartner;
import org.waymark.safeguarding.api.CheckJson.CheckSummaryJson;
import org.waymark.safeguarding.api.CheckJson.PersonBody;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Enhanced checks")
@RequiredArgsConstructor
class CheckApi {

    private final Checks checks;

    record StartRequest(UUID flightId, String location, PersonCategory category, PersonBody person) {
    }

    record CategoryRequest(PersonCategory category) {
    }

    record IndicatorItem(String code, IndicatorBasis basis, String note) {
    }

    record IndicatorsRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull IndicatorItem> indicators) {
    }

    record AccountRequest(Set<ExploitationType> suspectedTypes, String account, String opinion) {
    }

    record AdviceRequest(AdviceKind kind, Instant at, String note) {
    }

    record OutcomeRequest(Set<Outcome> outcomes, String note, FactOrOpinion noteNature) {
    }

    @PostMapping("/api/v1/operations/{operationId}/checks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start an enhanced check", description = "On a flight of the operation (flightId) or at a "
            + "place (location), not both. Only person.under18 (YES, NO or NOT_SURE) is required.")
    CheckJsonFull start(@PathVariable UUID operationId, @RequestBody StartRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        if (request.person() == null) {
            throw new RuleViolationException("check.person.under18.required", "person.under18");
        }
        return CheckJsonFull.of(checks.start(new OperationId(operationId), new Checks.NewCheck(
                request.flightId() == null ? null : new FlightId(request.flightId()), request.location(),
                request.category(), request.person().person()), user));
    }

    @GetMapping("/api/v1/operations/{operationId}/checks")
    @Operation(summary = "The operation's checks, without personal details")
    List<CheckSummaryJson> list(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user) {
        return checks.ofOperation(new OperationId(operationId), user).stream().map(CheckSummaryJson::of).toList();
    }

    @GetMapping("/api/v1/checks/{id}")
    @Operation(summary = "A check", description = "The whole check for officers and coordinators of first "
            + "responders taking part (\"view\": \"FULL\"); for a partner agency asked for support, only what "
            + "the visit needs (\"view\": \"PARTNER\"); 403 for anyone else. Every read is logged. The whole "
            + "check says in \"natures\" whether each part is a FACT or an OPINION, and in \"assessedBy\" "
            + "whose the assessment is.")
    Object get(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        ShownCheck shown = checks.read(id, user);
        return shown instanceof CheckView whole ? CheckJsonFull.of(whole)
                : CheckJsonPartner.of((PartnerCheckView) shown);
    }

    @PutMapping("/api/v1/checks/{id}/person")
    @Operation(summary = "Replace what is known of the person")
    CheckJsonFull person(@PathVariable UUID id, @RequestBody PersonBody person,
            @AuthenticationPrincipal WaymarkUser user) {
        return CheckJsonFull.of(checks.describe(id, person.person(), user));
    }

    @PutMapping("/api/v1/checks/{id}/category")
    @Operation(summary = "Change the person's category", description = "POTENTIAL_VICTIM, WITNESS or OTHER. "
            + "The change is logged.")
    CheckJsonFull category(@PathVariable UUID id, @RequestBody CategoryRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return CheckJsonFull.of(checks.categorise(id, request.category(), user));
    }

    @PostMapping("/api/v1/checks/{id}/indicators")
    @Operation(summary = "Record indicators", description = "Codes of the catalogue in use (GET /api/v1/indicators), "
            + "each OBSERVED, DISCLOSED or THIRD_PARTY; a code already recorded takes the new basis and note.")
    CheckJsonFull indicators(@PathVariable UUID id, @Valid @RequestBody IndicatorsRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return CheckJsonFull.of(checks.recordIndicators(id, request.indicators().stream()
                .map(item -> new Checks.IndicatorEntry(item.code(), item.basis(), item.note())).toList(), user));
    }

    @DeleteMapping("/api/v1/checks/{id}/indicators/{code}")
    CheckJsonFull removeIndicator(@PathVariable UUID id, @PathVariable String code,
            @AuthenticationPrincipal WaymarkUser user) {
        return CheckJsonFull.of(checks.removeIndicator(id, code, user));
    }

    @PutMapping("/api/v1/checks/{id}/account")
    @Operation(summary = "Suspected exploitation, the person's account and the officer's opinion")
    CheckJsonFull account(@PathVariable UUID id, @RequestBody AccountRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return CheckJsonFull.of(checks.recordAccount(id, request.suspectedTypes(), request.account(),
                request.opinion(), user));
    }

    @PostMapping("/api/v1/checks/{id}/advice")
    @Operation(summary = "Record advice or support given", description = "\"at\" defaults to now.")
    CheckJsonFull advice(@PathVariable UUID id, @RequestBody AdviceRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return CheckJsonFull.of(checks.giveAdvice(id, request.kind(), request.at(), request.note(), user));
    }

    @PostMapping("/api/v1/checks/{id}/outcome")
    @Operation(summary = "Close the check with its outcomes", description = "At least one outcome. A person under 18, "
            + "or whose age is not clear, needs CHILD_SAFEGUARDING_REFERRAL and NRM_REFERRAL (422 otherwise). "
            + "noteNature says whether the note records facts (FACT) or the officer's assessment (OPINION); "
            + "a note sent without it is kept as OPINION.")
    CheckJsonFull outcome(@PathVariable UUID id, @RequestBody OutcomeRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        FactOrOpinion nature = request.noteNature() == null ? FactOrOpinion.OPINION : request.noteNature();
        return CheckJsonFull.of(checks.close(id, request.outcomes(), request.note(), nature, user));
    }
}
