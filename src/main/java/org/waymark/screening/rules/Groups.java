package org.waymark.screening.rules;

import java.util.List;
import java.util.Optional;

/** The groups rules can name, looked up by code. */
public interface Groups {

    /** The group of this code, with its members as they stand now. */
    Optional<Group> group(String code);

    /** Every group, by code. */
    List<Group> all();
}
