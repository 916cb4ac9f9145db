package org.waymark.referral;

import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.waymark.documents.PdfTemplates;

/**
 * The package as an A4 PDF, in the form's order with facts apart from assessments, with page
 * numbers: templates/pdf/referral-package, made of the print view's own fragment.
 */
@Component
class PackagePdf {

    private final PdfTemplates pdfs;

    @Autowired
    PackagePdf(PdfTemplates pdfs) {
        this.pdfs = pdfs;
    }

    /** Outside the application, as in a unit test: the templates read with these messages. */
    PackagePdf(MessageSource messages) {
        this(PdfTemplates.standalone(messages));
    }

    byte[] render(PackageDocument document) {
        return pdfs.render("referral-package", Map.of("document", document), Locale.UK);
    }
}
