package org.waymark.passengerdata.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.WaymarkUser;
import org.waymark.passengerdata.MessageStatus;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.passengerdata.Receipt;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/passenger-data/messages")
@Tag(name = "Passenger data")
@RequiredArgsConstructor
class PassengerDataApi {

    static final String EDIFACT = "application/edifact";

    private final PassengerDataIntake intake;

    @PostMapping(consumes = { EDIFACT, MediaType.TEXT_PLAIN_VALUE })
    @Operation(summary = "Send a PAXLST or PNRGOV interchange", description = "For carrier gateway accounts. The"
            + " body is the EDIFACT text as received, in the character set its UNB names (UTF-8 by default), up to"
            + " 10 MB. 202 with what was read; the same message sent again is acknowledged with duplicate true and"
            + " not applied twice. A message that cannot be read is kept in the failed queue and answered with 422"
            + " problem JSON naming the segment and its position (counted from 1, UNB is 1). Where Waymark passes"
            + " messages through Kafka, a message read is answered with status QUEUED until a node has applied it.")
    ResponseEntity<?> receive(InputStream body, @AuthenticationPrincipal WaymarkUser user) throws IOException {
        byte[] bytes = body.readNBytes(PassengerDataIntake.MAX_BYTES + 1);
        if (bytes.length > PassengerDataIntake.MAX_BYTES) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The message is larger than 10 MB. Send it in parts.");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return answer(intake.receive(bytes, user));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A message: its status, flights, counts and warnings, never a traveller's details")
    Receipt get(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return intake.get(id, user);
    }

    @GetMapping
    @Operation(summary = "Messages, newest first (at most 500)", description = "status=FAILED lists the failed"
            + " queue. Gateways see the messages they sent; those with the passenger data role or administrators"
            + " see all.")
    List<Receipt> list(@RequestParam(required = false) MessageStatus status,
            @AuthenticationPrincipal WaymarkUser user) {
        return intake.list(status, user);
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Read a failed message again, as after a fix, and apply it if it now reads")
    ResponseEntity<?> replay(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return answer(intake.replay(id, user));
    }

    private static ResponseEntity<?> answer(Receipt receipt) {
        if (receipt.status() != MessageStatus.FAILED) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                receipt.failure().message());
        problem.setTitle("The message cannot be read");
        problem.setInstance(URI.create("/api/v1/passenger-data/messages/" + receipt.id()));
        problem.setProperty("id", receipt.id());
        problem.setProperty("messageStatus", receipt.status());
        problem.setProperty("segment", receipt.failure().segment());
        problem.setProperty("position", receipt.failure().position());
        problem.setProperty("duplicate", receipt.duplicate());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
