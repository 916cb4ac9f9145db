package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.json;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiFixtures;
import org.waymark.support.ApiTests;

import tools.jackson.databind.JsonNode;

/**
 * The rota of partner cover through the JSON API: the lead agency's coordinator plans it, those
 * taking part see it, and the gaps in cover come back kind by kind. Runs on H2 and on PostgreSQL
 *.
 */
class RotaApiTest extends ApiTests {

    String charity;
    String sarc;
    String navigatorId;

    @BeforeAll
    void people() {
        ApiFixtures.Forces forces = forcesWith("coordinator", "officer", "analyst", "navigator",
                "other force coordinator");
        charity = forces.charity();
        sarc = forces.sarc();
        navigatorId = given.userIdByEmailStart("navigator-");
    }

    @Test
    void theCoordinatorPlansCoverAndTheGapsShowWhereNobodyIsOnCall() {
        String operation = operation();
        String rota = "/api/v1/operations/" + operation + "/rota";

        Response day = api.post(rota, json(Map.of("agencyId", charity, "userId", navigatorId, "kind", "NAVIGATOR",
                "from", "2026-09-16T00:00", "to", "2026-09-16T20:00", "phone", "07700 900123", "email",
                "nia@justiceandcare.example")), as.get("coordinator"));
        assertThat(day.status()).as(day.raw().body()).isEqualTo(201);
        assertThat(day.json().path("userName").asString()).isEqualTo("navigator");
        assertThat(day.json().path("agencyName").asString()).startsWith("Justice & Care");
        assertThat(api.post(rota, json(Map.of("agencyId", charity, "kind", "NAVIGATOR", "from", "2026-09-16T20:00",
                "to", "2026-09-17T02:00")), as.get("coordinator")).status()).isEqualTo(201);
        assertThat(api.post(rota, json(Map.of("agencyId", charity, "kind", "NAVIGATOR", "from", "2026-09-17T06:00",
                "to", "2026-09-18T00:00")), as.get("coordinator")).status()).isEqualTo(201);
        assertThat(api.post(rota, json(Map.of("agencyId", sarc, "kind", "SARC", "from", "2026-09-15T18:00",
                "to", "2026-09-18T08:00")), as.get("coordinator")).status()).isEqualTo(201);

        JsonNode gaps = api.get(rota + "/gaps", as.get("officer")).json();

        assertThat(gaps).hasSize(2);
        assertThat(gaps.get(0).path("kind").asString()).isEqualTo("NAVIGATOR");
        assertThat(gaps.get(0).path("from").asString()).startsWith("2026-09-17T02:00");
        assertThat(gaps.get(0).path("to").asString()).startsWith("2026-09-17T06:00");
        assertThat(gaps.get(1).path("kind").asString()).isEqualTo("INTERPRETER");
        assertThat(gaps.get(1).path("from").asString()).startsWith("2026-09-16T00:00");
        assertThat(gaps.get(1).path("to").asString()).startsWith("2026-09-18T00:00");
        JsonNode slots = api.get(rota, as.get("navigator")).json();
        assertThat(slots.findValuesAsString("kind")).containsExactly("SARC", "NAVIGATOR", "NAVIGATOR", "NAVIGATOR");
        assertThat(slots.get(1).path("phone").asString()).isEqualTo("07700 900123");
    }

    @Test
    void badSlotsAreRefusedWithTheFieldAtFault() {
        String rota = "/api/v1/operations/" + operation() + "/rota";
        String notTakingPart = given.agency("Salvation Army", "CHARITY");

        assertProblem(api.post(rota, json(Map.of("agencyId", charity, "kind", "NAVIGATOR", "from", "2026-09-16T08:00",
                "to", "2026-09-16T08:00")), as.get("coordinator")), 400, "to");
        assertProblem(api.post(rota, json(Map.of("agencyId", notTakingPart, "kind", "NAVIGATOR", "from",
                "2026-09-16T08:00", "to", "2026-09-16T10:00")), as.get("coordinator")), 400, "agencyId");
        assertProblem(api.post(rota, json(Map.of("agencyId", charity, "kind", "DOCTOR", "from", "2026-09-16T08:00",
                "to", "2026-09-16T10:00")), as.get("coordinator")), 400, "kind");
        assertProblem(api.post(rota, json(Map.of("agencyId", sarc, "userId", navigatorId, "kind", "SARC", "from",
                "2026-09-16T08:00", "to", "2026-09-16T10:00")), as.get("coordinator")), 400, "userId");
        assertProblem(api.post(rota, json(Map.of("agencyId", charity, "kind", "NAVIGATOR", "from", "2026-09-16T08:00",
                "to", "2026-09-30T08:00")), as.get("coordinator")), 400, "to");
        assertProblem(api.post(rota, json(Map.of("agencyId", charity, "kind", "NAVIGATOR", "from", "2026-09-16T08:00",
                "to", "2026-09-16T10:00", "phone", "call me")), as.get("coordinator")), 400, "phone");
        assertProblem(api.post(rota, json(Map.of("agencyId", charity, "kind", "NAVIGATOR", "from", "16/09/2026",
                "to", "2026-09-16T10:00")), as.get("coordinator")), 400, "from");
        assertThat(api.get(rota, as.get("coordinator")).json()).isEmpty();
    }

    @Test
    void theEscalationTimeIsTenMinutesUntilTheLeadCoordinatorSetsIt() {
        String escalation = "/api/v1/operations/" + operation() + "/rota/escalation";

        assertThat(api.get(escalation, as.get("officer")).json().path("minutes").asInt()).isEqualTo(10);
        assertThat(api.put(escalation, json(Map.of("minutes", 15)), as.get("officer")).status()).isEqualTo(403);
        assertProblem(api.put(escalation, json(Map.of("minutes", 0)), as.get("coordinator")), 400, "minutes");
        assertProblem(api.put(escalation, json(Map.of()), as.get("coordinator")), 400, "minutes");
        assertThat(api.put(escalation, json(Map.of("minutes", 15)), as.get("coordinator")).json().path("minutes")
                .asInt()).isEqualTo(15);
        assertThat(api.put(escalation, json(Map.of("minutes", 20)), as.get("coordinator")).status()).isEqualTo(200);
        assertThat(api.get(escalation, as.get("navigator")).json().path("minutes").asInt()).isEqualTo(20);
    }

    @Test
    void onlyTheLeadCoordinatorPlansAndAnalystsSeeNoRota() {
        String rota = "/api/v1/operations/" + operation() + "/rota";
        String slot = json(Map.of("agencyId", charity, "kind", "NAVIGATOR", "from", "2026-09-16T08:00", "to",
                "2026-09-16T10:00"));

        //                       coordinator officer analyst navigator other-force admin
        List<Integer> adding = as.values().stream().map(who -> api.post(rota, slot, who).status()).toList();
        List<Integer> reading = as.values().stream().map(who -> api.get(rota, who).status()).toList();
        List<Integer> gaps = as.values().stream().map(who -> api.get(rota + "/gaps", who).status()).toList();

        assertThat(adding).containsExactly(201, 403, 403, 403, 404, 403);
        assertThat(reading).containsExactly(200, 200, 403, 200, 404, 200);
        assertThat(gaps).containsExactly(200, 200, 403, 200, 404, 200);
    }

    private String operation() {
        return given.operation().endingOn("2026-09-17").withPartners(charity, sarc).plannedBy(as.get("coordinator"));
    }
}
