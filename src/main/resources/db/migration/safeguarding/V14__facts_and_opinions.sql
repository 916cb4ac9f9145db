-- Facts kept apart from opinions (DPA 2018 s38). Most parts of a check are one or the other by
-- their nature; the outcome note is free text, so whoever writes it says which it is.
--
-- Notes written before this change were never marked: they are kept as the closing officer's
-- assessment, because an opinion shown as a fact is the mistake the law guards against, while
-- a fact shown as an opinion only loses some weight. A note can no longer be left unmarked.
ALTER TABLE enhanced_check ADD COLUMN outcome_note_nature VARCHAR(10);
UPDATE enhanced_check SET outcome_note_nature = 'OPINION' WHERE outcome_note IS NOT NULL;
ALTER TABLE enhanced_check ADD CONSTRAINT enhanced_check_note_nature
    CHECK (outcome_note IS NULL OR outcome_note_nature IS NOT NULL);

-- Whose the assessment is (the suspected exploitation and the officer's opinion): the officer
-- who last changed it, and when. Any officer taking part could change it, so for assessments
-- recorded before this change nobody is named rather than the wrong officer.
ALTER TABLE enhanced_check ADD COLUMN assessed_by UUID;
ALTER TABLE enhanced_check ADD COLUMN assessed_at TIMESTAMP WITH TIME ZONE;
