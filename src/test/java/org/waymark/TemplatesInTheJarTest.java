package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Maven's jar plugin leaves every file named {@code package.html} out of the jar by default (it
 * takes them for old Javadoc package comments), so a template of that name works in the tests and
 * is missing from the application: the referral's print view and PDF once failed so.
 */
class TemplatesInTheJarTest {

    @Test
    void noResourceIsNamedAsMavenLeavesOutOfTheJar() throws IOException, URISyntaxException {
        Path resources = Path.of(getClass().getResource("/application.properties").toURI()).getParent();
        try (Stream<Path> files = Files.walk(resources)) {
            List<Path> leftOut = files.filter(file -> file.getFileName().toString().equals("package.html")).toList();
            assertThat(leftOut).isEmpty();
        }
    }
}
