-- How many people a group of linked bookings may hold before it is flagged, for each operation.
-- No row: the default (see BookingLinks and ADR 0047).
CREATE TABLE screening_link_setting (
    operation_id UUID PRIMARY KEY,
    flag_size INT NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by UUID NOT NULL,
    CONSTRAINT screening_link_setting_size CHECK (flag_size BETWEEN 1 AND 100)
);
