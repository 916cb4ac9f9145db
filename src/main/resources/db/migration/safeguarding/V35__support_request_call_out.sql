-- What a support request tells the partner beyond the check: where to meet the officer and the
-- number to call them on (staff details, not the person's); when the partner expects to arrive;
-- and, when the partner cannot come, when and why they declined. A declined request is no
-- longer open, so the agency may be asked again.
ALTER TABLE support_request ADD COLUMN meeting_point VARCHAR(200);
ALTER TABLE support_request ADD COLUMN requester_phone VARCHAR(40);
ALTER TABLE support_request ADD COLUMN expected_arrival TIMESTAMP WITH TIME ZONE;
ALTER TABLE support_request ADD COLUMN declined_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE support_request ADD COLUMN declined_by UUID;
ALTER TABLE support_request ADD COLUMN decline_reason VARCHAR(500);

-- The requests an officer asked for, for their requests page.
CREATE INDEX support_request_requested_by ON support_request (requested_by, requested_at);
CREATE INDEX support_request_operation ON support_request (operation_id, requested_at);
