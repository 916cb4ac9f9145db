package org.waymark.passengerdata.edifact;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What one interchange (UNB to UNZ) said, read by {@link EdifactReader}. An interchange carries
 * one or more messages; parts of a multi-part message for one flight come as one manifest.
 *
 * @param type       PAXLST or PNRGOV
 * @param version    the message version as sent: {@code D:05B} for PAXLST, {@code 13:1} for PNRGOV
 * @param sender     the interchange sender (UNB), as sent
 * @param reference  the interchange control reference (UNB)
 * @param preparedAt when the sender prepared the interchange (UNB date and time, as sent)
 * @param manifests  one per flight the interchange speaks of, in the order first met
 * @param warnings   what was out of place or unknown but did not make the message meaningless
 */
public record ParsedInterchange(MessageType type, String version, String sender, String reference,
        LocalDateTime preparedAt, List<Manifest> manifests, List<ParseWarning> warnings) {

    public ParsedInterchange {
        manifests = List.copyOf(manifests);
        warnings = List.copyOf(warnings);
    }

    public int passengers() {
        return manifests.stream().mapToInt(m -> (int) m.travellers().stream().filter(t -> t.type().passenger()).count())
                .sum();
    }

    public int bookings() {
        return manifests.stream().mapToInt(m -> m.bookings().size()).sum();
    }
}
