package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.basic;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.Under18;
import org.waymark.screening.review.Decision;
import org.waymark.screening.review.HitKind;
import org.waymark.screening.review.Hits;
import org.waymark.screening.review.NewHit;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.DatabaseTests;
import org.waymark.support.Fixtures;
import org.waymark.tips.NewReport;
import org.waymark.tips.Tips;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the API's own OpenAPI description and sends every operation in it bad input: malformed
 * JSON, the wrong type for the body and for each field, text with NUL and other control
 * characters, a lone surrogate and 100 kB in each string field, and bad values in each path,
 * query and header parameter, as a caller entitled to the operation and with real records in
 * the path, so that the input gets past authorization to the code. No answer may be a 5xx. The
 * plain request, made as the description says, must be taken as of the described form and
 * answered as described. A new endpoint is walked as soon as it is described; nothing here
 * lists endpoints. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "waymark.scheduling.enabled=false", "waymark.reports.limit=1000000" })
@Import(Fixtures.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryOperationTakesBadInputTest extends DatabaseTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** Text no person sends, for every string field of a body. */
    private static final Map<String, String> BAD_TEXT = Map.of(
            "NUL", "before\u0000after",
            "control characters", "\u0001\u0007\u0008\u000b\u000c\u001b\u001f",
            "a lone surrogate", "\ud800",
            "100 kB", "x".repeat(100_000));
    /** The same for parameters; a web address holds at most 8 kB, so the long one is 6,000 characters. */
    private static final Map<String, String> BAD_PARAMETER = Map.of(
            "NUL", "before\u0000after",
            "control characters", "\u0001\u0007\u001b",
            "6,000 characters", "x".repeat(6_000),
            "nothing", "",
            "a word", "not-a-value",
            "a huge number", "99999999999999999999",
            "a negative number", "-1",
            "an impossible date", "2026-02-30");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures given;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Tips tips;
    @Autowired
    Hits hits;

    ApiClient api;
    /** The callers tried for each operation, in turn, until one is let in. */
    final Map<String, Caller> callers = new LinkedHashMap<>();
    /** Real records, by the path segment before their id, such as {@code checks}. */
    final Map<String, String> records = new HashMap<>();
    /** Real records, by the name of a body field or parameter that holds one. */
    final Map<String, String> fields = new HashMap<>();

    /** Someone who calls the API, with a bearer token and their email and password. */
    record Caller(String bearer, String basic) {
    }

    /** One request of the walk, and what was bad about it. */
    record Attempt(String bad, String url, String contentType, String body, Map<String, String> headers) {
    }

    @BeforeAll
    void records() {
        AgencySummary police = given.agency("Essex Police " + UUID.randomUUID(), AgencyType.POLICE);
        AgencySummary charity = given.agency("Justice and Care " + UUID.randomUUID(), AgencyType.CHARITY);
        api = new ApiClient(port);
        callers.put("coordinator", caller("Cleo Coordinator", police, Role.COORDINATOR));
        callers.put("officer", caller("Olu Officer", police, Role.OFFICER));
        callers.put("admin", caller("Dana Admin", police, Role.ADMIN));
        callers.put("navigator", caller("Nia Navigator", charity, Role.PARTNER));
        callers.put("analyst", caller("Ana Analyst", police, Role.ANALYST));
        callers.put("passenger data", caller("Pia Analyst", police, Role.PASSENGER_DATA));
        // A user whose account the walk may deactivate, reset and end the sessions and tokens of.
        String bystander = "bystander-" + UUID.randomUUID() + "@walk.test";
        UUID bystanderId = given.user("Bea Bystander", bystander, police, Role.OFFICER).id().value();
        String token = tokens.issue(given.principal(bystander), "walk", null).summary().id().toString();
        String otherAgency = given.agency("Walked Agency " + UUID.randomUUID(), AgencyType.OTHER).id()
                .value().toString();

        WaymarkUser coordinator = given.principal(email("coordinator"));
        WaymarkUser officer = given.principal(email("officer"));
        LocalDate today = LocalDate.now();
        OperationId operation = given.operation().between(today.minusDays(1), today.plusDays(3)).withPartners(charity)
                .plannedBy(coordinator);
        String flights = "/api/v1/operations/" + operation.value() + "/flights";
        Response flight = api.post(flights, json(Map.of("flightNumber", "FR1234", "direction", "ARRIVAL", "airport",
                "SOF", "scheduled", today + "T09:00")), callers.get("coordinator").bearer());
        assertThat(flight.status()).as(flight.raw().body()).isEqualTo(201);
        Response tally = api.sendWith("POST", "/api/v1/operations/" + operation.value() + "/engagements",
                "application/json", json(Map.of("location", "Arrivals hall", "passengers", 3, "leaflets", 1)),
                callers.get("officer").bearer(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(tally.status()).as(tally.raw().body()).isEqualTo(201);
        UUID check = given.check(operation, Person.unknown(Under18.NO), officer);
        UUID request = given.navigatorAskedFor(check, charity, officer).id();
        UUID referral = given.nrmReferral(check, Instant.now().minusSeconds(600), officer);
        tips.receive(new NewReport("A man took the passports of two young women at gate 12", "Gate 12", null, null,
                null), "10.9.9.9");
        String report = api.get("/api/v1/reports", callers.get("coordinator").bearer()).json().get(0).path("id")
                .asString();

        // Screening's hits of the operation, one of them asked of the flight's officers.
        FlightId flightId = new FlightId(UUID.fromString(flight.text("id")));
        UUID hit = hits.record(new NewHit(operation, flightId, UUID.randomUUID(), null, "walk person",
                "IVANOVA, MARIA", "12A", Instant.now(), HitKind.RULE, UUID.randomUUID(), UUID.randomUUID(),
                "Walk rule", 1, null, List.of("Paid for by someone who does not travel")));
        UUID asked = hits.record(new NewHit(operation, flightId, UUID.randomUUID(), null, "walk other person",
                "PETROV, GEORGI", "12B", Instant.now(), HitKind.RULE, UUID.randomUUID(), UUID.randomUUID(),
                "Walk rule", 1, null, List.of("Paid for by someone who does not travel")));
        UUID engagementRequest = hits.decide(asked, new Decision(Decision.Kind.ASK, "Red coat", "A welfare check",
                null, null), given.principal(email("passenger data"))).request();
        records.put("hits", hit.toString());
        records.put("requests", engagementRequest.toString());
        records.put("operations", operation.value().toString());
        records.put("flights", flight.text("id"));
        records.put("engagements", tally.text("id"));
        records.put("checks", check.toString());
        records.put("support-requests", request.toString());
        records.put("referrals", referral.toString());
        records.put("reports", report);
        records.put("users", bystanderId.toString());
        records.put("tokens", token);
        records.put("agencies", otherAgency);
        records.put("indicators", "T01");
        fields.put("operationId", records.get("operations"));
        fields.put("flightId", records.get("flights"));
        fields.put("checkId", records.get("checks"));
        fields.put("record", records.get("checks"));
        fields.put("agencyId", charity.id().value().toString());
        fields.put("agencyIds", charity.id().value().toString());
        fields.put("userId", officer.id().value().toString());
        fields.put("officerIds", officer.id().value().toString());
    }

    @Test
    void noOperationAnswersBadInputWithAServerError() {
        JsonNode spec = api.get("/v3/api-docs", null).json();
        List<String> failures = new ArrayList<>();
        List<String> misdescribed = new ArrayList<>();
        int walked = 0;
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String method = operation.getKey().toUpperCase();
                String name = method + " " + path.getKey();
                Function<Caller, String> authorization = authorization(spec, operation.getValue());
                List<Attempt> attempts = attempts(spec, path.getKey(), operation.getValue());
                Caller caller = entitled(method, attempts.get(0), authorization);
                for (Attempt attempt : attempts) {
                    Response response = send(method, attempt, authorization.apply(caller));
                    if (attempt == attempts.get(0)) {
                        misdescription(spec, operation.getValue(), response).forEach(what -> misdescribed.add(name
                                + ": " + what));
                    }
                    if (response.status() >= 500) {
                        failures.add(name + " with " + attempt.bad() + ": " + response.status() + " "
                                + abbreviate(response.raw().body()));
                    }
                }
                walked++;
            }
        }
        int operations = walked;
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(operations).as("operations in the API description").isGreaterThan(50);
            softly.assertThat(failures).as("bad input answered with a server error").isEmpty();
            softly.assertThat(misdescribed).as("the plain request and its answer not of the form described: the "
                    + "description names the wrong body or answer (or a sample value here does not fit)").isEmpty();
        });
    }

    /**
     * How the plain request, made as the description says, or its answer differ from the description:
     * the body refused for its form, or fields of a JSON answer (an object, or the first of a list) that
     * the described answer lacks. Two records of one simple name share one schema in the description,
     * which is then wrong for one of them.
     */
    private static List<String> misdescription(JsonNode spec, JsonNode operation, Response response) {
        String body = response.raw().body();
        if (response.status() == 400 && (body.contains("is not a field of this request")
                || body.contains("is missing or not in the expected form"))) {
            return List.of(response.text("detail"));
        }
        JsonNode content = operation.path("responses").path(String.valueOf(response.status())).path("content");
        if (content.isEmpty() || !response.contentType().contains("json")) {
            return List.of();
        }
        JsonNode schema = resolve(spec, content.properties().iterator().next().getValue().path("schema"));
        JsonNode answer = response.json();
        if (answer.isArray()) {
            schema = resolve(spec, schema.path("items"));
            answer = answer.path(0);
        }
        if (!answer.isObject() || !schema.has("properties")) {
            return List.of();
        }
        JsonNode properties = schema.path("properties");
        return answer.propertyNames().stream().filter(field -> !properties.has(field))
                .map(field -> "answers '" + field + "', which the described answer does not have").toList();
    }

    /** The first caller the operation lets in with its plain request; the first caller if none is. */
    private Caller entitled(String method, Attempt plain, Function<Caller, String> authorization) {
        for (Caller caller : callers.values()) {
            int status = send(method, plain, authorization.apply(caller)).status();
            if (status != 401 && status != 403) {
                return caller;
            }
        }
        return callers.values().iterator().next();
    }

    /** Bearer token, email and password (for making tokens), or nothing, as the operation's security says. */
    private static Function<Caller, String> authorization(JsonNode spec, JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.path("security") : spec.path("security");
        if (security.isArray() && security.isEmpty()) {
            return caller -> null;
        }
        if (security.toString().toLowerCase().contains("basic")) {
            return Caller::basic;
        }
        return Caller::bearer;
    }

    /** The plain request first (real records, sensible values), then one for each bad input. */
    private List<Attempt> attempts(JsonNode spec, String template, JsonNode operation) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        List<JsonNode> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            parameter = resolve(spec, parameter);
            parameters.add(parameter);
            String name = parameter.path("name").asString();
            JsonNode schema = resolve(spec, parameter.path("schema"));
            switch (parameter.path("in").asString()) {
                case "path" -> path.put(name, pathValue(template, name));
                case "query" -> {
                    if (parameter.path("required").asBoolean()) {
                        query.put(name, sample(spec, schema, name).asString());
                    }
                }
                case "header" -> headers.put(name, sample(spec, schema, name).asString());
                default -> {
                }
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        String contentType = content.isEmpty() ? null : content.propertyNames().iterator().next();
        boolean json = contentType != null && contentType.contains("json");
        JsonNode schema = contentType == null ? null : resolve(spec, content.path(contentType).path("schema"));
        JsonNode body = json ? sample(spec, schema, "body") : null;
        String plainBody = body != null ? body.toString() : contentType != null ? sample(spec, schema, "body")
                .asString() : null;

        List<Attempt> attempts = new ArrayList<>();
        attempts.add(new Attempt("the plain request", url(template, path, query), contentType, plainBody, headers));
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            for (Map.Entry<String, String> bad : BAD_PARAMETER.entrySet()) {
                String what = bad.getKey() + " in " + in + " parameter " + name;
                switch (in) {
                    case "path" -> attempts.add(new Attempt(what, url(template, with(path, name, bad.getValue()),
                            query), contentType, plainBody, headers));
                    case "query" -> attempts.add(new Attempt(what, url(template, path, with(query, name,
                            bad.getValue())), contentType, plainBody, headers));
                    case "header" -> {
                        if (bad.getValue().chars().allMatch(c -> c >= 0x20)) { // the HTTP client sends no others
                            attempts.add(new Attempt(what, url(template, path, query), contentType, plainBody,
                                    with(headers, name, bad.getValue())));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (!path.isEmpty()) {
            attempts.add(new Attempt("records that do not exist", url(template, unknown(path), query), contentType,
                    plainBody, headers));
        }
        if (contentType == null) {
            return attempts;
        }
        String url = url(template, path, query);
        attempts.add(new Attempt("no body", url, contentType, null, headers));
        if (!json) {
            BAD_TEXT.forEach((what, text) -> {
                attempts.add(new Attempt(what + " as the body", url, contentType, text, headers));
                attempts.add(new Attempt(what + " at the end of the body", url, contentType, plainBody + text,
                        headers));
            });
            return attempts;
        }
        for (String[] bad : List.of(new String[] { "malformed JSON", "{\"a\":" },
                new String[] { "JSON null", "null" }, new String[] { "an array for the body", "[]" },
                new String[] { "a string for the body", "\"text\"" }, new String[] { "a number for the body", "7" },
                new String[] { "a field nobody knows", "{\"nobodyKnowsThis\":1}" })) {
            attempts.add(new Attempt(bad[0], url, contentType, bad[1], headers));
        }
        attempts.add(new Attempt("a body in text/plain", url, "text/plain", plainBody, headers));
        for (Map.Entry<String, JsonNode> bad : badBodies(spec, schema, body, "").entrySet()) {
            attempts.add(new Attempt(bad.getKey(), url, contentType, bad.getValue().toString(), headers));
        }
        return attempts;
    }

    /** The body with one field at a time made bad: wrong type, bad text, bad form, null. */
    private Map<String, JsonNode> badBodies(JsonNode spec, JsonNode schema, JsonNode body, String at) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        if (!(body instanceof ObjectNode object)) {
            return bad;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String field = property.getKey();
            JsonNode fieldSchema = resolve(spec, property.getValue());
            String where = at + field;
            for (Map.Entry<String, JsonNode> value : badValues(spec, fieldSchema, field).entrySet()) {
                ObjectNode changed = (ObjectNode) body.deepCopy();
                changed.set(field, value.getValue());
                bad.put(value.getKey() + " in " + where, changed);
            }
            JsonNode sampled = object.get(field);
            if (sampled instanceof ObjectNode) {
                badBodies(spec, fieldSchema, sampled, where + ".").forEach((what, inner) -> {
                    ObjectNode changed = (ObjectNode) body.deepCopy();
                    changed.set(field, inner);
                    bad.put(what, changed);
                });
            } else if (sampled instanceof ArrayNode array && !array.isEmpty()) {
                JsonNode items = resolve(spec, fieldSchema.path("items"));
                Map<String, JsonNode> badItems = new LinkedHashMap<>(badValues(spec, items, field));
                badBodies(spec, items, array.get(0), "").forEach(badItems::put);
                badItems.forEach((what, item) -> {
                    ObjectNode changed = (ObjectNode) body.deepCopy();
                    ((ArrayNode) changed.get(field)).set(0, item);
                    bad.put(what.contains(" in ") ? what.replaceFirst(" in ", " in " + where + "[0].")
                            : what + " in " + where + "[0]", changed);
                });
            }
        }
        return bad;
    }

    /** Values a field of this schema must refuse. */
    private Map<String, JsonNode> badValues(JsonNode spec, JsonNode schema, String name) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        bad.put("null", NODES.nullNode());
        String type = schema.path("type").asString();
        switch (type) {
            case "string" -> {
                BAD_TEXT.forEach((what, text) -> bad.put(what, NODES.stringNode(text)));
                bad.put("a number", NODES.numberNode(42));
                bad.put("an object", NODES.objectNode());
                bad.put("an impossible date", NODES.stringNode("2026-02-30"));
            }
            case "integer", "number" -> {
                bad.put("a string", NODES.stringNode("seven"));
                bad.put("a huge number", NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
                bad.put("a negative number", NODES.numberNode(-1));
                bad.put("a fraction", NODES.numberNode(1.5));
            }
            case "boolean" -> bad.put("a string", NODES.stringNode("yes"));
            case "array" -> {
                bad.put("an object", NODES.objectNode());
                bad.put("a string", NODES.stringNode("text"));
                ArrayNode nulls = NODES.arrayNode();
                nulls.addNull();
                bad.put("a list of null", nulls);
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 2_000; i++) {
                    many.add(sample(spec, resolve(spec, schema.path("items")), name));
                }
                bad.put("2,000 items", many);
            }
            default -> {
                bad.put("an array", NODES.arrayNode());
                bad.put("a string", NODES.stringNode("text"));
            }
        }
        return bad;
    }

    /** A sensible value for a field or parameter: a real record for an id, else a value of its type. */
    private JsonNode sample(JsonNode spec, JsonNode schema, String name) {
        if (schema.has("example")) {
            return schema.path("example");
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String format = schema.path("format").asString();
        switch (schema.path("type").asString()) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    object.set(property.getKey(), sample(spec, resolve(spec, property.getValue()), property.getKey()));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(spec, resolve(spec, schema.path("items")), name));
                return array;
            }
            case "integer", "number" -> {
                return NODES.numberNode(1);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return NODES.stringNode(switch (format) {
                    case "uuid" -> fields.getOrDefault(name, UUID.randomUUID().toString());
                    case "date" -> LocalDate.now().toString();
                    case "date-time" -> name.equals("scheduled") || name.equals("from") || name.equals("to")
                            ? LocalDate.now() + "T09:00" : Instant.now().minusSeconds(60).toString();
                    default -> text(name);
                });
            }
        }
    }

    /** Text that the field takes, where its name says what it is. */
    private static String text(String name) {
        String lower = name.toLowerCase();
        if (lower.contains("email")) {
            return "walk-" + UUID.randomUUID() + "@walk.test";
        } else if (lower.contains("password")) {
            return Fixtures.PASSWORD + " too";
        } else if (lower.contains("countr") || lower.contains("nationalit")) {
            return "BG";
        } else if (lower.contains("language")) {
            return "bg";
        } else if (lower.equals("port")) {
            return "STN";
        } else if (lower.equals("airport")) {
            return "SOF";
        } else if (lower.contains("flightnumber")) {
            return "FR" + (1000 + (int) (Math.random() * 8999));
        } else if (lower.contains("key")) {
            return UUID.randomUUID().toString();
        }
        return "Walked text";
    }

    private String pathValue(String template, String name) {
        String before = template.substring(0, template.indexOf("{" + name + "}"));
        String[] segments = before.split("/");
        return records.getOrDefault(segments[segments.length - 1], UUID.randomUUID().toString());
    }

    private static Map<String, String> unknown(Map<String, String> path) {
        Map<String, String> unknown = new LinkedHashMap<>();
        path.forEach((name, value) -> unknown.put(name, UUID.randomUUID().toString()));
        return unknown;
    }

    private static Map<String, String> with(Map<String, String> values, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(name, value);
        return changed;
    }

    private static String url(String template, Map<String, String> path, Map<String, String> query) {
        String url = template;
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            url = url.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()).replace("+", "%20"));
        }
        StringBuilder built = new StringBuilder(url);
        query.forEach((name, value) -> built.append(built.indexOf("?") < 0 ? '?' : '&').append(encode(name))
                .append('=').append(encode(value)));
        return built.toString();
    }

    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        String ref = node.path("$ref").asString();
        if (ref.isEmpty()) {
            JsonNode all = node.path("allOf");
            return all.isArray() && all.size() == 1 ? resolve(spec, all.get(0)) : node;
        }
        JsonNode resolved = spec;
        for (String part : ref.substring(2).split("/")) {
            resolved = resolved.path(part);
        }
        return resolved;
    }

    /** Sends the attempt, taking any kind of answer (the API client asks for JSON), so PDFs and CSVs are made too. */
    private Response send(String method, Attempt attempt, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>(attempt.headers());
        headers.put("Accept", "*/*");
        return api.sendWith(method, attempt.url(), attempt.contentType(), attempt.body(), authorization, headers);
    }

    private Caller caller(String name, AgencySummary agency, Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@walk.test";
        WaymarkUser user = given.user(name, email, agency, role);
        return new Caller(bearer(tokens.issue(user, "walk", null).token()), basic(email, Fixtures.PASSWORD));
    }

    private String email(String caller) {
        String basic = callers.get(caller).basic().substring("Basic ".length());
        String decoded = new String(java.util.Base64.getDecoder().decode(basic), StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.indexOf(':'));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
