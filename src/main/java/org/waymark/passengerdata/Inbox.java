package org.waymark.passengerdata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.waymark.shared.UnprocessableException;

/**
 * A watched folder, {@code WAYMARK_PASSENGER_DATA_INBOX}, where an airline gateway drops
 * messages as files. Each look takes every regular file that is settled, stores it through
 * {@link PassengerDataIntake} and only then moves it to {@code done/} (applied, read, queued to be
 * applied, or the same message again) or to {@code failed/} (it could not be read, or was stored but not applied),
 * never over a file of the same name there. A file is settled when its size and modification
 * time are what they were at the previous look, so one still being written is left for later;
 * names starting with a dot or ending in .tmp, .part or .filepart are never taken, for gateways
 * that write under such a name and then rename. If Waymark stops between storing a file and
 * moving it, the next look stores it again, which is answered as a duplicate, and moves it.
 * Only counts and file names are logged, never what a file holds.
 */
@Component
@Conditional(Inbox.Configured.class)
class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    static final String DONE = "done";
    static final String FAILED = "failed";
    private static final List<String> PARTIAL = List.of(".tmp", ".part", ".filepart");

    private final PassengerDataIntake intake;
    private final Path folder;
    /** What each file looked like at the previous look. */
    private final Map<Path, Seen> seen = new HashMap<>();

    private record Seen(long size, FileTime modified) {
    }

    /** How many files a look took, and where they went. */
    record Look(int done, int failed, int left) {
    }

    Inbox(PassengerDataIntake intake, @Value("${waymark.passenger-data.inbox}") String folder) {
        this.intake = intake;
        this.folder = Path.of(folder.strip()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.folder.resolve(DONE));
            Files.createDirectories(this.folder.resolve(FAILED));
        } catch (IOException e) {
            log.error("The passenger data inbox {} cannot be used: {}", this.folder, e.toString());
        }
        log.info("Passenger data inbox is on: files dropped in {} are taken in and moved to {}/ or {}/", this.folder,
                DONE, FAILED);
    }

    Path folder() {
        return folder;
    }

    /** Takes in every settled file in the folder; one at a time, as only the scheduler calls it. */
    synchronized Look look() {
        Map<Path, Seen> now = new HashMap<>();
        List<Path> settled = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (skipped(file)) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException gone) {
                    continue;
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                Seen looks = new Seen(attributes.size(), attributes.lastModifiedTime());
                now.put(file, looks);
                if (looks.equals(seen.get(file))) {
                    settled.add(file);
                }
            }
        } catch (IOException e) {
            log.error("The passenger data inbox {} cannot be read: {}", folder, e.toString());
            return new Look(0, 0, 0);
        }
        seen.clear();
        seen.putAll(now);
        settled.sort(null);
        int done = 0;
        int failed = 0;
        for (Path file : settled) {
            Boolean ok = take(file);
            if (ok != null) {
                seen.remove(file);
                if (ok) {
                    done++;
                } else {
                    failed++;
                }
            }
        }
        int left = now.size() - done - failed;
        if (done + failed > 0) {
            log.info("Passenger data inbox: {} file(s) taken in, {} to {}/, {} to {}/, {} left for a later look",
                    done + failed, done, DONE, failed, FAILED, left);
        }
        return new Look(done, failed, left);
    }

    private static boolean skipped(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || PARTIAL.stream().anyMatch(lower::endsWith);
    }

    /** True when moved to done, false when moved to failed, null when left where it is for another look. */
    private Boolean take(Path file) {
        String name = printable(file.getFileName().toString());
        byte[] body;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            body = in.readNBytes(PassengerDataIntake.MAX_BYTES + 1);
        } catch (IOException e) {
            log.warn("Passenger data inbox: {} cannot be read, left for a later look: {}", name, e.getClass()
                    .getSimpleName());
            return null;
        }
        if (body.length > PassengerDataIntake.MAX_BYTES) {
            return move(file, FAILED, "Not taken in: larger than " + PassengerDataIntake.MAX_BYTES / (1024 * 1024)
                    + " MB. Send it in parts.") ? false : null;
        }
        Receipt receipt;
        try {
            receipt = intake.receive(body, "Inbox: " + name);
        } catch (UnprocessableException e) {
            return move(file, FAILED, body.length == 0 ? "Not taken in: the file is empty." : "Not taken in.") ? false
                    : null;
        } catch (RuntimeException e) {
            log.error("Passenger data inbox: {} could not be stored, left for a later look", name, e);
            return null;
        }
        return switch (receipt.status()) {
            case APPLIED, PARSED, QUEUED -> move(file, DONE, null) ? true : null;
            case FAILED -> move(file, FAILED, "Stored as message " + receipt.id() + ", which could not be read: it"
                    + " is in the failed queue, with the reason, until it is replayed.") ? false : null;
            case RECEIVED -> move(file, FAILED, "Stored as message " + receipt.id() + " but not applied: replay it.")
                    ? false : null;
        };
    }

    /** Moves the file into the subfolder under a name no file there has, with a note beside it if given. */
    private boolean move(Path file, String to, String note) {
        Path target = folder.resolve(to);
        try {
            Files.createDirectories(target);
            Path moved = null;
            for (int n = 1; moved == null; n++) {
                Path candidate = target.resolve(n == 1 ? file.getFileName() : numbered(file.getFileName(), n));
                try {
                    moved = Files.move(file, candidate);
                } catch (FileAlreadyExistsException taken) {
                    // try the next number
                }
            }
            if (note != null) {
                writeNote(moved, note);
            }
            return true;
        } catch (IOException e) {
            log.error("Passenger data inbox: {} was stored but could not be moved to {}/ ({}): the next look stores"
                    + " it again as a duplicate and moves it", printable(file.getFileName().toString()), to,
                    e.toString());
            return false;
        }
    }

    /** "name-2.edi" for "name.edi", the number before the last extension. */
    private static Path numbered(Path name, int n) {
        String text = name.toString();
        int dot = text.lastIndexOf('.');
        String numbered = dot > 0 ? text.substring(0, dot) + "-" + n + text.substring(dot) : text + "-" + n;
        try {
            return Path.of(numbered);
        } catch (InvalidPathException unmappable) {
            return Path.of("file-" + UUID.randomUUID() + "-" + n);
        }
    }

    private static void writeNote(Path moved, String note) {
        Path noteFile = moved.resolveSibling(moved.getFileName() + ".note.txt");
        try {
            Files.writeString(noteFile, note + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            log.warn("Passenger data inbox: no note written beside {}: {}", printable(moved.getFileName().toString()),
                    e.getClass().getSimpleName());
        }
    }

    /** A file name fit for a log line: control characters shown as question marks, and not too long. */
    static String printable(String name) {
        String clean = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }

    /** The inbox is there only when {@code waymark.passenger-data.inbox} names a folder. */
    static class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("waymark.passenger-data.inbox"));
        }
    }
}
