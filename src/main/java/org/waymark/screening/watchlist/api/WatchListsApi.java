package org.waymark.screening.watchlist.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.WaymarkUser;
import org.waymark.screening.watchlist.EntryDetails;
import org.waymark.screening.watchlist.ImportReport;
import org.waymark.screening.watchlist.WatchList;
import org.waymark.screening.watchlist.WatchListEntry;
import org.waymark.screening.watchlist.WatchListKind;
import org.waymark.screening.watchlist.WatchLists;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/screening/watch-lists")
@Tag(name = "Screening watch lists")
@RequiredArgsConstructor
class WatchListsApi {

    /** The most entries a page of the API's entries holds. */
    static final int MAX_PAGE_SIZE = 1000;

    private final WatchLists watchLists;
    private final MessageSource messages;
    private final Clock clock;

    record ListRequest(WatchListKind kind, String name, String source) {
    }

    record ListJson(UUID id, WatchListKind kind, String name, UUID ownerAgency, String source, Instant createdAt,
            int entries) {

        static ListJson of(WatchList list) {
            return new ListJson(list.id(), list.kind(), list.name(), list.ownerAgency().value(), list.source(),
                    list.createdAt(), list.entries());
        }
    }

    /** An entry as kept; expired when past its review date, so that it no longer matches. */
    record EntryJson(UUID id, String familyName, String givenNames, LocalDate birthDate, String source, String owner,
            LocalDate reviewDate, boolean expired, String consentRecordedBy, LocalDate consentRecordedOn, String note,
            Instant addedAt) {

        static EntryJson of(WatchListEntry entry, LocalDate today) {
            EntryDetails d = entry.details();
            return new EntryJson(entry.id(), d.familyName(), d.givenNames(), d.birthDate(), d.source(), d.owner(),
                    d.reviewDate(), entry.expired(today), d.consentRecordedBy(), d.consentRecordedOn(), d.note(),
                    entry.addedAt());
        }
    }

    record ImportJson(int imported) {
    }

    /** One row's problem: row 1 is the first below the header, row 0 the file itself. */
    record RowProblemJson(long row, String column, String message) {
    }

    @GetMapping
    @Operation(summary = "The watch lists: kind, name, source and how many entries each holds")
    List<ListJson> lists() {
        return watchLists.lists().stream().map(ListJson::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create an empty watch list owned by the caller's agency")
    ResponseEntity<ListJson> create(@RequestBody ListRequest request, @AuthenticationPrincipal WaymarkUser user) {
        UUID id = watchLists.createList(request.kind(), request.name(), request.source(), user.actor());
        return ResponseEntity.created(URI.create("/api/v1/screening/watch-lists/" + id))
                .body(ListJson.of(watchLists.list(id)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A watch list: kind, name, source and how many entries it holds")
    ListJson list(@PathVariable UUID id) {
        return ListJson.of(watchLists.list(id));
    }

    @GetMapping("/{id}/entries")
    @Operation(summary = "The entries still on a list, by family name; each one read is written to the audit log",
            description = "All of them unless page (from 0) or size is given: then a page of size entries (100 unless"
                    + " given, at most 1000); a page past the last gives the last. The list itself says how many"
                    + " entries it holds.")
    List<EntryJson> entries(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal WaymarkUser user) {
        LocalDate today = LocalDate.now(clock);
        List<WatchListEntry> entries = page == null && size == null ? watchLists.entries(id, user.actor())
                : watchLists.entries(id, page == null ? 0 : page,
                        Math.min(size == null ? WatchLists.PAGE_SIZE : size, MAX_PAGE_SIZE), user.actor()).entries();
        return entries.stream().map(entry -> EntryJson.of(entry, today)).toList();
    }

    @GetMapping("/{id}/entries/{entryId}")
    @Operation(summary = "One entry still on a list; the read is written to the audit log")
    EntryJson entry(@PathVariable UUID id, @PathVariable UUID entryId, @AuthenticationPrincipal WaymarkUser user) {
        return EntryJson.of(watchLists.entry(id, entryId, user.actor()), LocalDate.now(clock));
    }

    @PostMapping("/{id}/entries")
    @Operation(summary = "Add an entry by hand", description = "Dates are year-month-day. consentRecordedBy and"
            + " consentRecordedOn are needed on a RE_TRAFFICKING_RISK list. 400 problem JSON names the field at fault;"
            + " 409 problem JSON naming familyName when the same person (names and date of birth) is on the list"
            + " already.")
    ResponseEntity<EntryJson> add(@PathVariable UUID id, @RequestBody EntryDetails details,
            @AuthenticationPrincipal WaymarkUser user) {
        UUID entryId = watchLists.addEntry(id, details, user.actor());
        return ResponseEntity.created(URI.create("/api/v1/screening/watch-lists/" + id + "/entries/" + entryId))
                .body(EntryJson.of(watchLists.entry(id, entryId, user.actor()), LocalDate.now(clock)));
    }

    @PutMapping("/{id}/entries/{entryId}")
    @Operation(summary = "Change an entry still on its list: a new review date, a spelling put right, consent recorded",
            description = "The same body as adding one; every field is replaced. An entry of another list, or one"
                    + " removed, is not found (404). 400 problem JSON names the field at fault.")
    EntryJson change(@PathVariable UUID id, @PathVariable UUID entryId, @RequestBody EntryDetails details,
            @AuthenticationPrincipal WaymarkUser user) {
        watchLists.changeEntry(id, entryId, details, user.actor());
        return EntryJson.of(watchLists.entry(id, entryId, user.actor()), LocalDate.now(clock));
    }

    @DeleteMapping("/{id}/entries/{entryId}")
    @Operation(summary = "Take an entry off its list: it matches no longer")
    ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable UUID entryId,
            @AuthenticationPrincipal WaymarkUser user) {
        watchLists.list(id);
        watchLists.removeEntry(id, entryId, user.actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/import", consumes = "text/csv")
    @Operation(summary = "Add entries from a CSV file with a header row",
            description = "Columns family_name, given_names, birth_date, source, owner, review_date,"
                    + " consent_recorded_by, consent_recorded_on, note, each once. UTF-8 unless the content type"
                    + " names another character set; a byte order mark is passed over. Up to 2 MB: a larger body"
                    + " is answered with 413 problem JSON. When any row is wrong nothing is added and the answer is"
                    + " 422 problem JSON listing each row's problem, the first 100 of them, with"
                    + " moreRowsWithProblems counting the rest. A person already on the list, or on an earlier row,"
                    + " is a row's problem.")
    ResponseEntity<?> importCsv(@PathVariable UUID id, InputStream body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @AuthenticationPrincipal WaymarkUser user) throws IOException {
        byte[] bytes = body.readNBytes(WatchLists.MAX_CSV_BYTES + 1);
        if (bytes.length > WatchLists.MAX_CSV_BYTES) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    messages.getMessage("screening.watchlists.import.tooLarge", null, Locale.UK));
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        String csv = new String(bytes, charset(contentType));
        ImportReport report = watchLists.importCsv(id, new StringReader(csv), user.actor());
        if (report.succeeded()) {
            return ResponseEntity.ok(new ImportJson(report.imported()));
        }
        String refused = messages.getMessage("screening.watchlists.import.refused", null, Locale.UK);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                report.moreRowsWithProblems() == 0 ? refused : refused + " ("
                        + messages.getMessage("screening.watchlists.import.moreProblems",
                                new Object[] { report.moreRowsWithProblems() }, Locale.UK) + ")");
        problem.setProperty("errors", report.problems().stream().map(p -> new RowProblemJson(p.row(), p.column(),
                messages.getMessage(p.messageCode(), null, p.messageCode(), Locale.UK))).toList());
        problem.setProperty("moreRowsWithProblems", report.moreRowsWithProblems());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    /** The character set the content type names, UTF-8 when it names none or one unknown. */
    private static Charset charset(String contentType) {
        try {
            Charset named = contentType == null ? null : MediaType.parseMediaType(contentType).getCharset();
            return named == null ? StandardCharsets.UTF_8 : named;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
