package org.waymark.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Waymark node as an operator runs one: the application's jar in a Java process of its own, on
 * a port of the loopback, its output in a file. Killed with {@code kill -9} or stopped with
 * {@code SIGTERM}, as a node is lost or drained.
 */
final class Node implements AutoCloseable {

    /** The jar the build made, named by the build (failsafe's system property). */
    static Path jar() {
        String jar = System.getProperty("waymark.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("waymark.jar names no jar (" + jar + "): run the cluster test with"
                    + " ./mvnw verify, which packages the application first");
        }
        return Path.of(jar);
    }

    final String name;
    final int port;
    private final Path log;
    private final Process process;

    private Node(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a node on the given port, configured as an operator does (environment variables) and
     * with settings of the test's own (command-line arguments), and waits until it is ready.
     */
    static Node start(String name, int port, Path folder, Map<String, String> environment, List<String> settings) {
        try {
            Files.createDirectories(folder);
            Path log = folder.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-jar", jar().toString(), "--server.port=" + port));
            command.addAll(settings);
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Node node = new Node(name, port, log, process);
            node.awaitReady(Duration.ofMinutes(3));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration within) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " ended before it was ready:\n" + tail());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(url()
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("node " + name + " not ready within " + within + ":\n" + tail());
    }

    /** {@code kill -9}: the process ends at once, with whatever it was doing. */
    void kill() {
        process.destroyForcibly();
        await(process, Duration.ofSeconds(30));
    }

    /** {@code SIGTERM}: the node drains and ends. */
    void stop() {
        process.destroy();
        if (!await(process, Duration.ofSeconds(60))) {
            kill();
        }
    }

    /** The exit status of a node that has ended. */
    int exitValue() {
        return process.exitValue();
    }

    /** The last lines the node wrote, for a failure's message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    /** A port of the loopback nothing listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean await(Process process, Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
