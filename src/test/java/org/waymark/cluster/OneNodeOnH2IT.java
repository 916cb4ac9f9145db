package org.waymark.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded default, one node on its H2 file, stopped as an operator stops it: with
 * {@code SIGTERM}. Its database must stay open until the node has finished what it had in hand
 * (H2's own shutdown hook would close it at once, under the requests and reactions still being
 * finished), so a stop logs no failure, and the next start finds its data.
 */
class OneNodeOnH2IT {

    private final Path folder = Path.of("target", "one-node");

    @Test
    void aNodeStoppedWithSigtermClosesItsDatabaseOnlyAfterFinishingItsWork() throws Exception {
        FileSystemUtils.deleteRecursively(folder);
        Map<String, String> environment = Map.of("WAYMARK_ADMIN_EMAIL", "admin@example.org",
                "WAYMARK_ADMIN_PASSWORD", "one-node-password-of-h2-check");
        // H2's hook raced Spring's in about one stop out of three
        for (int stop = 1; stop <= 4; stop++) {
            Node node = Node.start("h2-" + stop, Node.freePort(), folder, environment, List.of());
            node.stop();
            String log = Files.readString(folder.resolve("h2-" + stop + ".log"));
            String stopping = log.substring(log.indexOf("Commencing graceful shutdown"));
            assertThat(stopping.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")))
                    .as("stop %d logs no failure", stop).isEmpty();
            assertThat(node.exitValue()).as("ended by SIGTERM, as a JVM does").isEqualTo(143);
        }
        assertThat(Files.readString(folder.resolve("h2-1.log"))).contains("First administrator created");
        assertThat(Files.readString(folder.resolve("h2-4.log"))).as("the database kept from the first start")
                .doesNotContain("First administrator created");
    }
}
