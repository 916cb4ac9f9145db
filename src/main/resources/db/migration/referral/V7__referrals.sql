-- NRM referrals and Duty to Notify reports prepared from enhanced checks. The package itself is
-- JSON in the form's order; what the lists filter on, and what the law asks to be provable
-- (the path, consent and its withdrawal, the submission), are columns of their own.
CREATE TABLE referral (
    id                       UUID         PRIMARY KEY,
    check_id                 UUID         NOT NULL REFERENCES enhanced_check (id),
    operation_id             UUID         NOT NULL,
    agency_id                UUID         NOT NULL,
    kind                     VARCHAR(16)  NOT NULL,
    child_referral           BOOLEAN      NOT NULL,
    named                    BOOLEAN      NOT NULL,
    status                   VARCHAR(28)  NOT NULL,
    consent_given            BOOLEAN,
    consent_explained_by     VARCHAR(120),
    consent_language         VARCHAR(3),
    consent_interpreter_used BOOLEAN,
    consent_at               TIMESTAMP WITH TIME ZONE,
    consent_withdrawn_at     TIMESTAMP WITH TIME ZONE,
    package_content          VARCHAR(1000000),
    home_office_reference    VARCHAR(60),
    submitted_at             TIMESTAMP WITH TIME ZONE,
    submitted_by             UUID,
    rg_due_date              DATE,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by               UUID         NOT NULL,
    version                  BIGINT       NOT NULL
);

CREATE INDEX referral_check ON referral (check_id);
CREATE INDEX referral_operation ON referral (operation_id, status);

-- Reasonable and conclusive grounds decisions, and requests to reconsider (no result).
CREATE TABLE referral_decision (
    referral_id     UUID        NOT NULL REFERENCES referral (id),
    entry_index     INT         NOT NULL,
    decision_type   VARCHAR(2)  NOT NULL,
    decision_result VARCHAR(8),
    decided_on      DATE        NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by     UUID        NOT NULL,
    PRIMARY KEY (referral_id, entry_index)
);

-- What partners asked for support added to the person's account, attributed to them.
CREATE TABLE referral_account_addition (
    referral_id UUID          NOT NULL REFERENCES referral (id),
    entry_index INT           NOT NULL,
    agency_id   UUID          NOT NULL,
    added_by    UUID          NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    text        VARCHAR(5000) NOT NULL,
    PRIMARY KEY (referral_id, entry_index)
);
