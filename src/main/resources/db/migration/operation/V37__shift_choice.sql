-- The operation a person chose for their shift when more than one is under way where they work.
CREATE TABLE shift_choice (
    user_id      UUID PRIMARY KEY,
    operation_id UUID NOT NULL,
    chosen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
