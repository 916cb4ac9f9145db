-- The number a member of staff is called on, given on their account: a support request offers
-- the officer's to the partner, and a call that reaches nobody offers the coordinators'.
ALTER TABLE user_account ADD COLUMN phone VARCHAR(40);
