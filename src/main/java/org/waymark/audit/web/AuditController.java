package org.waymark.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.UriComponentsBuilder;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.audit.RecordNames;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.DateInput;
import org.waymark.shared.PageController;
import org.waymark.shared.PlainText;

/**
 * The audit log for administrators, in words: what was done (an action and its detail, through
 * the {@code audit.action.*} messages), to which record as people know it (named by the module
 * that owns it, see {@link RecordNames}), by whom and for which agency. The API gives the same
 * entries with their codes.
 */
@PageController
@RequestMapping("/admin/audit")
@RequiredArgsConstructor
class AuditController {

    static final int PAGE_SIZE = 50;
    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK)
            .withZone(UK);
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{2,}");
    /** The actions whose details carry codes of values, with the prefix of those values' words. */
    private static final Map<String, String> DETAIL_CODES = Map.of("CHECK_OUTCOME_CORRECTED", "outcome.");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}");

    private final AuditLog audit;
    private final Users users;
    private final Agencies agencies;
    private final List<RecordNames> recordNames;
    private final MessageSource messages;

    /** The filters chosen; blank ones match everything. Dates are days in the UK, both included. */
    public static class Filter {
        private String action = "";
        private String recordType = "";
        private String recordId = "";
        private String user = "";
        private String agency = "";
        private DateInput from = new DateInput();
        private DateInput to = new DateInput();
        private int page;

        /** The query, or null when a date is not a real one (the errors say which). */
        AuditQuery query(Map<String, UUID> userIdsByEmail, BindingResult errors) {
            LocalDate first = day(from, "from", errors);
            LocalDate last = day(to, "to", errors);
            if (first != null && last != null && last.isBefore(first)) {
                errors.rejectValue("to", "audit.to.beforeFrom");
            }
            if (errors.hasErrors()) {
                return null;
            }
            return new AuditQuery(constant(action), constant(recordType), PlainText.typed(recordId),
                    userId(userIdsByEmail), id(agency),
                    first == null ? null : first.atStartOfDay(UK).toInstant(),
                    last == null ? null : last.plusDays(1).atStartOfDay(UK).toInstant());
        }

        /** This page of the log with the same filters. */
        String link(int otherPage) {
            return UriComponentsBuilder.fromPath("/admin/audit").queryParam("action", action)
                    .queryParam("recordType", recordType).queryParam("recordId", recordId).queryParam("user", user)
                    .queryParam("agency", agency).queryParam("from.day", from.getDay())
                    .queryParam("from.month", from.getMonth()).queryParam("from.year", from.getYear())
                    .queryParam("to.day", to.getDay()).queryParam("to.month", to.getMonth())
                    .queryParam("to.year", to.getYear()).queryParam("page", otherPage).encode().build().toUriString();
        }

        private static LocalDate day(DateInput input, String field, BindingResult errors) {
            if (input.isBlank()) {
                return null;
            }
            LocalDate day = input.toLocalDate().filter(date -> date.getYear() >= 2000).orElse(null);
            if (day == null) {
                errors.rejectValue(field, "audit." + field + ".invalid");
            }
            return day;
        }

        /** The user chosen; an email (as links of old give) is looked up. No such user matches nobody. */
        private UUID userId(Map<String, UUID> userIdsByEmail) {
            if (user.isBlank()) {
                return null;
            }
            UUID chosen = id(user);
            return chosen != null ? chosen
                    : userIdsByEmail.getOrDefault(user.strip().toLowerCase(Locale.ROOT), new UUID(0, 0));
        }

        private static UUID id(String text) {
            try {
                return text.isBlank() ? null : UUID.fromString(text.strip());
            } catch (IllegalArgumentException notAnId) {
                return new UUID(0, 0);
            }
        }

        /** Actions and record types are upper-case constants such as SIGN_IN; typed as sign in, they are found too. */
        static String constant(String text) {
            String typed = PlainText.typed(text);
            return typed == null ? null : typed.toUpperCase(Locale.ROOT).replace(' ', '_');
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

        public String getAgency() {
            return agency;
        }

        public void setAgency(String agency) {
            this.agency = agency == null ? "" : agency;
        }

        public DateInput getFrom() {
            return from;
        }

        public void setFrom(DateInput from) {
            this.from = from == null ? new DateInput() : from;
        }

        public DateInput getTo() {
            return to;
        }

        public void setTo(DateInput to) {
            this.to = to == null ? new DateInput() : to;
        }

        public int getPage() {
            return page;
        }

        /** A page that is not a number is the first. */
        public void setPage(String page) {
            try {
                this.page = Math.max(0, Math.min(Integer.parseInt(page.strip()), 100_000));
            } catch (RuntimeException notANumber) {
                this.page = 0;
            }
        }
    }

    /**
     * One entry as the page shows it, all in words: who (nobody for Waymark itself) and their
     * agency; what, with any detail left over; the record's type and name, or its id when the
     * record is no longer held; to whom a disclosure went; and whether to say it failed, which an
     * action whose words say so already (such as a failed sign-in) does not need.
     */
    record Shown(long id, String time, String who, String agency, String action, String detail, String recordType,
            String record, String recordId, String disclosedTo, boolean succeeded, boolean failureInWords) {

        public boolean failureTagged() {
            return !succeeded && !failureInWords;
        }
    }

    /** The log, filtered; reading it is itself logged. */
    @GetMapping
    String list(@ModelAttribute("filter") Filter filter, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser reader, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        List<UserSummary> allUsers = users.all();
        Map<String, UUID> idsByEmail = allUsers.stream()
                .collect(Collectors.toMap(user -> user.email(), user -> user.id().value()));
        Map<UUID, String> userNames = allUsers.stream()
                .collect(Collectors.toMap(user -> user.id().value(), UserSummary::name));
        Map<UUID, String> agencyNames = agencies.all().stream()
                .collect(Collectors.toMap(agency -> agency.id().value(), AgencySummary::name));
        List<String> actionsLogged = audit.actions();
        List<String> recordTypesLogged = audit.recordTypes();
        if (!known(filter.getAction(), actionsLogged, "audit.action.", locale)) {
            errors.rejectValue("action", "audit.action.unknown");
        }
        if (!known(filter.getRecordType(), recordTypesLogged, "audit.recordType.", locale)) {
            errors.rejectValue("recordType", "audit.recordType.unknown");
        }
        model.addAttribute("actions", choices(actionsLogged, filter.getAction(), "audit.action.", locale));
        model.addAttribute("recordTypes", choices(recordTypesLogged, filter.getRecordType(), "audit.recordType.",
                locale));
        model.addAttribute("people", allUsers.stream()
                .sorted(Comparator.comparing(UserSummary::name, String.CASE_INSENSITIVE_ORDER))
                .map(user -> new SimpleEntry<>(user.id().value().toString(), user.name() + " ("
                        + agencyNames.getOrDefault(user.agencyId().value(), "") + ")"))
                .toList());
        model.addAttribute("agencyChoices", agencyNames.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
                .map(agency -> new SimpleEntry<>(agency.getKey().toString(), agency.getValue())).toList());
        AuditQuery query = filter.query(idsByEmail, errors);
        model.addAttribute("invalid", query == null);
        if (query == null) {
            model.addAttribute("entries", List.of());
            return "admin/audit";
        }
        if (filter.getPage() > 0) {
            // A page past the last one (as a link kept while entries were removed) is the last page.
            long count = audit.count(query);
            int last = count == 0 ? 0 : (int) ((count - 1) / PAGE_SIZE);
            if (filter.getPage() > last) {
                return "redirect:" + filter.link(last);
            }
        }
        List<AuditEntry> entries = audit.read(query, filter.getPage(), PAGE_SIZE + 1, reader.actor());
        List<AuditEntry> shown = entries.stream().limit(PAGE_SIZE).toList();
        Map<String, Map<String, MessageSourceResolvable>> names = names(shown, userNames, agencyNames);
        model.addAttribute("entries", shown.stream()
                .map(entry -> shown(entry, names, userNames, agencyNames, locale)).toList());
        model.addAttribute("newer", filter.getPage() > 0 ? filter.link(filter.getPage() - 1) : null);
        model.addAttribute("older", entries.size() > PAGE_SIZE ? filter.link(filter.getPage() + 1) : null);
        return "admin/audit";
    }

    /**
     * Whether the code chosen (none, typed as {@code sign in} or as {@code SIGN_IN}) is one the log
     * has or one Waymark has words for: any other matches nothing Waymark writes.
     */
    private boolean known(String chosen, List<String> logged, String prefix, Locale locale) {
        String code = Filter.constant(chosen);
        return code == null || logged.contains(code) || messages.getMessage(prefix + code, null, null, locale) != null;
    }

    /**
     * The codes in the log, each with its words, in the order of the words; the one chosen stays
     * among them when Waymark knows it, even when the log has none of it.
     */
    private List<Map.Entry<String, String>> choices(List<String> codes, String chosen, String prefix,
            Locale locale) {
        Set<String> all = new TreeSet<>(codes);
        String picked = Filter.constant(chosen);
        if (picked != null && messages.getMessage(prefix + picked, null, null, locale) != null) {
            all.add(picked);
        }
        return all.stream().map(code -> (Map.Entry<String, String>) new SimpleEntry<>(code,
                messages.getMessage(prefix + code, null, code, locale)))
                .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The records' names, by type and id: users and agencies here, the rest from the modules that own them. */
    private Map<String, Map<String, MessageSourceResolvable>> names(List<AuditEntry> entries,
            Map<UUID, String> userNames, Map<UUID, String> agencyNames) {
        Map<String, Set<String>> idsByType = new HashMap<>();
        entries.stream().filter(entry -> entry.recordId() != null).forEach(entry -> idsByType
                .computeIfAbsent(entry.recordType(), type -> new TreeSet<>()).add(entry.recordId()));
        Map<String, Map<String, MessageSourceResolvable>> names = new HashMap<>();
        names.put("USER", named(idsByType.get("USER"), userNames, "audit.name.USER"));
        names.put("AGENCY", named(idsByType.get("AGENCY"), agencyNames, "audit.name.AGENCY"));
        // A subject access request is known by the reference its entries carry as their record id.
        names.put("SUBJECT_ACCESS", idsByType.getOrDefault("SUBJECT_ACCESS", Set.of()).stream().collect(
                Collectors.toMap(reference -> reference, reference -> RecordNames.name("audit.name.SUBJECT_ACCESS",
                        reference))));
        for (RecordNames provider : recordNames) {
            for (String type : provider.recordTypes()) {
                Collection<String> ids = idsByType.get(type);
                if (ids != null) {
                    names.put(type, provider.names(type, ids));
                }
            }
        }
        return names;
    }

    private static Map<String, MessageSourceResolvable> named(Collection<String> ids, Map<UUID, String> known,
            String code) {
        Map<String, MessageSourceResolvable> names = new HashMap<>();
        for (UUID id : RecordNames.uuids(ids == null ? List.of() : ids)) {
            if (known.containsKey(id)) {
                names.put(id.toString(), RecordNames.name(code, known.get(id)));
            }
        }
        return names;
    }

    private Shown shown(AuditEntry entry, Map<String, Map<String, MessageSourceResolvable>> names,
            Map<UUID, String> userNames, Map<UUID, String> agencyNames, Locale locale) {
        String[] action = action(entry.action(), entry.detail(), locale);
        MessageSourceResolvable name = entry.recordId() == null ? null
                : names.getOrDefault(entry.recordType(), Map.of()).get(entry.recordId());
        return new Shown(entry.id(), TIME.format(entry.occurredAt()),
                entry.userId() == null ? messages.getMessage("audit.nobody", null, locale)
                        : userNames.getOrDefault(entry.userId(), messages.getMessage("audit.unknownUser", null, locale)),
                entry.agencyId() == null ? null : agencyNames.get(entry.agencyId()),
                action[0], action[1],
                messages.getMessage("audit.recordType." + entry.recordType(), null, entry.recordType(), locale),
                name == null ? null : messages.getMessage(name, locale),
                name == null ? entry.recordId() : null,
                entry.disclosedTo() == null ? null : recipient(entry.disclosedTo(), userNames, agencyNames),
                "SUCCESS".equals(entry.outcome()), failureInWords(entry.action(), entry.detail()));
    }

    /** Whether the action's words say it failed or was refused already. */
    static boolean failureInWords(String code, String detail) {
        return code.endsWith("_FAILED") || detail != null && slug(detail).equals("refused");
    }

    /**
     * The action in words and what is left of its detail: words for the action with its whole
     * detail ({@code audit.action.CHECK_READ.full}), or with the detail's first word
     * ({@code audit.action.CHECK_CHANGED.person}, the rest of the detail shown after), or for the
     * action alone. A detail naming records by id is not shown: the record's name says it.
     */
    String[] action(String code, String detail, Locale locale) {
        String key = "audit.action." + code;
        if (detail != null) {
            String whole = messages.getMessage(key + "." + slug(detail), null, null, locale);
            if (whole != null) {
                return new String[] { whole, null };
            }
            List<Object> numbers = new ArrayList<>();
            Matcher number = NUMBER.matcher(detail);
            while (number.find()) {
                numbers.add(Long.valueOf(number.group()));
            }
            if (!numbers.isEmpty() && !ID.matcher(detail).find()) {
                String counted = messages.getMessage(key + "." + slug(NUMBER.matcher(detail).replaceAll("n")),
                        numbers.toArray(), null, locale);
                if (counted != null) {
                    return new String[] { counted, null };
                }
            }
            String[] words = detail.split(" ", 2);
            String first = messages.getMessage(key + "." + slug(words[0]), null, null, locale);
            if (first != null) {
                return new String[] { first, words.length > 1 ? shownDetail(code, words[1], locale) : null };
            }
        }
        return new String[] { messages.getMessage(key, null, code, locale), shownDetail(code, detail, locale) };
    }

    /**
     * A detail as shown: none when it names records by id; the codes in it in words where the
     * action's codes have words ({@link #DETAIL_CODES}), a run of them as a list.
     */
    private String shownDetail(String action, String detail, Locale locale) {
        if (detail == null || detail.isBlank() || ID.matcher(detail).find()) {
            return null;
        }
        String prefix = DETAIL_CODES.get(action);
        if (prefix == null) {
            return detail;
        }
        StringBuilder shown = new StringBuilder();
        boolean afterCode = false;
        for (String word : detail.split(" ")) {
            boolean isCode = CODE.matcher(word).matches();
            String words = isCode ? messages.getMessage(prefix + word, null, word, locale) : word;
            if (!shown.isEmpty()) {
                shown.append(isCode && afterCode ? ", " : " ");
            }
            shown.append(words);
            afterCode = isCode;
        }
        return shown.toString();
    }

    /** A detail as a message key's last part: {@code second factor: recovery code} is {@code second-factor-recovery-code}. */
    static String slug(String detail) {
        return detail.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
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
