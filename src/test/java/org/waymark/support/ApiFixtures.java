package org.waymark.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.waymark.support.ApiClient.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What API tests set up, made through the JSON API as a client would: agencies, users with
 * bearer tokens, operations, flights, checks and referrals, with the defaults most tests want;
 * a test names only what it cares about.
 */
public final class ApiFixtures {

    /** The password of every user made here, and of the administrator of {@link ApiTests}. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final String admin;
    private final Map<String, String> emails = new HashMap<>();

    /** Fixtures made by the administrator with this bearer token. */
    public ApiFixtures(ApiClient api, String admin) {
        this.api = api;
        this.admin = admin;
    }

    /** An agency, its name made unique for the test; its id. */
    public String agency(String name, String type) {
        return agencyNamed(name + " " + UUID.randomUUID(), type);
    }

    /** An agency of exactly this name, for a test with a database of its own that shows the name; its id. */
    public String agencyNamed(String name, String type) {
        return created(api.post("/api/v1/agencies", json(Map.of("name", name, "type", type)), admin)).path("id")
                .asString();
    }

    /** A user of the agency with the role, emailed {@code label-<random>@waymark.test}; a bearer token for them. */
    public String user(String label, String agencyId, String role) {
        String email = userWithEmail(label, label + "-" + UUID.randomUUID() + "@waymark.test", agencyId, role);
        String token = tokenOf(email);
        emails.put(token, email);
        return token;
    }

    /** The email of the user made by {@link #user} with this bearer token. */
    public String emailOf(String token) {
        return emails.get(token);
    }

    /** The id of the user with this email, as the administrator lists them. */
    public String userId(String email) {
        for (JsonNode user : api.get("/api/v1/users", admin).json()) {
            if (user.path("email").asString().equals(email)) {
                return user.path("id").asString();
            }
        }
        throw new AssertionError("no user " + email);
    }

    /**
     * A user of the agency with the roles, with this email and {@link #PASSWORD}, and passenger data
     * with {@link #PASSENGER_DATA_REASON}; the email. (A
     * test that signs in as them, or asks for their token later, knows them by it.)
     */
    public String userWithEmail(String name, String email, String agencyId, String... roles) {
        Map<String, Object> user = new HashMap<>(Map.of("name", name, "email", email, "agencyId", agencyId, "roles",
                List.of(roles), "password", PASSWORD));
        if (List.of(roles).contains("PASSENGER_DATA")) {
            user.put("passengerDataReason", PASSENGER_DATA_REASON);
        }
        created(api.post("/api/v1/users", json(user), admin));
        return email;
    }

    /** Why the users made here with passenger data have it. */
    public static final String PASSENGER_DATA_REASON = "PIU analyst, authorised for the tests";

    /** A bearer token for the user made with this email and {@link #PASSWORD}. */
    public String tokenOf(String email) {
        return bearer(api.token(email, PASSWORD));
    }

    /**
     * The agencies of most API tests: Essex Police, which leads operations; Justice & Care and
     * The Oakwood SARC, which take part; and Kent Police, another force.
     */
    public record Forces(String police, String charity, String sarc, String kent) {
    }

    public Forces forces() {
        return new Forces(agency("Essex Police", "POLICE"), agency("Justice & Care", "CHARITY"),
                agency("The Oakwood SARC", "SARC"), agency("Kent Police", "POLICE"));
    }

    /**
     * Callers of the forces' agencies, by name, as bearer tokens in the order named: the
     * "coordinator", "officer" and "analyst" of Essex Police, the "navigator" and the "charity
     * officer" of Justice & Care, the "sarc worker", and Kent's officer, "other force" (or, as
     * "other force coordinator", its coordinator). A user's email begins with their label, such
     * as {@code navigator-}.
     */
    public Map<String, String> callers(Forces forces, String... names) {
        Map<String, String> callers = new LinkedHashMap<>();
        for (String name : names) {
            callers.put(name, switch (name) {
                case "coordinator" -> user("coordinator", forces.police(), "COORDINATOR");
                case "officer" -> user("officer", forces.police(), "OFFICER");
                case "analyst" -> user("analyst", forces.police(), "ANALYST");
                case "navigator" -> user("navigator", forces.charity(), "PARTNER");
                case "charity officer" -> user("charity-officer", forces.charity(), "OFFICER");
                case "sarc worker" -> user("sarc", forces.sarc(), "PARTNER");
                case "other force" -> user("kent", forces.kent(), "OFFICER");
                case "other force coordinator" -> user("kent", forces.kent(), "COORDINATOR");
                default -> throw new IllegalArgumentException("no caller " + name);
            });
        }
        return callers;
    }

    /** The id of the user whose email starts with this, as the administrator lists them. */
    public String userIdByEmailStart(String start) {
        return api.get("/api/v1/users", admin).json().findParents("email").stream()
                .filter(user -> user.path("email").asString().startsWith(start)).findFirst().orElseThrow()
                .path("id").asString();
    }

    /** The week of action of 16 to 19 September 2026 at Stansted, focused on Bulgaria, to be changed where a test needs. */
    public Operation operation() {
        return new Operation();
    }

    /** An operation about to be planned through {@code POST /api/v1/operations}. */
    public final class Operation {

        private final Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Week of action", "port", "STN",
                "startDate", "2026-09-16", "endDate", "2026-09-19", "focusCountries", List.of("BG")));

        private Operation() {
        }

        public Operation named(String name) {
            body.put("name", name);
            return this;
        }

        public Operation between(Object startDate, Object endDate) {
            body.put("startDate", startDate.toString());
            body.put("endDate", endDate.toString());
            return this;
        }

        public Operation at(String port) {
            body.put("port", port);
            return this;
        }

        public Operation endingOn(String date) {
            body.put("endDate", date);
            return this;
        }

        public Operation focusedOn(String... countries) {
            body.put("focusCountries", List.of(countries));
            return this;
        }

        public Operation focusedOnExploitation(String... types) {
            body.put("focusExploitationTypes", List.of(types));
            return this;
        }

        /** Flights that passenger data speak of, and that the operation has not listed, are added to it. */
        public Operation addingFlightsFromPassengerData() {
            body.put("addFlightsFromPassengerData", true);
            return this;
        }

        public Operation withPartners(String... agencyIds) {
            return withPartners(List.of(agencyIds));
        }

        public Operation withPartners(List<String> agencyIds) {
            body.put("agencyIds", agencyIds);
            return this;
        }

        /** Plans it as this coordinator; its id. */
        public String plannedBy(String coordinator) {
            return created(api.post("/api/v1/operations", json(body), coordinator)).path("id").asString();
        }
    }

    /** A flight added to the operation by its coordinator; its id. */
    public String flight(String operation, String number, String direction, String airport, String scheduled,
            String coordinator) {
        return created(api.post("/api/v1/operations/" + operation + "/flights", json(Map.of("flightNumber", number,
                "direction", direction, "airport", airport, "scheduled", scheduled)), coordinator)).path("id")
                .asString();
    }

    /** Marks the flight monitored; the flight as it is now. */
    public JsonNode monitor(String operation, String flight, String coordinator) {
        Response response = api.post("/api/v1/operations/" + operation + "/flights/" + flight + "/monitor", null,
                coordinator);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.json();
    }

    /** A tally sent as the app sends one, with an Idempotency-Key of its own. */
    public void tally(String operation, Map<String, Object> tally, String officer) {
        Response response = api.sendWith("POST", "/api/v1/operations/" + operation + "/engagements",
                "application/json", json(tally), officer, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
    }

    /** A check of a potential victim in the arrivals hall, of whom only whether they are under 18 is known; its id. */
    public String check(String operation, String under18, String officer) {
        return check(operation, Map.of("location", "Arrivals hall", "category", "POTENTIAL_VICTIM", "person",
                Map.of("under18", under18)), officer);
    }

    /** A check started with this body; its id. */
    public String check(String operation, Map<String, Object> check, String officer) {
        return created(api.post("/api/v1/operations/" + operation + "/checks", json(check), officer)).path("id")
                .asString();
    }

    /**
     * A consenting adult's NRM referral of the check, its package completed with the phone
     * number it lacked and submitted at {@code now}; its id.
     */
    @SuppressWarnings("unchecked")
    public String submittedReferral(String check, Instant now, String officer) {
        String id = api.post("/api/v1/checks/" + check + "/referral", json(Map.of("consent", Map.of("given", true,
                "explainedBy", "PC Olu Officer", "language", "bg", "interpreterUsed", true, "at",
                now.minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString()))), officer).text("id");
        JsonNode content = api.get("/api/v1/referrals/" + id, officer).json().path("package");
        Map<String, Object> complete = new LinkedHashMap<String, Object>(JSON.convertValue(content, Map.class));
        Map<String, Object> subject = new LinkedHashMap<>((Map<String, Object>) complete.get("subject"));
        subject.put("phone", "07700 900123");
        complete.put("subject", subject);
        assertThat(api.put("/api/v1/referrals/" + id + "/package", json(complete), officer).json()
                .path("status").asString()).isEqualTo("READY");
        Response submitted = api.post("/api/v1/referrals/" + id + "/submission", json(Map.of("homeOfficeReference",
                "NRM-1", "submittedAt", now.truncatedTo(ChronoUnit.SECONDS).toString())), officer);
        assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(200);
        return id;
    }

    /** A request of the API, made as the caller with this bearer token. */
    public interface Endpoint {
        Response call(String caller);
    }

    /** For each endpoint, by name, the status it answers each caller with, in the callers' order. */
    public static Map<String, List<Integer>> statuses(Map<String, Endpoint> endpoints, Collection<String> callers) {
        Map<String, List<Integer>> statuses = new LinkedHashMap<>();
        endpoints.forEach((name, endpoint) -> statuses.put(name,
                callers.stream().map(caller -> endpoint.call(caller).status()).toList()));
        return statuses;
    }

    /** The answer's JSON, which must have come with 201 Created. */
    public static JsonNode created(Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.json();
    }
}
