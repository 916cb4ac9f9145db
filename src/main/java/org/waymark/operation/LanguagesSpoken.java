package org.waymark.operation;

import java.util.List;

import org.waymark.shared.OperationId;

/**
 * The languages passengers spoke with officers in an operation, as its tallies counted them: the
 * engagement module knows. The forms offer the most spoken first.
 */
public interface LanguagesSpoken {

    /** ISO 639-1 codes, the language spoken with most passengers first. */
    List<String> mostSpoken(OperationId operation);
}
