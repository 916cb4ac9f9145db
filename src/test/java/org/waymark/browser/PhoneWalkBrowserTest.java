package org.waymark.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waymark.support.ApiClient.json;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiFixtures;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * Every page on a phone of 360 by 740 pixels, as each role reaches it: the public, the
 * coordinator, the officer, the charity's navigator, the SARC's worker, the analyst and the
 * administrator each sign in and follow every link Waymark shows them, page after page, over an
 * operation of today with flights, tallies, checks, support requests, referrals and a report from
 * the public, so that the tables have rows; and a Passenger Information Unit analyst, whose
 * passenger data role has none of those pages, at their start and account. Each page must be free of serious and critical axe
 * findings, must not scroll sideways, and must hold no table wider than its container unless that
 * container is a scroll region reached by keyboard and named. Every failure of every page is
 * reported together, and each role must have reached the pages named for it.
 */
class PhoneWalkBrowserTest extends BrowserJourney {

    private static final ZoneId PORT_TIME = ZoneId.of("Europe/London");
    private static final String COORDINATOR = "cara.coordinator@essex.walk.test";
    private static final String OFFICER = "olly.officer@essex.walk.test";
    private static final String NAVIGATOR = "nia.navigator@justiceandcare.walk.test";
    private static final String SARC_WORKER = "sam.sarc@oakwood.walk.test";
    private static final String ANALYST = "ari.analyst@essex.walk.test";
    private static final String PASSENGER_DATA_ANALYST = "priya.piu@borderforce.walk.test";
    /** At most this many pages per role, should links lead on without end. */
    private static final int MOST_PAGES = 120;

    /**
     * Whether the page scrolls sideways, and each table wider than its container where the
     * container is not a focusable, named scroll region; a line for each, empty when all fit.
     */
    private static final String WIDTHS = """
            () => {
              const found = [];
              const page = document.documentElement;
              if (page.scrollWidth > window.innerWidth) {
                found.push('the page is ' + page.scrollWidth + ' px wide on a screen of ' + window.innerWidth + ' px');
              }
              document.querySelectorAll('table').forEach((table, i) => {
                const box = table.parentElement;
                if (box.scrollWidth <= box.clientWidth) return;
                const region = box.tabIndex >= 0 && (box.getAttribute('aria-label') || box.getAttribute('aria-labelledby'));
                if (!region) {
                  const name = table.id || (table.caption && table.caption.textContent.trim()) || ('table ' + (i + 1));
                  found.push('"' + name + '" is ' + box.scrollWidth + ' px wide in a box of ' + box.clientWidth + ' px');
                }
              });
              return found;
            }""";

    private final List<String> failures = new ArrayList<>();
    private String operation;
    private String checkWithSupport;

    @Test
    void everyPageOfEveryRoleFitsAPhoneAndPassesAxe() {
        setUp();

        walk(null, List.of("/sign-in", "/help", "/report", "/no-such-page"),
                Set.of("/sign-in", "/help", "/help/{}", "/report"));
        walk(COORDINATOR, List.of("/shift", "/operations/" + operation + "/flights/import", "/referrals?owed=true"),
                Set.of("/shift", "/operations", "/operations/{id}", "/operations/{id}/flights",
                        "/operations/{id}/flights?date", "/operations/{id}/board", "/operations/{id}/results",
                        "/results", "/referrals", "/referrals?owed", "/referrals/{id}", "/reports",
                        "/operations/{id}/flights/import", "/operations/{id}/flights/import/{id}", "/requests",
                        "/checks/{id}", "/operations/{id}/rota", "/operations/{id}/materials", "/account"));
        walk(OFFICER, List.of("/shift"), Set.of("/shift", "/operations/{id}/board", "/operations/{id}/tally",
                "/reports", "/reports/{id}", "/requests", "/checks/{id}"));
        walk(NAVIGATOR, List.of("/requests"), Set.of("/requests", "/requests/{id}/arrival", "/requests/{id}/decline",
                "/account"));
        walk(SARC_WORKER, List.of("/requests"), Set.of("/requests"));
        walk(ANALYST, List.of("/results"), Set.of("/results", "/operations/{id}/results"));
        walk(PASSENGER_DATA_ANALYST, List.of("/"), Set.of("/", "/account"));
        walk(ADMIN_EMAIL, List.of("/admin/users?unused=true"),
                Set.of("/admin/agencies", "/admin/users", "/admin/users?unused", "/admin/audit", "/admin/indicators",
                        "/admin/notifications", "/admin/retention", "/admin/subject-access", "/account"));

        assertTrue(failures.isEmpty(), failures.size() + " finding(s) at 360 px:\n" + String.join("\n", failures));
    }

    /**
     * Signs in as the user (the public when null), opens each start and then every page linked from
     * the pages seen, once for each shape of address (ids set aside), and checks each; records
     * which of the expected shapes of address were not reached.
     */
    private void walk(String email, List<String> starts, Set<String> expected) {
        String who = email == null ? "the public" : email;
        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            if (email != null) {
                page.navigate(url("/sign-in"));
                page.getByLabel("Email address").fill(email);
                page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                        .fill(email.equals(ADMIN_EMAIL) ? ADMIN_PASSWORD : PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(address -> !address.contains("/sign-in"));
            }
            Set<String> seen = new TreeSet<>();
            Deque<String> next = new ArrayDeque<>(starts);
            if (COORDINATOR.equals(email)) {
                importASchedule(page, seen, who);
            }
            if (ADMIN_EMAIL.equals(email)) {
                findTheRecordsOfAPerson(page, who);
            }
            while (!next.isEmpty() && seen.size() < MOST_PAGES) {
                String path = next.poll();
                if (!seen.add(shapeOf(path))) {
                    continue;
                }
                var response = page.navigate(url(path));
                int status = response == null ? 0 : response.status();
                if (status >= 400 && !path.equals("/no-such-page")) {
                    failures.add(who + " " + path + ": answered " + status);
                    continue;
                }
                check(page, who);
                next.addAll(linksOn(page));
            }
            for (String shape : expected) {
                if (!seen.contains(shape)) {
                    failures.add(who + " never reached " + shape + " (reached " + seen + ")");
                }
            }
        }
    }

    /** The coordinator imports a schedule with one row refused, so that the import's page has its table. */
    private void importASchedule(Page page, Set<String> seen, String who) {
        page.navigate(url("/operations/" + operation + "/flights/import"));
        String today = LocalDate.now(PORT_TIME).toString();
        String csv = "flight_number,airline,direction,airport,scheduled\n"
                + "W64321,Wizz Air,ARRIVAL,OTP," + today + "T21:10\n"
                + "FR9999,Ryanair,SIDEWAYS,SOF," + today + "T22:00\n";
        page.locator("#file").setInputFiles(new FilePayload("schedule.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import the file")).click();
        page.waitForURL(address -> address.matches(".*/flights/import/[^/]+$"));
        page.waitForSelector("text=Import finished", new Page.WaitForSelectorOptions().setTimeout(30_000));
        seen.add(shapeOf(URI.create(page.url()).getPath()));
        check(page, who);
    }

    /** The administrator's search for a person's records, whose answer is a page of its own. */
    private void findTheRecordsOfAPerson(Page page, String who) {
        page.navigate(url("/admin/subject-access"));
        page.locator("#name").fill("Maria Ivanova");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find records")).click();
        page.waitForSelector("#reference");
        check(page, who + " (found records)");
    }

    /** The page's width, its tables' widths and axe: every finding, none thrown. */
    @SuppressWarnings("unchecked")
    private void check(Page page, String who) {
        String where = who + " " + URI.create(page.url()).getRawPath()
                + (URI.create(page.url()).getRawQuery() == null ? "" : "?" + URI.create(page.url()).getRawQuery());
        for (String found : (List<String>) page.evaluate(WIDTHS)) {
            failures.add(where + ": " + found);
        }
        try {
            checkAccessibility(page);
        } catch (AssertionFailedError e) {
            failures.add(where + ": " + e.getMessage());
        }
    }

    /** Waymark's own pages linked from this one, without downloads, fragments of pages or signing out. */
    @SuppressWarnings("unchecked")
    private List<String> linksOn(Page page) {
        List<String> hrefs = (List<String>) page.evaluate("""
                () => [...document.querySelectorAll('a[href]')]
                  .filter(a => !a.hasAttribute('download') && a.origin === location.origin)
                  .map(a => a.pathname + a.search)""");
        Set<String> links = new LinkedHashSet<>();
        for (String href : hrefs) {
            if (!href.startsWith("/api") && !href.startsWith("/swagger") && !href.matches(".*\\.(pdf|csv|js|css)(\\?.*)?")
                    && !href.startsWith("/sign-out") && !href.startsWith("/assets")) {
                links.add(href);
            }
        }
        return new ArrayList<>(links);
    }

    /**
     * The shape of an address: ids as {id}, a help page's language as {}, and the names of its
     * query's parameters without their values.
     */
    static String shapeOf(String address) {
        int query = address.indexOf('?');
        String path = (query < 0 ? address : address.substring(0, query))
                .replaceAll("/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "/{id}")
                .replaceAll("/WM-[A-Z0-9]{4}-[A-Z0-9]{4}", "/{id}")
                .replaceAll("^/help/[a-z-]+$", "/help/{}");
        if (query < 0) {
            return path;
        }
        Set<String> names = new TreeSet<>();
        for (String pair : address.substring(query + 1).split("&")) {
            names.add(pair.split("=", 2)[0]);
        }
        return path + "?" + String.join("&", names);
    }

    /**
     * Essex Police's operation of today at Stansted with Justice & Care and the Oakwood SARC
     * taking part; flights monitored and not, tallies on them and away from them; a submitted
     * NRM referral, a child's check that owes one, a check with support requested of both
     * partners (one answered and arrived, one declined); a report from the public; a hold.
     */
    private void setUp() {
        ApiClient api = new ApiClient(port);
        ApiFixtures given = given();
        String police = given.agencyNamed("Essex Police", "POLICE");
        String charity = given.agencyNamed("Justice & Care", "CHARITY");
        String sarc = given.agencyNamed("The Oakwood Sexual Assault Referral Centre", "SARC");
        given.userWithEmail("Cara Coordinator", COORDINATOR, police, "COORDINATOR", "OFFICER");
        given.userWithEmail("Olly Officer", OFFICER, police, "OFFICER");
        given.userWithEmail("Nia Navigator", NAVIGATOR, charity, "PARTNER");
        given.userWithEmail("Sam Sarc", SARC_WORKER, sarc, "PARTNER");
        given.userWithEmail("Ari Analyst", ANALYST, police, "ANALYST");
        String borderForce = given.agencyNamed("Border Force", "BORDER_FORCE");
        given.userWithEmail("Priya PIU Analyst", PASSENGER_DATA_ANALYST, borderForce, "PASSENGER_DATA");
        String coordinator = given.tokenOf(COORDINATOR);
        String officer = given.tokenOf(OFFICER);
        LocalDate today = LocalDate.now(PORT_TIME);
        operation = given.operation().named("Week of action: Stansted, September").between(today.minusDays(1),
                today.plusDays(2)).focusedOn("BG", "RO").withPartners(charity, sarc).plannedBy(coordinator);

        String sofia = given.flight(operation, "FR1234", "ARRIVAL", "SOF", today + "T07:35", coordinator);
        String bucharest = given.flight(operation, "W63107", "DEPARTURE", "OTP", today + "T09:50", coordinator);
        given.flight(operation, "LS1622", "ARRIVAL", "VAR", today.plusDays(1) + "T13:05", coordinator);
        given.flight(operation, "FR2468", "ARRIVAL", "SOF", today.minusDays(1) + "T18:20", coordinator);
        given.monitor(operation, sofia, coordinator);
        given.monitor(operation, bucharest, coordinator);
        for (int tally = 0; tally < 3; tally++) {
            given.tally(operation, Map.of("flightId", sofia, "passengers", 412, "languages", List.of("bg", "ro"),
                    "leaflets", 110), officer);
        }
        given.tally(operation, Map.of("flightId", bucharest, "passengers", 87, "languages", List.of("ro")), officer);
        given.tally(operation, Map.of("location", "Arrivals hall, by the coach stops", "passengers", 23,
                "languages", List.of("en")), officer);

        String referred = closedCheck(api, given, officer, "NO", List.of("NRM_REFERRAL", "SAFEGUARDING_ADVICE"));
        given.submittedReferral(referred, Instant.now(), officer);
        closedCheck(api, given, officer, "YES", List.of("CHILD_SAFEGUARDING_REFERRAL", "NRM_REFERRAL"));

        checkWithSupport = given.check(operation, "NO", officer);
        String answered = api.post("/api/v1/checks/" + checkWithSupport + "/support-requests", json(Map.of(
                "agencyId", charity, "kind", "NAVIGATOR", "meetingPoint", "Gate 12, by the Border Force desk",
                "requesterPhone", "07700 900102")), officer).text("id");
        String navigator = given.tokenOf(NAVIGATOR);
        ok(api.post("/api/v1/support-requests/" + answered + "/acknowledge", null, navigator));
        ok(api.post("/api/v1/support-requests/" + answered + "/arrived", null, navigator));
        String declined = api.post("/api/v1/checks/" + checkWithSupport + "/support-requests", json(Map.of(
                "agencyId", sarc, "kind", "SARC")), officer).text("id");
        ok(api.post("/api/v1/support-requests/" + declined + "/decline", json(Map.of("reason",
                "Our only worker is at Gatwick until 18:00")), given.tokenOf(SARC_WORKER)));
        // A request still waiting, for the navigator's list.
        ok(api.post("/api/v1/checks/" + given.check(operation, "NO", officer) + "/support-requests", json(Map.of(
                "agencyId", charity, "kind", "INTERPRETER")), officer));

        Response report = api.post("/api/v1/public/reports", json(Map.of("what",
                "A man took the passports of two young women at gate 12 and walked them to a car",
                "where", "Stansted, gate 12", "contact", "07700 900123")), null);
        assertEquals(201, report.status(), report.raw().body());
        Response hold = api.post("/api/v1/retention/holds", json(Map.of("recordType", "ENHANCED_CHECK", "record", referred,
                "reason", "Subject access request under review")), ApiClient.bearer(api.token(ADMIN_EMAIL, ADMIN_PASSWORD)));
        assertEquals(201, hold.status(), hold.raw().body());
    }

    /** A check of an adult or a child (under18 YES or NO) closed with these outcomes; its id. */
    private String closedCheck(ApiClient api, ApiFixtures given, String officer, String under18,
            List<String> outcomes) {
        String check = given.check(operation, Map.of("location", "Arrivals hall", "category", "POTENTIAL_VICTIM",
                "person", Map.of("name", "Maria Ivanova", "under18", under18, "gender", "FEMALE", "nationality", "BG",
                        "languages", List.of("bg"))), officer);
        ok(api.post("/api/v1/checks/" + check + "/indicators", json(Map.of("indicators", List.of(Map.of("code",
                "T01", "basis", "OBSERVED")))), officer));
        ok(api.put("/api/v1/checks/" + check + "/account", json(Map.of("suspectedTypes", List.of("SEXUAL"),
                "account", "Offered work in a bar in Luton")), officer));
        ok(api.post("/api/v1/checks/" + check + "/outcome", json(Map.of("outcomes", outcomes)), officer));
        return check;
    }

    private static void ok(Response response) {
        assertTrue(response.status() == 200 || response.status() == 201,
                response.status() + " " + response.raw().body());
    }
}
