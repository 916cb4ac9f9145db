package org.waymark.passengerdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.passengerdata.Messages.paxlst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.support.DatabaseTests;

/**
 * The watched folder: files dropped by a gateway are stored, then moved to done/ or failed/,
 * never over a file already there; a file dropped again is a duplicate and still moved; a file
 * still being written is left alone. The test looks in the folder by hand. Runs on H2 and on
 * PostgreSQL.
 */
@SpringBootTest(properties = "waymark.scheduling.enabled=false")
class InboxTest extends DatabaseTests {

    static final Path FOLDER;

    static {
        try {
            FOLDER = Files.createTempDirectory("waymark-inbox-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) {
        registry.add("waymark.passenger-data.inbox", FOLDER::toString);
    }

    @Autowired
    Inbox inbox;
    @Autowired
    PassengerDataIntake intake;
    @Autowired
    MessageRecords messages;

    @BeforeEach
    void emptyFolder() throws IOException {
        clear(FOLDER);
        Files.createDirectories(FOLDER);
    }

    @AfterAll
    static void removeFolder() throws IOException {
        clear(FOLDER);
    }

    @Test
    void aGoodFileIsAppliedAndMovedToDone() throws IOException {
        byte[] message = paxlst("5001", "2612141030", "2612141215");
        Files.write(FOLDER.resolve("W64301-good.edi"), message);

        assertThat(inbox.look()).as("first seen: it may still be being written").isEqualTo(new Inbox.Look(0, 0, 1));
        assertThat(inbox.look()).isEqualTo(new Inbox.Look(1, 0, 0));

        assertThat(FOLDER.resolve("W64301-good.edi")).doesNotExist();
        assertThat(FOLDER.resolve("done/W64301-good.edi")).hasBinaryContent(message);
        assertThat(from("Inbox: W64301-good.edi")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(MessageStatus.APPLIED))
                .satisfies(r -> assertThat(r.passengers()).isEqualTo(2));
    }

    @Test
    void aDamagedFileIsKeptInTheFailedQueueAndMovedToFailed() throws IOException {
        Files.writeString(FOLDER.resolve("damaged.edi"), "UNA:+.? 'UNB+UNOA:4+WIZZAIR'this is not a message");

        inbox.look();
        assertThat(inbox.look()).isEqualTo(new Inbox.Look(0, 1, 0));

        assertThat(FOLDER.resolve("failed/damaged.edi")).exists();
        assertThat(FOLDER.resolve("failed/damaged.edi.note.txt")).content().contains("failed queue");
        assertThat(messages.list(MessageStatus.FAILED, null, 500))
                .anySatisfy(r -> assertThat(r.receivedFrom()).isEqualTo("Inbox: damaged.edi"));
    }

    @Test
    void theSameFileDroppedTwiceIsStoredOnceAndBothAreMovedToDone() throws IOException {
        byte[] message = paxlst("5002", "2612151030", "2612151215");
        Files.write(FOLDER.resolve("first.edi"), message);
        inbox.look();
        inbox.look();
        Files.write(FOLDER.resolve("again.edi"), message);
        inbox.look();

        assertThat(inbox.look()).isEqualTo(new Inbox.Look(1, 0, 0));
        assertThat(FOLDER.resolve("done/first.edi")).hasBinaryContent(message);
        assertThat(FOLDER.resolve("done/again.edi")).hasBinaryContent(message);
        assertThat(from("Inbox: first.edi")).hasSize(1);
        assertThat(from("Inbox: again.edi")).as("a duplicate, not stored again").isEmpty();
    }

    @Test
    void aFileStoredJustBeforeAStopIsMovedAtTheNextLook() throws IOException {
        byte[] message = paxlst("5003", "2612161030", "2612161215");
        intake.receive(message, "Inbox: stored.edi");
        Files.write(FOLDER.resolve("stored.edi"), message);

        inbox.look();
        assertThat(inbox.look()).isEqualTo(new Inbox.Look(1, 0, 0));
        assertThat(FOLDER.resolve("done/stored.edi")).exists();
        assertThat(from("Inbox: stored.edi")).hasSize(1);
    }

    @Test
    void aFileOfTheSameNameInDoneIsNeverOverwritten() throws IOException {
        byte[] earlier = paxlst("5004", "2612171030", "2612171215");
        byte[] later = paxlst("5005", "2612181030", "2612181215");
        Files.createDirectories(FOLDER.resolve("done"));
        Files.write(FOLDER.resolve("done/paxlst.edi"), earlier);
        Files.write(FOLDER.resolve("paxlst.edi"), later);

        inbox.look();
        assertThat(inbox.look()).isEqualTo(new Inbox.Look(1, 0, 0));

        assertThat(FOLDER.resolve("done/paxlst.edi")).hasBinaryContent(earlier);
        assertThat(FOLDER.resolve("done/paxlst-2.edi")).hasBinaryContent(later);
    }

    @Test
    void aFileStillBeingWrittenOrNamedAsPartialIsLeftAlone() throws IOException {
        byte[] message = paxlst("5006", "2612191030", "2612191215");
        Path growing = FOLDER.resolve("growing.edi");
        Files.write(growing, java.util.Arrays.copyOf(message, 100));
        Files.write(FOLDER.resolve("upload.edi.tmp"), message);
        Files.write(FOLDER.resolve(".hidden.edi"), message);

        inbox.look();
        Files.write(growing, message);
        assertThat(inbox.look()).as("its size changed since the last look").isEqualTo(new Inbox.Look(0, 0, 1));
        assertThat(inbox.look()).isEqualTo(new Inbox.Look(1, 0, 0));

        assertThat(FOLDER.resolve("done/growing.edi")).hasBinaryContent(message);
        assertThat(FOLDER.resolve("upload.edi.tmp")).exists();
        assertThat(FOLDER.resolve(".hidden.edi")).exists();
    }

    @Test
    void oddNamesAndEmptyOrLargeFilesDoNotStopTheRest() throws IOException {
        byte[] message = paxlst("5007", "2612201030", "2612201215");
        String odd = "bell\u0007new\nline \u202e.edi";
        Files.write(FOLDER.resolve(odd), message);
        Files.write(FOLDER.resolve("empty.edi"), new byte[0]);
        Files.write(FOLDER.resolve("large.edi"), new byte[PassengerDataIntake.MAX_BYTES + 1]);
        Files.createDirectories(FOLDER.resolve("a folder"));

        inbox.look();
        assertThat(inbox.look()).isEqualTo(new Inbox.Look(1, 2, 0));

        assertThat(FOLDER.resolve("done").resolve(odd)).hasBinaryContent(message);
        assertThat(from("Inbox: bell?new?line ?.edi")).hasSize(1);
        assertThat(FOLDER.resolve("failed/empty.edi.note.txt")).content().contains("empty");
        assertThat(FOLDER.resolve("failed/large.edi.note.txt")).content().contains("larger than 10 MB");
        assertThat(FOLDER.resolve("a folder")).isDirectory();
    }

    private List<Receipt> from(String receivedFrom) {
        return messages.list(null, null, PassengerDataIntake.MAX_LIST).stream()
                .filter(r -> receivedFrom.equals(r.receivedFrom())).toList();
    }

    private static void clear(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(FOLDER)) {
                    Files.delete(path);
                }
            }
        }
    }
}
