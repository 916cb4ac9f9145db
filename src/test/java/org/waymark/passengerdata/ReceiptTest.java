package org.waymark.passengerdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.passengerdata.edifact.MessageType;

/** The failed queue's page tells the next page what a replay did through the session, which is kept in the database. */
class ReceiptTest {

    @Test
    void aReceiptGoesIntoTheSessionAndComesBackTheSame() throws Exception {
        Receipt receipt = new Receipt(UUID.randomUUID(), MessageStatus.APPLIED, MessageType.PAXLST,
                List.of(new Receipt.FlightSeen("W6", "4301", "SOF", "STN", OffsetDateTime.parse("2026-12-07T10:30+02:00"),
                        OffsetDateTime.parse("2026-12-07T12:15Z"))),
                2, 0, List.of(new Receipt.Warning("FTX", 12, "A segment this reader does not know")), false,
                new Receipt.Failure("The message names no one", "NAD", 9), Instant.parse("2026-12-07T08:00:00Z"),
                "API: Aurora Airways gateway");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(receipt);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(receipt);
        }
    }
}
