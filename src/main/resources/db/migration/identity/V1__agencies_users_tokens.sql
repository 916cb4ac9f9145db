-- Agencies taking part in operations, the staff who sign in, and their API tokens.
CREATE TABLE agency (
    id              UUID         PRIMARY KEY,
    name            VARCHAR(120) NOT NULL,
    name_key        VARCHAR(120) NOT NULL,
    type            VARCHAR(20)  NOT NULL,
    first_responder BOOLEAN      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT agency_name_unique UNIQUE (name_key)
);

CREATE TABLE user_account (
    id              UUID         PRIMARY KEY,
    name            VARCHAR(120) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    agency_id       UUID         NOT NULL REFERENCES agency (id),
    password_hash   VARCHAR(200) NOT NULL,
    active          BOOLEAN      NOT NULL,
    failed_attempts INTEGER      NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT user_account_email_unique UNIQUE (email)
);

CREATE TABLE user_account_role (
    user_account_id UUID        NOT NULL REFERENCES user_account (id),
    role            VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_account_id, role)
);

CREATE TABLE api_token (
    id           UUID        PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES user_account (id),
    label        VARCHAR(80) NOT NULL,
    token_hash   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    version      BIGINT      NOT NULL,
    CONSTRAINT api_token_hash_unique UNIQUE (token_hash)
);

CREATE INDEX api_token_user ON api_token (user_id);
