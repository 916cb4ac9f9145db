package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold, the modules are exactly the ones the architecture names, and the
 * module diagram committed under {@code docs/modules} is the one the code gives.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(WaymarkApplication.class);
    static final Path COMMITTED_DIAGRAM = Path.of("docs", "modules", "components.puml");
    static final String WRITTEN = "target/spring-modulith-docs";

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theModulesAreTheOnesTheArchitectureNames() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString())).containsExactlyInAnyOrder(
                "shared", "platform", "identity", "operation", "audit", "flight", "engagement", "safeguarding",
                "referral", "notification", "tips", "awareness", "reporting", "retention", "subjectaccess", "documents",
                "passengerdata", "screening");
    }

    /**
     * The diagram is written afresh into the build's folder and compared line by line with the
     * committed one, in any order (the generator does not keep one). When a dependency changes,
     * copy the new file over the committed one.
     */
    @Test
    void theCommittedModuleDiagramIsTheCodes() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(WRITTEN)).writeDocumentation()
                .writeIndividualModulesAsPlantUml();
        Path written = Path.of(WRITTEN, "components.puml");

        assertThat(Files.readAllLines(COMMITTED_DIAGRAM))
                .as("%s is out of date: copy %s over it", COMMITTED_DIAGRAM, written)
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(written));
    }
}
