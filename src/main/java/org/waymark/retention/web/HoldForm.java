package org.waymark.retention.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.waymark.retention.Holds;

/** A hold to place: the kind of record, its id (or a report's reference) and why. */
class HoldForm {

    @NotBlank(message = "{retention.hold.type.required}")
    private String recordType;

    @NotBlank(message = "{retention.hold.record.required}")
    @Size(max = 60, message = "{retention.hold.record.unknown}")
    private String recordId;

    @NotBlank(message = "{retention.hold.reason.required}")
    @Size(max = Holds.MAX_REASON, message = "{retention.hold.reason.tooLong}")
    private String reason;

    public String getRecordType() {
        return recordType;
    }

    public void setRecordType(String recordType) {
        this.recordType = recordType;
    }

    public String getRecordId() {
        return recordId;
    }

    public void setRecordId(String recordId) {
        this.recordId = recordId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
