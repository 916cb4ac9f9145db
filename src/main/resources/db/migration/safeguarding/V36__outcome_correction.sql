-- A closed check's outcome corrected, and why: an adult who declined the NRM referral that the
-- outcome said is the subject of a Duty to Notify instead. Who corrected it and when are kept
-- on the check, to be shown with it, as well as in the audit log.
ALTER TABLE enhanced_check ADD COLUMN outcome_correction VARCHAR(30);
ALTER TABLE enhanced_check ADD COLUMN outcome_corrected_by UUID;
ALTER TABLE enhanced_check ADD COLUMN outcome_corrected_at TIMESTAMP WITH TIME ZONE;
