-- Whether a token was issued after a second factor (the code of an authenticator app or a recovery
-- code). Where two-factor sign-in is required, a token issued with a password alone, while it was
-- off, is refused. Tokens from before this was recorded count as having had one when their owner
-- had already set up an app (which only happens while two-factor sign-in is required); the others
-- certainly had none.
ALTER TABLE api_token ADD COLUMN second_factor BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE api_token SET second_factor = TRUE
WHERE EXISTS (SELECT 1 FROM second_factor f
              WHERE f.user_account_id = api_token.user_id AND f.enrolled_at <= api_token.created_at);
