package org.waymark.operation;

import java.util.UUID;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;
import org.waymark.shared.OperationId;

/** Events of the operation module. */
public final class OperationEvents {

    private OperationEvents() {
    }

    public record OperationCreated(OperationId operationId, Actor actor) implements Auditable {
        public String action() { return "OPERATION_CREATED"; }
        public String recordType() { return "OPERATION"; }
        public String recordId() { return operationId.toString(); }
    }

    public record OperationUpdated(OperationId operationId, Actor actor) implements Auditable {
        public String action() { return "OPERATION_UPDATED"; }
        public String recordType() { return "OPERATION"; }
        public String recordId() { return operationId.toString(); }
    }

    public record OperationStatusChanged(OperationId operationId, OperationStatus from, OperationStatus to,
            Actor actor) implements Auditable {
        public String action() { return "OPERATION_STATUS_CHANGED"; }
        public String recordType() { return "OPERATION"; }
        public String recordId() { return operationId.toString(); }
        public String detail() { return from + " to " + to; }
    }

    /** A slot of partner cover added to the rota. */
    public record RotaSlotAdded(OperationId operationId, UUID slotId, Actor actor) implements Auditable {
        public String action() { return "ROTA_SLOT_ADDED"; }
        public String recordType() { return "OPERATION"; }
        public String recordId() { return operationId.toString(); }
        public String detail() { return "slot " + slotId; }
    }

    public record EscalationLimitSet(OperationId operationId, int minutes, Actor actor) implements Auditable {
        public String action() { return "ESCALATION_LIMIT_SET"; }
        public String recordType() { return "OPERATION"; }
        public String recordId() { return operationId.toString(); }
        public String detail() { return minutes + " minutes"; }
    }
}
