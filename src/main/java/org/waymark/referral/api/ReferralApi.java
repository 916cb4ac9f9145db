package org.waymark.referral.api;

import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.WaymarkUser;
import org.waymark.referral.PackageDocument;
import org.waymark.referral.PartnerReferralView;
import org.waymark.referral.ReferralPackage;
import org.waymark.referral.ReferralStatus;
import org.waymark.referral.ReferralView;
import org.waymark.referral.Referrals;
import org.waymark.referral.ShownReferral;
import org.waymark.referral.api.ReferralJson.AdditionRequest;
import org.waymark.referral.api.ReferralJson.DecisionRequest;
import org.waymark.referral.api.ReferralJson.Full;
import org.waymark.referral.api.ReferralJson.Partner;
import org.waymark.referral.api.ReferralJson.ReconsiderationRequest;
import org.waymark.referral.api.ReferralJson.SectionText;
import org.waymark.referral.api.ReferralJson.Started;
import org.waymark.referral.api.ReferralJson.ReferralStartRequest;
import org.waymark.referral.api.ReferralJson.SubmissionRequest;
import org.waymark.referral.api.ReferralJson.ListedReferral;
import org.waymark.referral.api.ReferralJson.WithdrawalRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Referrals")
@RequiredArgsConstructor
class ReferralApi {

    private final Referrals referrals;
    private final MessageSource messages;

    @PostMapping("/api/v1/checks/{checkId}/referral")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a referral from a check", description = "Waymark chooses the path: a child (under 18 "
            + "or NOT_SURE) is an NRM referral without consent and needs localAuthority; an adult needs the consent "
            + "answer: given is an NRM referral, refused a Duty to Notify, anonymous unless namedWithConsent. "
            + "The package is filled from the check and starts as DRAFT. A closed check's outcome must call for "
            + "the path (422 otherwise), except that an adult who declines on a check closed as NRM_REFERRAL gets "
            + "the Duty to Notify the law asks for, and the check's outcome is corrected to DUTY_TO_NOTIFY: logged "
            + "with who and why, and shown as the check's outcomeCorrection.")
    Started start(@PathVariable UUID checkId, @RequestBody ReferralStartRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return Started.of(referrals.start(checkId, new Referrals.NewReferral(request.consent(),
                request.namedWithConsent(), request.localAuthority()), user));
    }

    @GetMapping("/api/v1/checks/{checkId}/referrals")
    @Operation(summary = "The check's referrals, without personal details")
    List<ListedReferral> ofCheck(@PathVariable UUID checkId, @AuthenticationPrincipal WaymarkUser user) {
        return referrals.ofCheck(checkId, user).stream().map(ListedReferral::of).toList();
    }

    @GetMapping("/api/v1/referrals")
    @Operation(summary = "The coordinator's list of referrals", description = "Filters: status; due=true for those "
            + "awaiting the reasonable grounds decision, overdue=true for those past its due date (both by due date).")
    List<ListedReferral> list(@RequestParam(required = false) ReferralStatus status,
            @RequestParam(defaultValue = "false") boolean due, @RequestParam(defaultValue = "false") boolean overdue,
            @AuthenticationPrincipal WaymarkUser user) {
        return referrals.list(new Referrals.Filter(status, due, overdue), user).stream().map(ListedReferral::of)
                .toList();
    }

    @GetMapping("/api/v1/referrals/{id}")
    @Operation(summary = "A referral", description = "The whole referral (\"view\": \"FULL\") for first responders "
            + "taking part; for a partner asked for support, its standing and their own additions to the account "
            + "(\"view\": \"PARTNER_VIEW\"); 403 for others. Every read is logged.")
    Object get(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return json(referrals.read(id, user));
    }

    @PutMapping("/api/v1/referrals/{id}/package")
    @Operation(summary = "Replace the package", description = "Sections in the form's order; free text up to 15,000 "
            + "characters. The referral is READY when nothing the form requires is missing, DRAFT otherwise.")
    Full editPackage(@PathVariable UUID id, @RequestBody ReferralPackage content,
            @AuthenticationPrincipal WaymarkUser user) {
        return Full.of(referrals.editPackage(id, content, user), messages);
    }

    @PostMapping("/api/v1/referrals/{id}/account-additions")
    @Operation(summary = "Add to the person's account", description = "For a partner asked for support: the words "
            + "are added to the account, attributed to their agency. Partners never submit.")
    Object addToAccount(@PathVariable UUID id, @RequestBody AdditionRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return json(referrals.addToAccount(id, request.text(), user));
    }

    @PostMapping("/api/v1/referrals/{id}/submission")
    @Operation(summary = "Mark as submitted through the Home Office's form", description = "First responders only "
            + "(403 for others). A package that lacks what the form requires is 422, listing each field; the "
            + "reasonable grounds decision is then due 5 working days later (England and Wales).")
    Full submit(@PathVariable UUID id, @RequestBody SubmissionRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return Full.of(referrals.submit(id, request.homeOfficeReference(), request.submittedAt(), user), messages);
    }

    @PostMapping("/api/v1/referrals/{id}/decisions")
    @Operation(summary = "Record a decision", description = "RG first; CG after a positive RG; a Duty to Notify has "
            + "no decisions (409).")
    Full decide(@PathVariable UUID id, @RequestBody DecisionRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return Full.of(referrals.recordDecision(id, request.type(), request.result(), request.date(), user), messages);
    }

    @PostMapping("/api/v1/referrals/{id}/reconsideration")
    @Operation(summary = "Record a request to reconsider a negative decision")
    Full reconsider(@PathVariable UUID id, @RequestBody ReconsiderationRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return Full.of(referrals.requestReconsideration(id, request.date(), user), messages);
    }

    @PostMapping("/api/v1/referrals/{id}/withdrawal")
    @Operation(summary = "Record that the adult withdrew consent", description = "at defaults to now. A withdrawn "
            + "package cannot be submitted; a Duty to Notify may then be started from the check.")
    Full withdraw(@PathVariable UUID id, @RequestBody(required = false) WithdrawalRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return Full.of(referrals.withdrawConsent(id, request == null ? null : request.at(), user), messages);
    }

    @PostMapping("/api/v1/referrals/{id}/discard")
    @Operation(summary = "Set an unsubmitted referral aside", description = "Status DISCARDED; it is kept, and the "
            + "check may have another referral, such as a child's referral where a Duty to Notify was begun.")
    Full discard(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return Full.of(referrals.discard(id, user), messages);
    }

    @GetMapping(value = "/api/v1/referrals/{id}/package.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The package as a PDF, in the form's order", description = "Each download is logged.")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        byte[] pdf = referrals.pdf(id, user);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("referral-" + id + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    @GetMapping("/api/v1/referrals/{id}/sections")
    @Operation(summary = "Each section of the package as plain text, to paste into the form",
            description = "Logged as a copy taken by the caller (REFERRAL_READ SECTIONS_TEXT).")
    List<SectionText> sections(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return PackageDocument.of(referrals.forPasting(id, user), messages).sections().stream().map(SectionText::of).toList();
    }

    private Object json(ShownReferral shown) {
        return shown instanceof ReferralView whole ? Full.of(whole, messages)
                : Partner.of((PartnerReferralView) shown);
    }
}
