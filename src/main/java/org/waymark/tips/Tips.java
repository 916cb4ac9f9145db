package org.waymark.tips;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/** Reports from the public: taken without signing in, each given a reference to quote. */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Tips {

    /** Letters and digits that cannot be mistaken for each other when read out on the phone. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PublicReportRepository reports;
    private final ReportLimit limit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** A report received from the public; logged as a collection of personal data (not its content). */
    public record ReportReceived(UUID reportId, String reference) implements Auditable {
        public Actor actor() { return null; }
        public String action() { return "PUBLIC_REPORT_RECEIVED"; }
        public String recordType() { return "PUBLIC_REPORT"; }
        public String recordId() { return reportId.toString(); }
    }

    /** Takes the report and returns its reference; over the address's limit, nothing is kept. */
    public String receive(NewReport report, String clientAddress) {
        if (!limit.allow(clientAddress)) {
            throw new TooManyReportsException();
        }
        String reference = freshReference();
        PublicReport saved = reports.save(PublicReport.received(reference, report, clock.instant()));
        events.publishEvent(new ReportReceived(saved.id(), reference));
        return reference;
    }

    /**
     * A reference as a bot that filled the hidden field would get one: it looks the same, and
     * nothing is kept, so the bot learns nothing.
     */
    public String decoy() {
        return newReference();
    }

    private String freshReference() {
        String reference = newReference();
        while (reports.existsByReference(reference)) {
            reference = newReference();
        }
        return reference;
    }

    private static String newReference() {
        StringBuilder reference = new StringBuilder("WM-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
