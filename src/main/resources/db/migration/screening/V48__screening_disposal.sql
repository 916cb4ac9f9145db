-- Hits and requests to officers are masked on their passenger data's clock (ADR 0041, 0046):
-- when, so that each is masked once and a masked request is no longer shown to officers.
ALTER TABLE screening_hit ADD COLUMN masked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE screening_request ADD COLUMN masked_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX screening_hit_pd_flight ON screening_hit (pd_flight_id);
