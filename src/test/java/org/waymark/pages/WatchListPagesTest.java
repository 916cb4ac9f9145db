package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.screening.watchlist.EntryDetails;
import org.waymark.screening.watchlist.WatchListKind;
import org.waymark.screening.watchlist.WatchLists;

/**
 * The watch-list pages as an analyst of a Passenger Information Unit uses them: a list created,
 * an entry typed by hand with its mistakes shown the GOV.UK way (consent needed on a list of people
 * at risk of re-trafficking), a CSV file refused row by row or taken, an entry changed on a form
 * filled with it, an entry removed, and an entry past its review date shown as expired. Nobody
 * without the passenger data role sees any of it.
 */
class WatchListPagesTest extends PageTests {

    static final String ANALYST_PIU = "piu@watchlists.test";
    static final String OFFICER = "officer@watchlists.test";
    static final String COORDINATOR = "coordinator@watchlists.test";
    static final String ANALYST = "analyst@watchlists.test";
    static final String NAVIGATOR = "navigator@watchlists.test";
    static final String ADMIN = "admin@watchlists.test";

    @Autowired
    WatchLists watchLists;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void people() {
        AgencySummary borderForce = given.agency("Border Force PIU (watch-list pages)", AgencyType.BORDER_FORCE);
        AgencySummary police = given.agency("Essex Police (watch-list pages)", AgencyType.POLICE);
        AgencySummary charity = given.agency("Unseen (watch-list pages)", AgencyType.CHARITY);
        given.user("Pia Analyst", ANALYST_PIU, borderForce, Role.PASSENGER_DATA);
        given.user("Olu Officer", OFFICER, police, Role.OFFICER);
        given.user("Cleo Coordinator", COORDINATOR, police, Role.COORDINATOR);
        given.user("Ari Analyst", ANALYST, police, Role.ANALYST);
        given.user("Nia Navigator", NAVIGATOR, charity, Role.PARTNER);
        given.user("Dana Admin", ADMIN, police, Role.ADMIN);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    UUID list(WatchListKind kind, String name) {
        return watchLists.createList(kind, name, "Essex Police MPU", principal(ANALYST_PIU).actor());
    }

    EntryDetails entry(String family, String given) {
        return new EntryDetails(family, given, LocalDate.of(2008, 3, 4), "Essex Police MPU", "DC Shah",
                today().plusMonths(6), null, null, null);
    }

    @Test
    void onlyThePassengerDataRoleSeesTheWatchListPages() throws Exception {
        UUID list = list(WatchListKind.MISSING_CHILD, "Missing children (roles)");
        UUID entry = watchLists.addEntry(list, entry("ROLECHECK", "Anna"), principal(ANALYST_PIU).actor());
        UUID kept = watchLists.addEntry(list, entry("ROLEKEPT", "Ewa"), principal(ANALYST_PIU).actor());
        Map<String, Page> pages = Map.of(
                "lists", who -> get("/screening/watch-lists"),
                "list", who -> get("/screening/watch-lists/" + list),
                "create", who -> post("/screening/watch-lists").param("kind", "MISSING_PERSON")
                        .param("name", "Roles " + who).param("source", "MPU"),
                "add", who -> post("/screening/watch-lists/" + list + "/entries").param("familyName", "NOWAK"),
                "edit", who -> get("/screening/watch-lists/" + list + "/entries/" + kept + "/edit"),
                "change", who -> post("/screening/watch-lists/" + list + "/entries/" + kept + "/edit")
                        .param("familyName", "CHANGED " + who),
                "remove", who -> post("/screening/watch-lists/" + list + "/entries/" + entry + "/remove"));
        List<String> people = List.of(ANALYST_PIU, OFFICER, COORDINATOR, ANALYST, NAVIGATOR, ADMIN);
        Map<String, List<Integer>> statuses = statuses(pages, people);
        for (var page : statuses.entrySet()) {
            assertThat(page.getValue().subList(1, people.size())).as(page.getKey()).containsOnly(403);
            assertThat(page.getValue().get(0)).as(page.getKey()).isIn(200, 302);
        }
        for (String who : people.subList(1, people.size())) {
            assertThat(status(as(who, multipart("/screening/watch-lists/" + list + "/import")
                    .file(csv("family_name\n"))).with(csrf()))).as(who).isEqualTo(403);
        }
        Document home = page(as(ANALYST_PIU, get("/passenger-data")));
        assertThat(home.select("#screening a#watch-lists-link").attr("href")).isEqualTo("/screening/watch-lists");
    }

    @Test
    void aListIsCreatedOnTheFormAndItsMistakesShownAgainstTheirField() throws Exception {
        Document refused = page(as(ANALYST_PIU, post("/screening/watch-lists")).with(csrf()).param("name", "")
                .param("source", "Essex Police MPU"));
        assertThat(refused.title()).startsWith("Error: ");
        assertThat(refused.select(".govuk-error-summary a").eachText()).containsExactly("Enter the list’s name");
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#name");
        assertThat(refused.select("#source").val()).isEqualTo("Essex Police MPU");
        Document noKind = page(as(ANALYST_PIU, post("/screening/watch-lists")).with(csrf()).param("name", "Missing")
                .param("source", "Essex Police MPU"));
        assertThat(noKind.select(".govuk-error-summary a").eachText()).containsExactly("Choose what the list holds");
        assertThat(noKind.select("#kind-error").text()).contains("Choose what the list holds");

        MockHttpServletResponse created = mvc.perform(as(ANALYST_PIU, post("/screening/watch-lists")).with(csrf())
                .param("kind", "MISSING_CHILD").param("name", "Missing children, Essex (form)")
                .param("source", "Essex Police MPU")).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        Document list = page(as(ANALYST_PIU, get(created.getRedirectedUrl())));
        assertThat(list.select("h1").text()).isEqualTo("Missing children, Essex (form)");
        assertThat(list.select("#no-entries").text()).isEqualTo("No entries yet.");

        Document lists = page(as(ANALYST_PIU, get("/screening/watch-lists")));
        assertThat(cardsNamingTheirColumns(lists)).containsExactly(List.of("Name", "What the list holds",
                "Where the entries come from", "Entries"));
        assertThat(lists.select("#lists tr:contains(Missing children, Essex (form)) td").eachText())
                .containsExactly("Missing children, Essex (form)", "Missing children", "Essex Police MPU", "0");
    }

    @Test
    void anEntryIsAddedByHandWithItsMistakesShownTheGovUkWayAndConsentNeededForReTrafficking() throws Exception {
        UUID list = list(WatchListKind.RE_TRAFFICKING_RISK, "Asked for help (form)");
        String path = "/screening/watch-lists/" + list;
        Document form = page(as(ANALYST_PIU, get(path)));
        assertThat(form.select("#source").val()).as("the list's source, to start with").isEqualTo("Essex Police MPU");
        assertThat(form.select("#consentRecordedBy")).hasSize(1);

        Document refused = page(as(ANALYST_PIU, post(path + "/entries")).with(csrf()).param("familyName", "")
                .param("source", "Essex Police MPU").param("owner", "DC Shah")
                .param("reviewDate.day", "31").param("reviewDate.month", "2").param("reviewDate.year", "2030"));
        assertThat(refused.title()).startsWith("Error: ");
        assertThat(refused.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter a real date, with a 4-digit year");
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#reviewDate-day");
        assertThat(refused.select("#reviewDate-error").text()).contains("Enter a real date");

        LocalDate review = today().plusMonths(3);
        Document noConsent = page(as(ANALYST_PIU, post(path + "/entries")).with(csrf()).param("familyName", "Kowalska")
                .param("givenNames", "Maria").param("source", "Essex Police MPU").param("owner", "DC Shah")
                .param("reviewDate.day", "" + review.getDayOfMonth())
                .param("reviewDate.month", "" + review.getMonthValue())
                .param("reviewDate.year", "" + review.getYear()));
        assertThat(noConsent.select(".govuk-error-summary a").eachText()).containsExactly(
                "Enter who recorded the person’s consent, and when: a list of people at risk of re-trafficking holds"
                        + " only those who asked for help");
        assertThat(noConsent.select("#familyName").val()).as("what was typed stays").isEqualTo("Kowalska");

        LocalDate consent = today().minusDays(2);
        MockHttpServletResponse added = mvc.perform(as(ANALYST_PIU, post(path + "/entries")).with(csrf())
                .param("familyName", "Kowalska").param("givenNames", "Maria").param("source", "Essex Police MPU")
                .param("owner", "DC Shah").param("reviewDate.day", "" + review.getDayOfMonth())
                .param("reviewDate.month", "" + review.getMonthValue()).param("reviewDate.year", "" + review.getYear())
                .param("consentRecordedBy", "J Lee, Salvation Army")
                .param("consentRecordedOn.day", "" + consent.getDayOfMonth())
                .param("consentRecordedOn.month", "" + consent.getMonthValue())
                .param("consentRecordedOn.year", "" + consent.getYear())).andReturn().getResponse();
        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(added.getRedirectedUrl()).isEqualTo(path);

        Document shown = page(as(ANALYST_PIU, get(path)).flashAttr("notice", "screening.watchlists.entry.added"));
        assertThat(shown.select(".govuk-notification-banner").text()).contains("The entry was added");
        assertThat(shown.select("#entries .wm-entry")).hasSize(1);
        assertThat(shown.select("#entries .wm-entry td").first().text()).isEqualTo("Kowalska, Maria");
        assertThat(shown.select("#entries .wm-consent").text()).startsWith("Recorded by J Lee, Salvation Army on ");
        assertThat(cardsNamingTheirColumns(shown).get(0)).containsExactly("Names as written", "Date of birth",
                "Review date", "Owner", "Consent", "");
    }

    @Test
    void readingAListsEntriesIsLoggedAndAnEntryIsRemoved() throws Exception {
        UUID list = list(WatchListKind.MISSING_CHILD, "Missing children (remove)");
        UUID kept = watchLists.addEntry(list, entry("KEPTONE", "Ola"), principal(ANALYST_PIU).actor());
        UUID gone = watchLists.addEntry(list, entry("GONEONE", "Ewa"), principal(ANALYST_PIU).actor());
        String path = "/screening/watch-lists/" + list;
        page(as(ANALYST_PIU, get(path)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND record_id = ?")
                .params("WATCH_LIST_ENTRY_READ", kept.toString()).query(Integer.class).single()).isPositive();

        MockHttpServletResponse removed = mvc.perform(as(ANALYST_PIU, post(path + "/entries/" + gone + "/remove"))
                .with(csrf())).andReturn().getResponse();
        assertThat(removed.getRedirectedUrl()).isEqualTo(path);
        Document after = page(as(ANALYST_PIU, get(path)));
        assertThat(after.select("#entries .wm-family-name").eachText()).containsExactly("KEPTONE");
    }

    @Test
    void anEntryIsChangedOnAFormFilledWithItItsMistakesShownTheGovUkWay() throws Exception {
        UUID list = list(WatchListKind.MISSING_PERSON, "Missing adults (change)");
        LocalDate review = today().plusMonths(1);
        UUID entry = watchLists.addEntry(list, new EntryDetails("Иванова", "Мария", LocalDate.of(1990, 3, 4),
                "Essex Police MPU", "DC Shah", review, null, null, "Last seen in Luton"),
                principal(ANALYST_PIU).actor());
        UUID other = watchLists.addEntry(list, entry("OTHERONE", "Ola"), principal(ANALYST_PIU).actor());
        String path = "/screening/watch-lists/" + list;
        String edit = path + "/entries/" + entry + "/edit";

        Document shown = page(as(ANALYST_PIU, get(path)));
        Elements change = shown.select("#entry-" + entry + " a.wm-change");
        assertThat(change.attr("href")).isEqualTo(edit);
        assertThat(change.text()).isEqualTo("Change Иванова, Мария");
        assertThat(change.select(".govuk-visually-hidden").text()).as("the person named for those who hear the page")
                .isEqualTo("Иванова, Мария");

        int readsBefore = reads(entry);
        Document form = page(as(ANALYST_PIU, get(edit)));
        assertThat(reads(entry)).as("the form shows the entry: a read, logged").isEqualTo(readsBefore + 1);
        assertThat(form.select("h1").text()).isEqualTo("Change an entry");
        assertThat(form.select("#familyName").val()).isEqualTo("Иванова");
        assertThat(form.select("#givenNames").val()).isEqualTo("Мария");
        assertThat(boxes(form, "birthDate")).containsExactly("4", "3", "1990");
        assertThat(boxes(form, "reviewDate")).containsExactly("" + review.getDayOfMonth(),
                "" + review.getMonthValue(), "" + review.getYear());
        assertThat(form.select("#source").val()).isEqualTo("Essex Police MPU");
        assertThat(form.select("#owner").val()).isEqualTo("DC Shah");
        assertThat(form.select("#note").text()).isEqualTo("Last seen in Luton");
        assertThat(form.select("#consentRecordedBy")).as("no consent on a list of missing adults").isEmpty();
        assertThat(form.select("form:has(#save-entry)").attr("action")).isEqualTo(edit);
        assertThat(form.select("#save-entry").text()).isEqualTo("Save changes");

        Document refused = page(as(ANALYST_PIU, post(edit)).with(csrf()).param("familyName", "Иванова")
                .param("givenNames", "Мария").param("source", "Essex Police MPU").param("owner", "DC Shah")
                .param("reviewDate.day", "31").param("reviewDate.month", "2").param("reviewDate.year", "2031"));
        assertThat(refused.title()).startsWith("Error: ");
        assertThat(refused.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter a real date, with a 4-digit year");
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#reviewDate-day");
        assertThat(refused.select("#reviewDate-error").text()).contains("Enter a real date");
        assertThat(boxes(refused, "reviewDate")).as("what was typed stays").containsExactly("31", "2", "2031");
        assertThat(refused.select("#familyName").val()).isEqualTo("Иванова");

        LocalDate later = today().plusMonths(6);
        MvcResult saved = mvc.perform(dated(as(ANALYST_PIU, post(edit)).with(csrf()).param("familyName", "Иванова")
                .param("givenNames", "Мария Ивановна").param("source", "Essex Police MPU").param("owner", "DC Shah")
                .param("note", "Last seen in Luton"), "reviewDate", later)).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(path);

        Document after = page(as(ANALYST_PIU, get(path)).flashAttrs(saved.getFlashMap()));
        assertThat(after.select(".govuk-notification-banner").text()).contains("Entry changed");
        Elements cells = after.select("#entry-" + entry + " td");
        assertThat(cells.get(0).text()).startsWith("Иванова, Мария Ивановна");
        assertThat(cells.get(1).text()).as("a date of birth left empty is taken away").isEqualTo("Not known");
        assertThat(cells.get(2).text()).isEqualTo(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(later));
        assertThat(after.select("#entry-" + other + " .wm-family-name").text()).as("the other entry as it was")
                .isEqualTo("OTHERONE");

        String elsewhere = "/screening/watch-lists/" + list(WatchListKind.MISSING_PERSON, "Missing adults (elsewhere)")
                + "/entries/" + entry + "/edit";
        assertThat(status(as(ANALYST_PIU, get(elsewhere)))).as("an entry is changed on its own list only")
                .isEqualTo(404);
        assertThat(status(dated(as(ANALYST_PIU, post(elsewhere)).with(csrf()).param("familyName", "Петрова")
                .param("source", "Essex Police MPU").param("owner", "DC Shah"), "reviewDate", later))).isEqualTo(404);
        assertThat(page(as(ANALYST_PIU, get(path))).select("#entry-" + entry + " .wm-family-name").text())
                .isEqualTo("Иванова");
        watchLists.removeEntry(list, other, principal(ANALYST_PIU).actor());
        assertThat(status(as(ANALYST_PIU, get(path + "/entries/" + other + "/edit")))).as("removed").isEqualTo(404);
    }

    @Test
    void anEntryPastItsReviewDateIsShownExpiredWithTheSentenceThatItNoLongerMatches() throws Exception {
        UUID list = list(WatchListKind.MISSING_PERSON, "Missing adults (expiry)");
        UUID entry = watchLists.addEntry(list, entry("EXPIRING", "Lena"), principal(ANALYST_PIU).actor());
        UUID current = watchLists.addEntry(list, entry("CURRENT", "Rosa"), principal(ANALYST_PIU).actor());
        jdbc.sql("UPDATE screening_watch_list_entry SET review_date = :day WHERE id = :id")
                .param("day", today().minusDays(1)).param("id", entry).update();
        Document page = page(as(ANALYST_PIU, get("/screening/watch-lists/" + list)));
        assertThat(page.select("#entry-" + entry + " .wm-expired").text()).isEqualTo("Expired");
        assertThat(page.select("#entry-" + current + " .wm-expired")).isEmpty();
        assertThat(page.select("#expiry").text()).contains("no longer matches");
    }

    @Test
    void aCsvFileIsRefusedRowByRowWithNothingAddedOrTakenWhole() throws Exception {
        UUID list = list(WatchListKind.MISSING_CHILD, "Missing children (import)");
        String path = "/screening/watch-lists/" + list;
        String review = today().plusMonths(6).toString();

        Document none = page(as(ANALYST_PIU, multipart(path + "/import")).with(csrf()));
        assertThat(none.select(".govuk-error-summary a").eachText()).containsExactly("Choose a CSV file");
        assertThat(none.select(".govuk-error-summary a").attr("href")).isEqualTo("#file");

        Document refused = page(as(ANALYST_PIU, multipart(path + "/import").file(csv(
                "family_name,given_names,birth_date,owner,review_date\n"
                        + "NOWAK,Anna,2008-03-04,DC Shah," + review + "\n"
                        + ",Ewa,2009-01-02,DC Shah," + review + "\n"
                        + "WISNIEWSKA,Ola,04/03/2008,DC Shah," + review + "\n"))).with(csrf()));
        assertThat(refused.title()).startsWith("Error: ");
        assertThat(refused.select("#import-problems a").eachText()).containsExactly(
                "Row 2, column family_name: Enter the family name",
                "Row 3, column birth_date: Enter the date as year-month-day, for example 1990-03-04");
        assertThat(refused.select("#no-entries")).as("nothing added").hasSize(1);

        Document badHeader = page(as(ANALYST_PIU, multipart(path + "/import").file(csv("surname,owner\nNOWAK,DC\n")))
                .with(csrf()));
        assertThat(badHeader.select("#import-problems a").eachText()).contains(
                "Column family_name: The file has no column with this name in its first row",
                "Column surname: The file has a column not known to watch lists");

        MockHttpServletResponse taken = mvc.perform(as(ANALYST_PIU, multipart(path + "/import").file(csv(
                "family_name,given_names,birth_date,owner,review_date\n"
                        + "NOWAK,Anna,2008-03-04,DC Shah," + review + "\n"
                        + "Ковальова,Олена,,DC Shah," + review + "\n"))).with(csrf())).andReturn().getResponse();
        assertThat(taken.getStatus()).isEqualTo(302);
        Document shown = page(as(ANALYST_PIU, get(path)).flashAttr("notice", "screening.watchlists.import.taken")
                .flashAttr("noticeCount", 2));
        assertThat(shown.select(".govuk-notification-banner").text()).contains("2 entries added");
        assertThat(shown.select("#entries .wm-family-name").eachText()).containsExactlyInAnyOrder("NOWAK", "Ковальова");
        assertThat(shown.select("#entries tr:contains(Ковальова) td").get(1).text()).isEqualTo("Not known");
    }

    @Test
    void aFileSavedByExcelWithAByteOrderMarkIsTakenAndAColumnTwiceIsNamed() throws Exception {
        UUID list = list(WatchListKind.MISSING_PERSON, "Missing adults (Excel)");
        String path = "/screening/watch-lists/" + list;
        String review = today().plusMonths(6).toString();
        byte[] text = ("family_name,given_names,owner,review_date\r\nNOWAK,Anna,DC Shah," + review + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] excel = new byte[text.length + 3];
        excel[0] = (byte) 0xEF;
        excel[1] = (byte) 0xBB;
        excel[2] = (byte) 0xBF;
        System.arraycopy(text, 0, excel, 3, text.length);
        MockHttpServletResponse taken = mvc.perform(as(ANALYST_PIU, multipart(path + "/import")
                .file(new MockMultipartFile("file", "entries.csv", "text/csv", excel))).with(csrf()))
                .andReturn().getResponse();
        assertThat(taken.getStatus()).isEqualTo(302);
        assertThat(page(as(ANALYST_PIU, get(path))).select("#entries .wm-family-name").eachText())
                .containsExactly("NOWAK");

        Document twice = page(as(ANALYST_PIU, multipart(path + "/import").file(csv(
                "family_name,owner,review_date,family_name\nKOWALSKA,DC Shah," + review + ",NOWAK\n"))).with(csrf()));
        assertThat(twice.select("#import-problems a").eachText())
                .containsExactly("Column family_name: The file has this column more than once in its first row");
    }

    @Test
    void aFileWithManyBadRowsListsAHundredAndCountsTheRest() throws Exception {
        UUID list = list(WatchListKind.MISSING_PERSON, "Missing adults (many problems)");
        StringBuilder bad = new StringBuilder("family_name,owner,review_date\n");
        for (int i = 0; i < 130; i++) {
            bad.append("NOWAK,DC Shah,not a date\n");
        }
        Document refused = page(as(ANALYST_PIU, multipart("/screening/watch-lists/" + list + "/import")
                .file(csv(bad.toString()))).with(csrf()));
        assertThat(refused.select("#import-problems li")).hasSize(101);
        assertThat(refused.select("#more-import-problems").text()).isEqualTo("and 30 more rows with problems");
    }

    @Test
    void aNameWithoutALetterOrAPersonAlreadyOnTheListIsRefusedOnTheForm() throws Exception {
        UUID list = list(WatchListKind.MISSING_PERSON, "Missing adults (refusals)");
        String path = "/screening/watch-lists/" + list;
        LocalDate review = today().plusMonths(3);
        Document digits = page(dated(as(ANALYST_PIU, post(path + "/entries")).with(csrf()).param("familyName", "12345")
                .param("source", "Essex Police MPU").param("owner", "DC Shah"), "reviewDate", review));
        assertThat(digits.select(".govuk-error-summary a").eachText())
                .containsExactly("The family name must have at least one letter");
        assertThat(digits.select(".govuk-error-summary a").attr("href")).isEqualTo("#familyName");

        watchLists.addEntry(list, entry("NOWAK", "Anna"), principal(ANALYST_PIU).actor());
        Document twice = page(dated(dated(as(ANALYST_PIU, post(path + "/entries")).with(csrf())
                .param("familyName", "Nowak ").param("givenNames", "anna").param("source", "Essex Police MPU")
                .param("owner", "DC Shah"), "reviewDate", review), "birthDate", LocalDate.of(2008, 3, 4)));
        assertThat(twice.title()).startsWith("Error: ");
        assertThat(twice.select(".govuk-error-summary a").eachText())
                .containsExactly("This person is already on the list, with the same names and date of birth");
        assertThat(twice.select("#entries .wm-entry")).as("still one entry").hasSize(1);
    }

    @Test
    void aLongListIsShownAHundredEntriesToAPageWithOnlyThoseShownLoggedAndTheFormsFirst() throws Exception {
        UUID list = list(WatchListKind.MISSING_PERSON, "Missing adults (pages)");
        String review = today().plusMonths(6).toString();
        StringBuilder csv = new StringBuilder("family_name,owner,review_date\n");
        for (int i = 0; i < 230; i++) {
            csv.append("P").append((char) ('A' + i / 26)).append((char) ('A' + i % 26)).append(",DC Shah,")
                    .append(review).append("\n");
        }
        assertThat(watchLists.importCsv(list, new java.io.StringReader(csv.toString()),
                principal(ANALYST_PIU).actor()).imported()).isEqualTo(230);
        String path = "/screening/watch-lists/" + list;

        Document first = page(as(ANALYST_PIU, get(path)));
        assertThat(first.select("#entries .wm-entry")).hasSize(100);
        assertThat(first.select("#entries-heading").text()).isEqualTo("230 entries");
        assertThat(first.select("#shown").text()).isEqualTo("Showing entries 1 to 100 of 230, by family name");
        assertThat(first.select("#entries .wm-family-name").first().text()).isEqualTo("PAA");
        assertThat(first.select(".govuk-pagination a[rel=prev]")).isEmpty();
        assertThat(first.select(".govuk-pagination a[rel=next]").attr("href")).isEqualTo(path + "?page=1");
        assertThat(first.select(".govuk-pagination a[rel=next]").text()).isEqualTo("Next entries");
        assertThat(readsOf(list)).as("only the entries shown are logged").isEqualTo(100);
        assertThat(first.select("#add, #import, #entries-heading").eachAttr("id"))
                .as("on a phone, adding comes before scrolling through entries")
                .containsExactly("add", "import", "entries-heading");

        Document last = page(as(ANALYST_PIU, get(path + "?page=2")));
        assertThat(last.select("#entries .wm-entry")).hasSize(30);
        assertThat(last.select("#shown").text()).isEqualTo("Showing entries 201 to 230 of 230, by family name");
        assertThat(last.select(".govuk-pagination a[rel=prev]").attr("href")).isEqualTo(path + "?page=1");
        assertThat(last.select(".govuk-pagination a[rel=next]")).isEmpty();
        assertThat(page(as(ANALYST_PIU, get(path + "?page=99"))).select("#entries .wm-entry"))
                .as("past the last: the last").hasSize(30);
        assertThat(readsOf(list)).isEqualTo(160);
    }

    int readsOf(UUID list) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'WATCH_LIST_ENTRY_READ' AND record_id IN"
                + " (SELECT CAST(id AS VARCHAR(36)) FROM screening_watch_list_entry WHERE watch_list_id = ?)")
                .param(list).query(Integer.class).single();
    }

    /** The day, month and year boxes of a date input, as the page fills them. */
    static List<String> boxes(Document page, String field) {
        return List.of(page.select("#" + field + "-day").val(), page.select("#" + field + "-month").val(),
                page.select("#" + field + "-year").val());
    }

    static MockHttpServletRequestBuilder dated(MockHttpServletRequestBuilder request, String field, LocalDate date) {
        return request.param(field + ".day", "" + date.getDayOfMonth())
                .param(field + ".month", "" + date.getMonthValue()).param(field + ".year", "" + date.getYear());
    }

    int reads(UUID entry) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND record_id = ?")
                .params("WATCH_LIST_ENTRY_READ", entry.toString()).query(Integer.class).single();
    }

    static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "entries.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }
}
