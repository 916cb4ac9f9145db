package org.waymark.documents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What a printed record says it is on every page: the handling marking the deployment sets
 * ({@code waymark.document-marking}, such as OFFICIAL-SENSITIVE), and DEMO while the demo runs,
 * so that a page printed from the demo is never taken for a real record. Whether a document is
 * a draft is the document's own to say.
 */
@Component
public class DocumentMarks {

    /** The marking when the deployment sets none: referrals and reports hold sensitive information. */
    public static final String DEFAULT_MARKING = "OFFICIAL-SENSITIVE";

    private final String marking;
    private final boolean demo;

    @Autowired
    DocumentMarks(@Value("${waymark.document-marking:" + DEFAULT_MARKING + "}") String marking,
            Environment environment) {
        this(marking, environment.matchesProfiles("demo"));
    }

    /** These marks, as outside the application. A blank marking is the default one. */
    public DocumentMarks(String marking, boolean demo) {
        this.marking = marking == null || marking.isBlank() ? DEFAULT_MARKING : marking.strip();
        this.demo = demo;
    }

    /** The handling marking, at the top and the foot of every page. */
    public String marking() {
        return marking;
    }

    /** Whether the demo made the document. */
    public boolean demo() {
        return demo;
    }
}
