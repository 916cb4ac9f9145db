package org.waymark.operation.api;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.CoverGap;
import org.waymark.operation.CoverKind;
import org.waymark.operation.Rota;
import org.waymark.operation.RotaSlotView;
import org.waymark.shared.AgencyId;
import org.waymark.shared.OperationId;
import org.waymark.shared.UserId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/operations/{id}/rota")
@Tag(name = "Partner cover")
@RequiredArgsConstructor
class RotaApi {

    private final Rota rota;

    /** Times are local at the operation's port, like {@code 2026-09-16T22:00}. */
    record SlotRequest(UUID agencyId, UUID userId, CoverKind kind, LocalDateTime from, LocalDateTime to, String phone,
            String email) {
    }

    record SlotJson(UUID id, UUID agencyId, String agencyName, UUID userId, String userName, CoverKind kind,
            LocalDateTime from, LocalDateTime to, String phone, String email) {

        static SlotJson of(RotaSlotView slot) {
            return new SlotJson(slot.id(), slot.agencyId().value(), slot.agencyName(),
                    slot.userId() == null ? null : slot.userId().value(), slot.userName(), slot.kind(), slot.from(),
                    slot.to(), slot.phone(), slot.email());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add partner cover to the rota", description = "For coordinators of the lead agency. kind is "
            + "NAVIGATOR, SARC or INTERPRETER; from and to are local times at the port; a slot may run past midnight.")
    SlotJson add(@PathVariable UUID id, @RequestBody SlotRequest request, @AuthenticationPrincipal WaymarkUser user) {
        return SlotJson.of(rota.add(new OperationId(id), new Rota.NewSlot(
                request.agencyId() == null ? null : new AgencyId(request.agencyId()),
                request.userId() == null ? null : new UserId(request.userId()), request.kind(), request.from(),
                request.to(), request.phone(), request.email()), user));
    }

    @GetMapping
    @Operation(summary = "The rota, in time order")
    List<SlotJson> list(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return rota.of(new OperationId(id), user).stream().map(SlotJson::of).toList();
    }

    record EscalationJson(Integer minutes) {
    }

    @GetMapping("/escalation")
    @Operation(summary = "How long a call to a partner may go unanswered before it is escalated (default 10 minutes)")
    EscalationJson escalation(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        rota.of(new OperationId(id), user);
        return new EscalationJson((int) rota.escalationLimit(new OperationId(id)).toMinutes());
    }

    @PutMapping("/escalation")
    @Operation(summary = "Set the escalation time", description = "1 to 240 minutes; coordinators of the lead agency.")
    EscalationJson setEscalation(@PathVariable UUID id, @RequestBody EscalationJson request,
            @AuthenticationPrincipal WaymarkUser user) {
        return new EscalationJson((int) rota.setEscalationLimit(new OperationId(id), request.minutes(), user)
                .toMinutes());
    }

    @GetMapping("/gaps")
    @Operation(summary = "Gaps in cover", description = "For each kind, the stretches of the operation's dates (from "
            + "the start of its first day to the end of its last, local time) with nobody on call.")
    List<CoverGap> gaps(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return rota.gaps(new OperationId(id), user);
    }
}
