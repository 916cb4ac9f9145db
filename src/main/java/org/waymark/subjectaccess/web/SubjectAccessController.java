package org.waymark.subjectaccess.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.CountryCode;
import org.waymark.shared.NamedCode;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;
import org.waymark.subjectaccess.RecordRef;
import org.waymark.subjectaccess.SubjectAccess;

/**
 * For administrators: find the records about a person, choose those really about them and
 * export them as a PDF for their subject access request. The search is sent by POST, so that
 * the name stays out of addresses, browser history and server logs.
 */
@PageController
@RequestMapping("/admin/subject-access")
@RequiredArgsConstructor
class SubjectAccessController {

    private final SubjectAccess subjectAccess;

    @ModelAttribute("countries")
    List<NamedCode> countries() {
        return NamedCode.COUNTRIES;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("form", new SubjectAccessForm());
        return "admin/subject-access";
    }

    @PostMapping
    String search(@ModelAttribute("form") SubjectAccessForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser admin, Model model) {
        criteria(form, errors).ifPresent(criteria -> model.addAttribute("matches",
                subjectAccess.search(criteria, admin)));
        return "admin/subject-access";
    }

    @PostMapping("/export")
    Object export(@ModelAttribute("form") SubjectAccessForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser admin, Model model) {
        Optional<SubjectAccess.Criteria> criteria = criteria(form, errors);
        if (criteria.isEmpty()) {
            return "admin/subject-access";
        }
        List<RecordRef> records = new ArrayList<>();
        for (String record : form.getRecords() == null ? List.<String>of() : form.getRecords()) {
            RecordRef.parse(record).ifPresent(records::add);
        }
        if (records.isEmpty()) {
            errors.rejectValue("records", "subjectAccess.records.required");
        }
        if (form.getReference() == null || form.getReference().isBlank()) {
            errors.rejectValue("reference", "subjectAccess.reference.required");
        }
        if (!errors.hasErrors()) {
            try {
                SubjectAccess.Export export = subjectAccess.export(records, form.getReference(), form.isHold(),
                        admin);
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("subject-access-request.pdf").build().toString())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(export.pdf());
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        model.addAttribute("matches", subjectAccess.search(criteria.get(), admin));
        return "admin/subject-access";
    }

    /** The criteria typed, or empty with the mistakes named against their fields. */
    private static Optional<SubjectAccess.Criteria> criteria(SubjectAccessForm form, BindingResult errors) {
        LocalDate dateOfBirth = null;
        if (form.getDateOfBirth() != null && !form.getDateOfBirth().isBlank()) {
            dateOfBirth = form.getDateOfBirth().toLocalDate().orElse(null);
            if (dateOfBirth == null || dateOfBirth.isAfter(LocalDate.now()) || dateOfBirth.getYear() < 1900) {
                errors.rejectValue("dateOfBirth", "subjectAccess.dateOfBirth.invalid");
            }
        }
        CountryCode nationality = null;
        String country = form.getNationality() == null ? "" : form.getNationality().strip();
        if (!country.isEmpty()) {
            if (CountryCode.isValid(country)) {
                nationality = new CountryCode(country);
            } else {
                errors.rejectValue("nationality", "subjectAccess.nationality.unknown");
            }
        }
        SubjectAccess.Criteria criteria = null;
        try {
            criteria = new SubjectAccess.Criteria(form.getName(), dateOfBirth, nationality);
        } catch (RuleViolationException e) {
            errors.rejectValue("name", e.messageCode());
        }
        return errors.hasErrors() ? Optional.empty() : Optional.of(criteria);
    }
}
