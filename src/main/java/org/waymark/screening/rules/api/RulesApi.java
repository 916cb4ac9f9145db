package org.waymark.screening.rules.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.WaymarkUser;
import org.waymark.screening.rules.Criteria;
import org.waymark.screening.rules.Criterion;
import org.waymark.screening.rules.store.BacktestResult;
import org.waymark.screening.rules.store.Backtests;
import org.waymark.screening.rules.store.RuleStatus;
import org.waymark.screening.rules.store.RuleViews.BacktestSummary;
import org.waymark.screening.rules.store.RuleViews.GroupView;
import org.waymark.screening.rules.store.RuleViews.RuleDetail;
import org.waymark.screening.rules.store.RuleViews.RuleDraft;
import org.waymark.screening.rules.store.RuleViews.RuleSummary;
import org.waymark.screening.rules.store.RuleViews.VersionView;
import org.waymark.screening.rules.store.Rules;
import org.waymark.screening.rules.store.StoredGroups;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.UnprocessableException;
import org.waymark.shared.UserId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/screening")
@Tag(name = "Screening rules")
@RequiredArgsConstructor
class RulesApi {

    private final Rules rules;
    private final Backtests backtests;
    private final StoredGroups groups;
    private final MessageSource messages;

    /**
     * A rule or a new version of it. criteria is a tree: an object with all (a list), any (a
     * list), not (one criterion), or a condition's field, operator and values (texts).
     */
    record RuleRequest(String title, String description, String indicator, Integer priority, JsonNode criteria) {

        RuleDraft draft() {
            Criterion tree = criteria == null || criteria.isNull() ? null : Criteria.fromNode(criteria);
            return new RuleDraft(title, description, indicator, priority == null ? 0 : priority, tree);
        }
    }

    record VersionJson(UUID id, int version, String title, String description, String indicator, int priority,
            JsonNode criteria, UUID writtenBy, Instant writtenAt) {

        static VersionJson of(VersionView v) {
            return new VersionJson(v.id(), v.version(), v.title(), v.description(), v.indicator(), v.priority(),
                    Criteria.toNode(v.criteria()), v.writtenBy() == null ? null : v.writtenBy().value(),
                    v.writtenAt());
        }
    }

    record BacktestJson(UUID id, int version, LocalDate from, LocalDate to, UUID runBy, Instant runAt, int flights,
            int passengers, int hits) {

        static BacktestJson of(BacktestSummary b) {
            return new BacktestJson(b.id(), b.version(), b.from(), b.to(), b.runBy().value(), b.runAt(), b.flights(),
                    b.passengers(), b.hits());
        }
    }

    /**
     * A rule with its versions and back-tests, newest first.
     *
     * @param enableRefusals why the caller may not enable the newest version now, in words; empty when they may
     */
    record RuleJson(UUID id, RuleStatus status, int currentVersion, Integer enabledVersion, UUID enabledBy,
            Instant enabledAt, boolean shipped, List<VersionJson> versions, List<BacktestJson> backtests,
            List<String> enableRefusals) {
    }

    record BacktestRequest(LocalDate from, LocalDate to, String reason) {
    }

    record EnableRequest(Integer version) {
    }

    record GroupRequest(String name, String description, List<String> members) {
    }

    @GetMapping("/rules")
    @Operation(summary = "Every screening rule, by priority: its newest version's title, its status and versions")
    List<RuleSummary> list() {
        return rules.list();
    }

    @PostMapping("/rules")
    @Operation(summary = "Write a rule: it is a draft, version 1, until back-tested and enabled by a second person",
            description = "422 problem JSON names each part at fault, a condition's by its path, as"
                    + " criteria.all.1.operator.")
    ResponseEntity<RuleJson> create(@RequestBody RuleRequest request, @AuthenticationPrincipal WaymarkUser user) {
        UUID id = rules.create(request.draft(), user);
        return ResponseEntity.created(URI.create("/api/v1/screening/rules/" + id)).body(json(id, user));
    }

    @GetMapping("/rules/{id}")
    @Operation(summary = "A rule with its versions and back-tests, and why the caller may not enable it now, if so")
    RuleJson get(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return json(id, user);
    }

    @PutMapping("/rules/{id}")
    @Operation(summary = "Write a new version of the rule",
            description = "The version enabled, if any, keeps screening until the new one is back-tested and enabled.")
    RuleJson edit(@PathVariable UUID id, @RequestBody RuleRequest request, @AuthenticationPrincipal WaymarkUser user) {
        rules.get(id);
        rules.edit(id, request.draft(), user);
        return json(id, user);
    }

    @PostMapping("/rules/{id}/versions/{version}/backtests")
    @Operation(summary = "Back-test a version over the passenger data kept for at most 31 days",
            description = "The run reads passengers' data: the reason is logged with it. The result gives counts"
                    + " only: hits by day and by route, what became of the people hit, and the overlap with the"
                    + " rules live now.")
    ResponseEntity<BacktestResult> backtest(@PathVariable UUID id, @PathVariable int version,
            @RequestBody BacktestRequest request, @AuthenticationPrincipal WaymarkUser user) {
        BacktestResult result = backtests.run(id, version, request.from(), request.to(), request.reason(), user);
        return ResponseEntity.created(URI.create("/api/v1/screening/rules/" + id + "/backtests/" + result.id()))
                .body(result);
    }

    @PostMapping("/rules/{id}/backtests")
    @Operation(summary = "Back-test the rule's newest version (as the versioned path does)")
    ResponseEntity<BacktestResult> backtestNewest(@PathVariable UUID id, @RequestBody BacktestRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return backtest(id, rules.get(id).currentVersion(), request, user);
    }

    @GetMapping("/rules/{id}/backtests/{backtestId}")
    @Operation(summary = "A back-test run kept: counts only")
    BacktestResult backtestResult(@PathVariable UUID id, @PathVariable UUID backtestId) {
        return backtests.get(id, backtestId);
    }

    @PostMapping("/rules/{id}/enable")
    @Operation(summary = "Enable a version: only after a back-test of it, and by someone other than who wrote it",
            description = "422 problem JSON says why not; 409 when that version is enabled already.")
    RuleJson enable(@PathVariable UUID id, @RequestBody EnableRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        if (request.version() == null) {
            throw new UnprocessableException("screening.rules.enable.version.required", "version");
        }
        rules.enable(id, request.version(), user);
        return json(id, user);
    }

    @PostMapping("/rules/{id}/disable")
    @Operation(summary = "Disable the rule: it makes no new hits")
    RuleJson disable(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        rules.disable(id, user);
        return json(id, user);
    }

    @GetMapping("/groups")
    @Operation(summary = "The named groups rules test membership of, with their members")
    List<GroupView> groups() {
        return groups.views();
    }

    @PutMapping("/groups/{code}")
    @Operation(summary = "Write a group's name, description and members (a computed group cannot be written)",
            description = "A group whose code ends in countries takes ISO 3166 country codes, of two or three"
                    + " letters; they are kept as three, as passenger data gives them.")
    GroupView saveGroup(@PathVariable String code, @RequestBody GroupRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return groups.save(code, request.name(), request.description(), request.members(), user);
    }

    private RuleJson json(UUID id, WaymarkUser user) {
        RuleDetail rule = rules.find(id).orElseThrow(() -> new NotFoundException("screening rule", id));
        UserId enabledBy = rule.enabledBy();
        return new RuleJson(rule.id(), rule.status(), rule.currentVersion(), rule.enabledVersion(),
                enabledBy == null ? null : enabledBy.value(), rule.enabledAt(), rule.shipped(),
                rule.versions().stream().map(VersionJson::of).toList(),
                rule.backtests().stream().map(BacktestJson::of).toList(),
                rules.refusals(id, rule.currentVersion(), user.id()).stream()
                        .map(code -> messages.getMessage(code, null, code, Locale.UK)).toList());
    }
}
