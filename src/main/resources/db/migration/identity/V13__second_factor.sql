-- Two-factor sign-in: the secret of each user's authenticator app (RFC 6238) and their
-- single-use recovery codes, kept as SHA-256 digests. last_used_step is the newest time step
-- whose code was accepted: a code of that step or an older one is never accepted again.
-- failed_attempts counts wrong codes since the last right one; the fifth locks the account.
CREATE TABLE second_factor (
    user_account_id UUID        PRIMARY KEY REFERENCES user_account (id),
    secret          VARCHAR(64) NOT NULL,
    enrolled_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_step  BIGINT      NOT NULL,
    failed_attempts INTEGER     NOT NULL
);

CREATE TABLE recovery_code (
    user_account_id UUID        NOT NULL REFERENCES second_factor (user_account_id) ON DELETE CASCADE,
    code_hash       VARCHAR(64) NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_account_id, code_hash)
);
