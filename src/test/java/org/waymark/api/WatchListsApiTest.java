package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.json;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;

import tools.jackson.databind.JsonNode;

/**
 * Watch lists through the API, as an analyst of a Passenger Information Unit uses it: a list
 * created, entries added by hand and from a CSV file (refused whole, row by row, when any row is
 * wrong), read, changed and removed; bad input answered with problem JSON; nobody without the
 * passenger data role reaches any of it. Runs on H2 and on PostgreSQL.
 */
class WatchListsApiTest extends ApiTests {

    static final String LISTS = "/api/v1/screening/watch-lists";

    String analyst;

    @BeforeAll
    void people() {
        var forces = forcesWith("coordinator", "officer", "analyst");
        analyst = given.user("piu-watch-lists", forces.police(), "PASSENGER_DATA");
    }

    static String review() {
        return LocalDate.now().plusMonths(6).toString();
    }

    String created(String kind, String name) {
        Response created = api.post(LISTS, json(Map.of("kind", kind, "name", name, "source", "Essex Police MPU")),
                analyst);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(LISTS + "/" + created.text("id"));
        return created.text("id");
    }

    static Map<String, Object> entry(String family) {
        Map<String, Object> entry = new HashMap<>(Map.of("familyName", family, "givenNames", "Anna",
                "birthDate", "2008-03-04", "source", "Essex Police MPU", "owner", "DC Shah", "reviewDate", review()));
        return entry;
    }

    Response importing(String id, String csv) {
        return api.send("POST", LISTS + "/" + id + "/import", "text/csv", csv, analyst);
    }

    @Test
    void aListIsCreatedAndEntriesAddedReadAndRemoved() {
        String id = created("MISSING_CHILD", "Missing children (API)");
        Response added = api.post(LISTS + "/" + id + "/entries", json(entry("NOWAK")), analyst);
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        String entryId = added.text("id");
        assertThat(added.header("Location")).endsWith(LISTS + "/" + id + "/entries/" + entryId);
        assertThat(added.text("familyName")).isEqualTo("NOWAK");
        assertThat(added.json().path("expired").asBoolean()).isFalse();

        assertThat(api.get(LISTS, analyst).json().findValuesAsString("name")).contains("Missing children (API)");
        assertThat(api.get(LISTS + "/" + id, analyst).json().path("entries").asInt()).isEqualTo(1);
        JsonNode entries = api.get(LISTS + "/" + id + "/entries", analyst).json();
        assertThat(entries.findValuesAsString("familyName")).containsExactly("NOWAK");
        assertThat(api.get(LISTS + "/" + id + "/entries/" + entryId, analyst).text("birthDate"))
                .isEqualTo("2008-03-04");

        assertThat(api.send("DELETE", LISTS + "/" + id + "/entries/" + entryId, null, null, analyst).status())
                .isEqualTo(204);
        assertThat(api.get(LISTS + "/" + id + "/entries", analyst).json().size()).isZero();
        assertThat(api.send("DELETE", LISTS + "/" + id + "/entries/" + entryId, null, null, analyst).status())
                .as("removed already").isEqualTo(404);
        assertThat(api.get(LISTS + "/" + id + "/entries/" + entryId, analyst).status()).isEqualTo(404);
    }

    @Test
    void anEntryIsChangedOnItsOwnListOnlyAndTheChangeLogged() {
        String id = created("MISSING_PERSON", "Missing adults (API change)");
        String entries = LISTS + "/" + id + "/entries";
        String entryId = api.post(entries, json(entry("IVANOVA")), analyst).text("id");
        String later = LocalDate.now().plusMonths(9).toString();
        Map<String, Object> changed = entry("IWANOWA");
        changed.put("reviewDate", later);

        Response put = api.put(entries + "/" + entryId, json(changed), analyst);
        assertThat(put.status()).as(put.raw().body()).isEqualTo(200);
        assertThat(put.text("id")).isEqualTo(entryId);
        assertThat(put.text("familyName")).isEqualTo("IWANOWA");
        assertThat(put.text("reviewDate")).isEqualTo(later);
        Response read = api.get(entries + "/" + entryId, analyst);
        assertThat(read.text("familyName")).isEqualTo("IWANOWA");
        assertThat(read.text("reviewDate")).isEqualTo(later);
        assertThat(api.get(entries, analyst).json().findValuesAsString("familyName")).containsExactly("IWANOWA");
        JsonNode log = api.get("/api/v1/audit?recordType=WATCH_LIST_ENTRY&recordId=" + entryId, admin).json();
        assertThat(log.findValuesAsString("action")).contains("WATCH_LIST_ENTRY_ADDED", "WATCH_LIST_ENTRY_CHANGED");

        String other = created("MISSING_PERSON", "Other missing adults (API change)");
        assertProblem(api.put(LISTS + "/" + other + "/entries/" + entryId, json(entry("PETROVA")), analyst), 404,
                null);
        assertThat(api.get(entries + "/" + entryId, analyst).text("familyName")).as("not changed from another list")
                .isEqualTo("IWANOWA");

        Map<String, Object> past = entry("IWANOWA");
        past.put("reviewDate", LocalDate.now().minusDays(2).toString());
        assertProblem(api.put(entries + "/" + entryId, json(past), analyst), 400, "reviewDate");
        Map<String, Object> notADate = entry("IWANOWA");
        notADate.put("reviewDate", "next year");
        assertProblem(api.put(entries + "/" + entryId, json(notADate), analyst), 400, "reviewDate");
        assertThat(api.get(entries + "/" + entryId, analyst).text("reviewDate")).as("refused, kept").isEqualTo(later);

        assertThat(api.send("DELETE", entries + "/" + entryId, null, null, analyst).status()).isEqualTo(204);
        assertProblem(api.put(entries + "/" + entryId, json(changed), analyst), 404, null);
        assertThat(api.get(entries, analyst).json().size()).as("a removed entry is not put back").isZero();
    }

    @Test
    void aCsvFileIsTakenWholeOrRefusedRowByRowWithNothingAdded() {
        String id = created("MISSING_PERSON", "Missing adults (API import)");
        Response refused = importing(id, "family_name,birth_date,owner,review_date\n"
                + "NOWAK,2008-03-04,DC Shah," + review() + "\n"
                + ",2009-01-02,DC Shah," + review() + "\n"
                + "KOWALSKA,04/03/2008,DC Shah," + review() + "\n");
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<JsonNode> problems = List.copyOf(refused.json().path("errors").values());
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).path("row").asInt()).isEqualTo(2);
        assertThat(problems.get(0).path("column").asString()).isEqualTo("family_name");
        assertThat(problems.get(0).path("message").asString()).isEqualTo("Enter the family name");
        assertThat(problems.get(1).path("row").asInt()).isEqualTo(3);
        assertThat(problems.get(1).path("column").asString()).isEqualTo("birth_date");
        assertThat(api.get(LISTS + "/" + id + "/entries", analyst).json().size()).as("nothing added").isZero();

        assertThat(importing(id, "").status()).isEqualTo(422);
        assertThat(importing(id, "\"unclosed,owner\n").status()).isEqualTo(422);

        Response taken = importing(id, "family_name,given_names,owner,review_date\n"
                + "NOWAK,Anna,DC Shah," + review() + "\n"
                + "Ковальова,Олена,DC Shah," + review() + "\n");
        assertThat(taken.status()).as(taken.raw().body()).isEqualTo(200);
        assertThat(taken.json().path("imported").asInt()).isEqualTo(2);
        assertThat(api.get(LISTS + "/" + id + "/entries", analyst).json().findValuesAsString("familyName"))
                .containsExactlyInAnyOrder("NOWAK", "Ковальова");
    }

    @Test
    void badInputIsAnsweredWithProblemJsonNeverAServerError() {
        Response noKind = api.post(LISTS, json(Map.of("name", "No kind", "source", "MPU")), analyst);
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.json().path("errors").get(0).path("field").asString()).isEqualTo("kind");
        assertThat(api.post(LISTS, json(Map.of("kind", "SUSPECTS", "name", "x", "source", "MPU")), analyst).status())
                .isEqualTo(400);
        assertThat(api.post(LISTS, "[1,2]", analyst).status()).isEqualTo(400);
        assertThat(api.post(LISTS, json(Map.of("kind", "MISSING_CHILD", "name", "Nul\u0000name", "source", "MPU")),
                analyst).status()).isEqualTo(400);

        String id = created("RE_TRAFFICKING_RISK", "Asked for help (API)");
        Response noConsent = api.post(LISTS + "/" + id + "/entries", json(entry("NOWAK")), analyst);
        assertThat(noConsent.status()).isEqualTo(400);
        assertThat(noConsent.json().path("errors").get(0).path("field").asString()).isEqualTo("consentRecordedBy");
        Map<String, Object> badDate = entry("NOWAK");
        badDate.put("reviewDate", "next year");
        Response notADate = api.post(LISTS + "/" + id + "/entries", json(badDate), analyst);
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().path("errors").get(0).path("field").asString()).isEqualTo("reviewDate");

        String unknown = "/00000000-0000-0000-0000-000000000000";
        assertThat(api.get(LISTS + unknown + "/entries", analyst).status()).isEqualTo(404);
        assertThat(api.post(LISTS + unknown + "/entries", json(entry("NOWAK")), analyst).status()).isEqualTo(404);
        assertThat(importing(unknown.substring(1), "family_name\n").status()).isEqualTo(404);
        assertThat(api.get(LISTS + "/not-an-id/entries", analyst).status()).isEqualTo(400);
        assertThat(api.send("POST", LISTS + "/" + id + "/import", "application/json", "{}", analyst).status())
                .isEqualTo(415);
    }

    @Test
    void onlyThePassengerDataRoleReachesWatchLists() {
        String id = created("MISSING_CHILD", "Missing children (API roles)");
        String entryId = api.post(LISTS + "/" + id + "/entries", json(entry("ROLES")), analyst).text("id");
        for (String who : List.of("coordinator", "officer", "analyst", "admin")) {
            assertThat(api.get(LISTS, as.get(who)).status()).as(who).isEqualTo(403);
            assertThat(api.get(LISTS + "/" + id + "/entries", as.get(who)).status()).as(who).isEqualTo(403);
            assertThat(api.post(LISTS, json(Map.of("kind", "MISSING_CHILD", "name", who, "source", "MPU")),
                    as.get(who)).status()).as(who).isEqualTo(403);
            assertThat(api.post(LISTS + "/" + id + "/entries", json(entry("NOWAK")), as.get(who)).status()).as(who)
                    .isEqualTo(403);
            assertThat(api.put(LISTS + "/" + id + "/entries/" + entryId, json(entry("NOWAK")), as.get(who)).status())
                    .as(who).isEqualTo(403);
            assertThat(api.send("POST", LISTS + "/" + id + "/import", "text/csv", "family_name\n", as.get(who))
                    .status()).as(who).isEqualTo(403);
        }
        assertThat(api.get(LISTS, null).status()).isEqualTo(401);
    }

    @Test
    void aFileFromExcelWithAByteOrderMarkIsTaken() {
        String id = created("MISSING_PERSON", "Missing adults (API byte order mark)");
        Response taken = importing(id, "\uFEFFfamily_name,given_names,owner,review_date\n"
                + "NOWAK,Anna,DC Shah," + review() + "\n");
        assertThat(taken.status()).as(taken.raw().body()).isEqualTo(200);
        assertThat(taken.json().path("imported").asInt()).isEqualTo(1);
        assertThat(api.get(LISTS + "/" + id + "/entries", analyst).json().findValuesAsString("familyName"))
                .containsExactly("NOWAK");
    }

    @Test
    void aColumnTwiceOrARowWithMoreCellsThanColumnsIsRefusedNotCut() {
        String id = created("MISSING_PERSON", "Missing adults (API columns)");
        Response twice = importing(id, "family_name,owner,review_date,family_name\n"
                + "NOWAK,DC Shah," + review() + ",KOWALSKA\n");
        assertThat(twice.status()).as(twice.raw().body()).isEqualTo(422);
        JsonNode problem = twice.json().path("errors").get(0);
        assertThat(problem.path("row").asInt()).isZero();
        assertThat(problem.path("column").asString()).isEqualTo("family_name");
        assertThat(problem.path("message").asString())
                .isEqualTo("The file has this column more than once in its first row");

        Response tooMany = importing(id, "family_name,owner,review_date\n"
                + "NOWAK,DC Shah," + review() + "\n"
                + "KOWALSKA,DC Shah," + review() + ",Seen at Luton\n");
        assertThat(tooMany.status()).as(tooMany.raw().body()).isEqualTo(422);
        assertThat(tooMany.json().path("errors").size()).isEqualTo(1);
        assertThat(tooMany.json().path("errors").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(tooMany.json().path("errors").get(0).path("message").asString())
                .isEqualTo("The row has more cells than the first row has columns");
        assertThat(api.get(LISTS + "/" + id + "/entries", analyst).json().size()).as("nothing added").isZero();
    }

    @Test
    void aFileOverTwoMegabytesIsRefusedWith413AndAtMostAHundredRowProblemsAreListed() {
        String id = created("MISSING_PERSON", "Missing adults (API limits)");
        StringBuilder big = new StringBuilder("family_name,owner,review_date\n");
        while (big.length() <= 2 * 1024 * 1024) {
            big.append("NOWAK,DC Shah,not a date\n");
        }
        Response tooLarge = importing(id, big.toString());
        assertProblem(tooLarge, 413, null);
        assertThat(tooLarge.json().path("detail").asString()).isEqualTo("The file must be smaller than 2 MB");

        StringBuilder bad = new StringBuilder("family_name,owner,review_date\n");
        for (int i = 0; i < 150; i++) {
            bad.append("NOWAK").append(i).append(",DC Shah,not a date\n");
        }
        Response refused = importing(id, bad.toString());
        assertProblem(refused, 422, null);
        assertThat(refused.json().path("errors").size()).isEqualTo(100);
        assertThat(refused.json().path("moreRowsWithProblems").asInt()).isEqualTo(50);
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("The file was refused: nothing was added (and 50 more rows with problems)");
        assertThat(api.get(LISTS + "/" + id + "/entries", analyst).json().size()).as("nothing added").isZero();
    }

    @Test
    void aNameWithoutALetterIsRefusedByHandAndInAFile() {
        String id = created("MISSING_PERSON", "Missing adults (API letters)");
        String entries = LISTS + "/" + id + "/entries";
        for (String family : List.of("12345", "---", "\uD83D\uDE00\uD83D\uDE00")) {
            Response refused = api.post(entries, json(entry(family)), analyst);
            assertProblem(refused, 400, "familyName");
            assertThat(refused.json().path("detail").asString())
                    .isEqualTo("The family name must have at least one letter");
        }
        Map<String, Object> digits = entry("NOWAK");
        digits.put("givenNames", "007");
        assertProblem(api.post(entries, json(digits), analyst), 400, "givenNames");
        Map<String, Object> accented = entry("Ó Sé");
        accented.put("givenNames", "Łucja-Ана");
        assertThat(api.post(entries, json(accented), analyst).status()).as("letters of any script").isEqualTo(201);

        Response file = importing(id, "family_name,given_names,owner,review_date\n"
                + "12345,Anna,DC Shah," + review() + "\n");
        assertThat(file.status()).isEqualTo(422);
        assertThat(file.json().path("errors").get(0).path("column").asString()).isEqualTo("family_name");
        assertThat(api.get(entries, analyst).json().size()).isEqualTo(1);
    }

    @Test
    void theSamePersonIsAddedToAListOnceEvenByEightAtOnce() {
        String id = created("MISSING_CHILD", "Missing children (API twice)");
        String entries = LISTS + "/" + id + "/entries";
        List<Response> answers = api.postAtOnce(8, entries, json(entry("NOWAK")), analyst);
        assertThat(answers).extracting(Response::status).as(answers.toString())
                .containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409, 409, 409);
        Response refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertProblem(refused, 409, "familyName");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("This person is already on the list, with the same names and date of birth");
        assertThat(api.get(entries, analyst).json().size()).isEqualTo(1);

        Map<String, Object> sameAfterTrimAndCase = entry("  nowak ");
        sameAfterTrimAndCase.put("givenNames", "ANNA");
        assertProblem(api.post(entries, json(sameAfterTrimAndCase), analyst), 409, "familyName");
        Map<String, Object> otherBirthDate = entry("NOWAK");
        otherBirthDate.put("birthDate", "2009-03-04");
        assertThat(api.post(entries, json(otherBirthDate), analyst).status()).isEqualTo(201);

        Response file = importing(id, "family_name,given_names,birth_date,owner,review_date\n"
                + "Nowak,Anna,2008-03-04,DC Shah," + review() + "\n"
                + "KOWALSKA,Ewa,,DC Shah," + review() + "\n"
                + "Kowalska,EWA,,DC Shah," + review() + "\n");
        assertThat(file.status()).as(file.raw().body()).isEqualTo(422);
        List<JsonNode> problems = List.copyOf(file.json().path("errors").values());
        assertThat(problems).extracting(p -> p.path("row").asInt()).containsExactly(1, 3);
        assertThat(problems.get(0).path("message").asString())
                .isEqualTo("This person is already on the list, with the same names and date of birth");
        assertThat(problems.get(1).path("message").asString())
                .isEqualTo("This person is on an earlier row of the file, with the same names and date of birth");
        assertThat(api.get(entries, analyst).json().size()).isEqualTo(2);
    }

    @Test
    void entriesAreReadAllAtOnceOrAPageAtATime() {
        String id = created("MISSING_PERSON", "Missing adults (API pages)");
        StringBuilder csv = new StringBuilder("family_name,owner,review_date\n");
        for (int i = 0; i < 5; i++) {
            csv.append("PAGED").append((char) ('A' + i)).append(",DC Shah,").append(review()).append("\n");
        }
        assertThat(importing(id, csv.toString()).status()).isEqualTo(200);
        String entries = LISTS + "/" + id + "/entries";
        assertThat(api.get(entries, analyst).json().size()).as("all, as before").isEqualTo(5);
        assertThat(api.get(entries + "?page=1&size=2", analyst).json().findValuesAsString("familyName"))
                .containsExactly("PAGEDC", "PAGEDD");
        assertThat(api.get(entries + "?page=9&size=2", analyst).json().findValuesAsString("familyName"))
                .as("past the last: the last").containsExactly("PAGEDE");
        assertThat(api.get(entries + "?size=5000", analyst).json().size()).isEqualTo(5);
    }
}
