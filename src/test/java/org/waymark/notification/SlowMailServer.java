package org.waymark.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A mail server on the loopback that takes its time, as RFC 5321 lets it: it holds its reply to
 * the end of the first message until {@link #answer()} (a server may take 10 minutes over it),
 * and never answers QUIT. It speaks just enough SMTP for JavaMail. A message counts as received
 * once the server has read its end, as a real server has it then, whether or not the sender
 * waited for the reply.
 */
final class SlowMailServer implements AutoCloseable {

    private final ServerSocket listener;
    private volatile Round round = new Round();

    /** What the server has received since it started or was last reset, and whether it has answered. */
    private static final class Round {
        final List<String> received = new CopyOnWriteArrayList<>();
        final AtomicBoolean first = new AtomicBoolean(true);
        final CountDownLatch firstReceived = new CountDownLatch(1);
        final CountDownLatch answer = new CountDownLatch(1);
    }

    SlowMailServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "slow-mail-server");
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Forgets what it received; the next message is again held. */
    void reset() {
        round.answer.countDown();
        round = new Round();
    }

    /** Waits until the end of the first message has arrived; false if it did not in time. */
    boolean awaitFirstMessage(Duration atMost) throws InterruptedException {
        return round.firstReceived.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The server replies at last that it has taken the first message. */
    void answer() {
        round.answer.countDown();
    }

    /** The subject of every message received, in order. */
    List<String> subjects() {
        return round.received.stream().map(message -> message.lines().filter(line -> line.startsWith("Subject: "))
                .map(line -> line.substring("Subject: ".length())).findFirst().orElse("")).toList();
    }

    @Override
    public void close() throws IOException {
        round.answer.countDown();
        listener.close();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread conversation = new Thread(() -> converse(socket), "slow-mail-conversation");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            reply(out, "220 slow.example ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 slow.example");
                } else if (command.startsWith("MAIL") || command.startsWith("RCPT") || command.startsWith("RSET")
                        || command.startsWith("NOOP")) {
                    reply(out, "250 OK");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder message = new StringBuilder();
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        message.append(data).append('\n');
                    }
                    Round now = round;
                    now.received.add(message.toString());
                    if (now.first.compareAndSet(true, false)) {
                        now.firstReceived.countDown();
                        now.answer.await(1, TimeUnit.MINUTES);
                    }
                    reply(out, "250 OK: queued");
                } else if (!command.startsWith("QUIT")) {
                    reply(out, "502 Not implemented");
                }
                // QUIT is never answered: the server waits for the sender to hang up.
            }
        } catch (IOException | InterruptedException gone) {
            // the sender hung up, or the test is over
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }
}
