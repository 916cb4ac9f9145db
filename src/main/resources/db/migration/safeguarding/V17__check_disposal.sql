-- Retention: when a check's personal details were replaced by a marker (masked_at), and when
-- they were erased (erased_at), leaving only what the figures count: operation, flight, start,
-- status and outcomes.
ALTER TABLE enhanced_check ADD COLUMN masked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE enhanced_check ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX enhanced_check_disposal ON enhanced_check (status, masked_at);
