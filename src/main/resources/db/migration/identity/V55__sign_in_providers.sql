-- Single sign-on with the identity providers the deployment configures (WAYMARK_OIDC_<NAME>_*).
-- Administrators map each provider to an agency, and the values of its claims to Waymark roles:
-- the groups claim of the people it signs in (PERSON) and the scopes of its machine clients (CLIENT).
CREATE TABLE sign_in_provider (
    name           VARCHAR(40)  PRIMARY KEY,
    agency_id      UUID         NOT NULL REFERENCES agency (id),
    groups_claim   VARCHAR(100) NOT NULL,
    -- A person's first sign-in makes an account that an administrator approves before it is used.
    needs_approval BOOLEAN      NOT NULL,
    -- The agency's people sign in with this provider only: their passwords no longer work.
    required       BOOLEAN      NOT NULL,
    version        BIGINT       NOT NULL
);

CREATE TABLE sign_in_provider_role (
    sign_in_provider VARCHAR(40)  NOT NULL REFERENCES sign_in_provider (name),
    kind             VARCHAR(10)  NOT NULL,
    claim_value      VARCHAR(200) NOT NULL,
    role             VARCHAR(20)  NOT NULL,
    PRIMARY KEY (sign_in_provider, kind, claim_value, role)
);

-- An account a provider signs in is found by the provider's subject, not its email; it has no
-- password of its own. A machine client's subject is "client:" and its client id.
ALTER TABLE user_account ADD COLUMN provider VARCHAR(40);
ALTER TABLE user_account ADD COLUMN provider_subject VARCHAR(255);
ALTER TABLE user_account ADD CONSTRAINT user_account_provider_subject_unique UNIQUE (provider, provider_subject);
ALTER TABLE user_account ADD COLUMN awaiting_approval BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE user_account ALTER COLUMN password_hash DROP NOT NULL;
