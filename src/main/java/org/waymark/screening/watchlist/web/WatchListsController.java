package org.waymark.screening.watchlist.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.WaymarkUser;
import org.waymark.screening.watchlist.EntryDetails;
import org.waymark.screening.watchlist.EntryPage;
import org.waymark.screening.watchlist.ImportReport;
import org.waymark.screening.watchlist.WatchList;
import org.waymark.screening.watchlist.WatchListEntry;
import org.waymark.screening.watchlist.WatchListKind;
import org.waymark.screening.watchlist.WatchLists;
import org.waymark.shared.DateInput;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

/**
 * Watch lists for those with the passenger data role: the lists and a form for a new one; a list's
 * entries (each shown is a logged read), an entry added by hand, changed, removed, or many added from a
 * CSV file.
 */
@PageController
@RequestMapping("/screening/watch-lists")
@RequiredArgsConstructor
class WatchListsController {

    private final WatchLists watchLists;
    private final Clock clock;

    @GetMapping
    String lists(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ListForm());
        }
        return listsPage(model);
    }

    @PostMapping
    String create(@ModelAttribute("form") ListForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model) {
        WatchListKind kind = kind(form.getKind());
        try {
            UUID id = watchLists.createList(kind, form.getName(), form.getSource(), user.actor());
            return "redirect:/screening/watch-lists/" + id;
        } catch (RuleViolationException e) {
            errors.rejectValue(e.field(), e.messageCode());
        }
        return listsPage(model);
    }

    @GetMapping("/{id}")
    String list(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal WaymarkUser user, Model model) {
        WatchList list = watchLists.list(id);
        EntryForm form = new EntryForm();
        form.setSource(list.source());
        model.addAttribute("form", form);
        return listPage(list, page, user, model);
    }

    @PostMapping("/{id}/entries")
    String add(@PathVariable UUID id, @ModelAttribute("form") EntryForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        WatchList list = watchLists.list(id);
        EntryDetails details = details(form, errors);
        if (!errors.hasErrors()) {
            try {
                watchLists.addEntry(id, details, user.actor());
                redirect.addFlashAttribute("notice", "screening.watchlists.entry.added");
                return "redirect:/screening/watch-lists/" + id;
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return listPage(list, 0, user, model);
    }

    @GetMapping("/{id}/entries/{entryId}/edit")
    String edit(@PathVariable UUID id, @PathVariable UUID entryId, @AuthenticationPrincipal WaymarkUser user,
            Model model) {
        WatchList list = watchLists.list(id);
        WatchListEntry entry = watchLists.entry(id, entryId, user.actor());
        model.addAttribute("form", EntryForm.of(entry.details()));
        return editPage(list, entryId, model);
    }

    @PostMapping("/{id}/entries/{entryId}/edit")
    String change(@PathVariable UUID id, @PathVariable UUID entryId, @ModelAttribute("form") EntryForm form,
            BindingResult errors, @AuthenticationPrincipal WaymarkUser user, Model model,
            RedirectAttributes redirect) {
        WatchList list = watchLists.list(id);
        EntryDetails details = details(form, errors);
        if (!errors.hasErrors()) {
            try {
                watchLists.changeEntry(id, entryId, details, user.actor());
                redirect.addFlashAttribute("notice", "screening.watchlists.entry.changed");
                return "redirect:/screening/watch-lists/" + id;
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return editPage(list, entryId, model);
    }

    @PostMapping("/{id}/entries/{entryId}/remove")
    String remove(@PathVariable UUID id, @PathVariable UUID entryId, @AuthenticationPrincipal WaymarkUser user,
            RedirectAttributes redirect) {
        watchLists.list(id);
        watchLists.removeEntry(id, entryId, user.actor());
        redirect.addFlashAttribute("notice", "screening.watchlists.entry.removed");
        return "redirect:/screening/watch-lists/" + id;
    }

    @PostMapping("/{id}/import")
    String importCsv(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) throws IOException {
        WatchList list = watchLists.list(id);
        EntryForm form = new EntryForm();
        form.setSource(list.source());
        model.addAttribute("form", form);
        if (file == null || file.isEmpty()) {
            model.addAttribute("importProblem", "screening.watchlists.import.file.required");
            return listPage(list, 0, user, model);
        }
        if (file.getSize() > WatchLists.MAX_CSV_BYTES) {
            model.addAttribute("importProblem", "screening.watchlists.import.tooLarge");
            return listPage(list, 0, user, model);
        }
        ImportReport report;
        try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            report = watchLists.importCsv(id, csv, user.actor());
        }
        if (!report.succeeded()) {
            model.addAttribute("importProblems", report.problems());
            model.addAttribute("moreImportProblems", report.moreRowsWithProblems());
            return listPage(list, 0, user, model);
        }
        redirect.addFlashAttribute("notice", "screening.watchlists.import.taken");
        redirect.addFlashAttribute("noticeCount", report.imported());
        return "redirect:/screening/watch-lists/" + id;
    }

    private String listsPage(Model model) {
        model.addAttribute("lists", watchLists.lists());
        model.addAttribute("kinds", List.of(WatchListKind.values()));
        return "screening/watchlists/lists";
    }

    /** The list with a page of its entries: only those shown are logged as read. */
    private String listPage(WatchList list, int page, WaymarkUser user, Model model) {
        EntryPage entries = watchLists.entries(list.id(), page, WatchLists.PAGE_SIZE, user.actor());
        model.addAttribute("list", list);
        model.addAttribute("page", entries);
        model.addAttribute("entries", entries.entries());
        model.addAttribute("today", LocalDate.now(clock));
        return "screening/watchlists/list";
    }

    private static String editPage(WatchList list, UUID entryId, Model model) {
        model.addAttribute("list", list);
        model.addAttribute("entryId", entryId);
        return "screening/watchlists/edit";
    }

    /** The entry as typed; each date box that makes no date is an error against its field. */
    private static EntryDetails details(EntryForm form, BindingResult errors) {
        LocalDate birthDate = date(form.getBirthDate(), "birthDate", errors);
        LocalDate reviewDate = date(form.getReviewDate(), "reviewDate", errors);
        LocalDate consentOn = date(form.getConsentRecordedOn(), "consentRecordedOn", errors);
        return new EntryDetails(form.getFamilyName(), form.getGivenNames(), birthDate, form.getSource(),
                form.getOwner(), reviewDate, form.getConsentRecordedBy(), consentOn, form.getNote());
    }

    /** The date typed, null when left blank; an error against the field when it is no date. */
    private static LocalDate date(DateInput input, String field, BindingResult errors) {
        if (input == null || input.isBlank()) {
            return null;
        }
        return input.toLocalDate().orElseGet(() -> {
            errors.rejectValue(field, "screening.watchlists.date.invalid.boxes");
            return null;
        });
    }

    private static WatchListKind kind(String name) {
        try {
            return name == null || name.isBlank() ? null : WatchListKind.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
