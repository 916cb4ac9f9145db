package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.flight.Direction;
import org.waymark.flight.FlightView;
import org.waymark.flight.Flights;
import org.waymark.flight.ScheduledFlight;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.OperationDetails;
import org.waymark.operation.Operations;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.SafeguardingEvents.CheckChanged;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;

/**
 * The person form saves the person and their category together or not at all: when the
 * category is refused after the person was taken, the officer gets the form back with the
 * GOV.UK error summary, and the check (and its audit log) show neither change. No input the form
 * lets through is refused by the category step, so a listener of this test refuses it, as the
 * audit log listening inside the transaction would refuse an entry it cannot write.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(PersonFormSavedWholeTest.CategoryRefused.class)
class PersonFormSavedWholeTest extends PageTests {

    private static final String OFFICER = "officer@saved-whole.test";

    /** Refuses every change of a check's category, inside the transaction that makes it. */
    @TestConfiguration
    static class CategoryRefused {
        @EventListener
        void refuse(CheckChanged changed) {
            if ("CATEGORY".equals(changed.part())) {
                throw new RuleViolationException("check.category.required", "category");
            }
        }
    }

    @Autowired
    Agencies agencies;
    @Autowired
    Users users;
    @Autowired
    Operations operations;
    @Autowired
    Flights flights;
    @Autowired
    Checks checks;
    @Autowired
    AuditLog audit;

    OperationId operation;
    FlightView sofia;

    @BeforeAll
    void data() {
        var police = agencies.create("Essex Police", AgencyType.POLICE, null, null);
        users.create("Cleo Coordinator", "coordinator@saved-whole.test", police.id(), EnumSet.of(Role.COORDINATOR),
                PASSWORD, null);
        users.create("Omar Officer", OFFICER, police.id(), EnumSet.of(Role.OFFICER), PASSWORD, null);
        WaymarkUser coordinator = principal("coordinator@saved-whole.test");
        operation = operations.create(new OperationDetails("Week of action: Southend Airport",
                new AirportCode("SEN"), LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 19),
                EnumSet.of(ExploitationType.LABOUR), Set.of(new CountryCode("RO")), Set.of()), coordinator).id();
        sofia = flights.add(operation, new ScheduledFlight("W64321", "Wizz Air", Direction.ARRIVAL, "OTP",
                LocalDateTime.of(2026, 9, 16, 9, 10), null, null), coordinator);
    }

    @Test
    void aRefusedCategoryLeavesThePersonUnsavedAndShowsTheFormAgain() throws Exception {
        UUID id = checks.start(operation, new Checks.NewCheck(sofia.id(), null, PersonCategory.POTENTIAL_VICTIM,
                Person.unknown(Under18.NO)), principal(OFFICER)).id();

        Document page = page(as(OFFICER, post("/checks/" + id + "/person").with(csrf())
                .param("previousCategory", "POTENTIAL_VICTIM").param("category", "WITNESS")
                .param("name", "Ana Popescu").param("age", "29").param("under18", "NO")));

        assertThat(page.title()).startsWith("Error: Person");
        assertThat(page.select(".govuk-error-summary a").eachText())
                .containsExactly("Choose whether the person is a potential victim, a witness or other");
        assertThat(page.select("input#name").val()).isEqualTo("Ana Popescu");
        CheckView check = checks.readWhole(id, principal(OFFICER));
        assertThat(check.person().name()).isNull();
        assertThat(check.person().age()).isNull();
        assertThat(check.category()).isEqualTo(PersonCategory.POTENTIAL_VICTIM);
        assertThat(audit.find(new AuditQuery("CHECK_CHANGED", "ENHANCED_CHECK", id.toString(), null), 0, 20))
                .extracting(AuditEntry::detail).isEmpty();
    }
}
