package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditQuery;
import org.waymark.flight.FlightView;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.ExploitationType;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.SafeguardingEvents.CheckChanged;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;

/**
 * The person form saves the person and their category together or not at all: when the
 * category is refused after the person was taken, the officer gets the form back with the
 * GOV.UK error summary, and the check (and its audit log) show neither change. No input the form
 * lets through is refused by the category step, so a listener of this test refuses it, as the
 * audit log listening inside the transaction would refuse an entry it cannot write.
 */
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

    OperationId operation;
    FlightView sofia;

    @BeforeAll
    void data() {
        var police = given.agency("Essex Police", AgencyType.POLICE);
        given.user("Cleo Coordinator", "coordinator@saved-whole.test", police, Role.COORDINATOR);
        given.user("Omar Officer", OFFICER, police, Role.OFFICER);
        WaymarkUser coordinator = principal("coordinator@saved-whole.test");
        operation = given.operation().named("Week of action: Southend Airport").at("SEN").on(ExploitationType.LABOUR)
                .from("RO").plannedBy(coordinator);
        sofia = given.arrival(operation, "W64321", "Wizz Air", "OTP", LocalDateTime.of(2026, 9, 16, 9, 10),
                coordinator);
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
