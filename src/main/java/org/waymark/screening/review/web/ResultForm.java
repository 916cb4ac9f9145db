package org.waymark.screening.review.web;

import lombok.Getter;
import lombok.Setter;

/** What an officer sends about a request to speak with a passenger: what happened, and a note. */
@Getter
@Setter
public class ResultForm {

    private String result = "";
    private String resultNote = "";
}
