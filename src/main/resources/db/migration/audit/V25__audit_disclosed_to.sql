-- For a disclosure, to whom: an agency, a user who took a copy out of Waymark, an email
-- address or an organisation. Empty for every other entry.
ALTER TABLE audit_entry ADD COLUMN disclosed_to VARCHAR(300);
