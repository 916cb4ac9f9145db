-- Retention: when a referral's package and personal details were replaced by a marker
-- (masked_at), and when they were erased (erased_at), leaving only what the figures count:
-- check, operation, kind, child or not, and when it was submitted.
ALTER TABLE referral ADD COLUMN masked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE referral ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
