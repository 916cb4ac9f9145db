package org.waymark.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * nginx from the operating system's packages, balancing requests over nodes on the loopback as
 * the operator's guide sets it up (docs/deployment.md): round robin, a request whose node cannot
 * be reached sent to the next one, the client's address passed on.
 */
final class Nginx implements AutoCloseable {

    final int port;
    private final Path folder;
    private final Process process;

    private Nginx(int port, Path folder, Process process) {
        this.port = port;
        this.folder = folder;
        this.process = process;
    }

    /** Debian's nginx, where it is installed. */
    static Optional<Path> installed() {
        return Stream.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx")).filter(Files::isExecutable)
                .findFirst();
    }

    static Nginx balancing(Path folder, List<Integer> nodePorts) {
        Path binary = installed().orElseThrow();
        int port = Node.freePort();
        try {
            Files.createDirectories(folder.resolve("temp"));
            // Its workers may run as another user than the test
            folder.toFile().setWritable(true, false);
            folder.resolve("temp").toFile().setWritable(true, false);
            String upstreams = nodePorts.stream().map(node -> "        server 127.0.0.1:" + node + ";")
                    .collect(Collectors.joining("\n"));
            Files.writeString(folder.resolve("nginx.conf"), """
                    daemon off;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 512; }
                    http {
                        access_log off;
                        client_body_temp_path %1$s/temp/body;
                        proxy_temp_path %1$s/temp/proxy;
                        fastcgi_temp_path %1$s/temp/fastcgi;
                        uwsgi_temp_path %1$s/temp/uwsgi;
                        scgi_temp_path %1$s/temp/scgi;
                        upstream waymark {
                    %2$s
                        }
                        server {
                            listen 127.0.0.1:%3$d;
                            client_max_body_size 10m;
                            location / {
                                proxy_pass http://waymark;
                                proxy_set_header Host $http_host;
                                proxy_set_header X-Forwarded-Proto $scheme;
                                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                                proxy_next_upstream error timeout http_503;
                                proxy_connect_timeout 2s;
                                proxy_read_timeout 120s;
                            }
                        }
                    }
                    """.formatted(folder.toAbsolutePath(), upstreams, port));
            Process process = new ProcessBuilder(binary.toString(), "-p", folder.toAbsolutePath().toString(), "-c",
                    folder.resolve("nginx.conf").toAbsolutePath().toString(), "-e",
                    folder.resolve("error.log").toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
            Nginx nginx = new Nginx(port, folder, process);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening() throws IOException {
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx ended: " + Files.readString(folder.resolve("nginx.out"))
                        + Files.readString(folder.resolve("error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Node.sleep(Duration.ofMillis(100));
            }
        }
        throw new IllegalStateException("nginx does not listen on " + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
