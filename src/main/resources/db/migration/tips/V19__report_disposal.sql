-- Retention: when a report's words and contact details were replaced by a marker. Erased
-- reports are deleted whole: no figure counts them.
ALTER TABLE public_report ADD COLUMN masked_at TIMESTAMP WITH TIME ZONE;
