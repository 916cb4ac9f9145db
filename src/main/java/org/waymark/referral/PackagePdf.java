package org.waymark.referral;

import static org.waymark.documents.XhtmlPdf.escape;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.waymark.documents.XhtmlPdf;

/**
 * The package as an A4 PDF, in the form's order with facts apart from assessments, with page
 * numbers. Its words are the print view's: the same {@link PackageDocument} and the same messages.
 */
@Component
class PackagePdf {

    private static final String STYLE = """
            @page { size: A4; margin: 20mm 18mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); \
            font-family: 'DejaVu Sans'; font-size: 9pt; } }
            html, body { font-family: 'DejaVu Sans'; font-size: 10.5pt; line-height: 1.4; color: #0b0c0c; }
            h1 { font-size: 18pt; margin: 0 0 4mm; }
            h2, h3, dt, p.whose { page-break-after: avoid; }
            h2 { font-size: 15pt; margin: 9mm 0 1mm; border-bottom: 2px solid #0b0c0c; padding-bottom: 1mm; }
            h3 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1px solid #b1b4b6; padding-bottom: 1mm; }
            p.intro { margin: 0 0 2mm; }
            p.whose { font-style: italic; margin: 0 0 1mm; }
            dl { margin: 0; }
            dt { font-weight: bold; margin-top: 2mm; }
            dd { margin: 0 0 0 6mm; white-space: pre-wrap; }
            p.note { font-size: 9pt; color: #484949; }
            """;

    private final MessageSource messages;

    PackagePdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(PackageDocument document) {
        String intro = text("referrals.package.intro.print");
        StringBuilder body = new StringBuilder("<h1>").append(escape(document.title())).append("</h1>")
                .append("<p>").append(escape(intro)).append("</p>")
                .append("<p class=\"note\">").append(escape(text("referrals.package.personalData"))).append("</p>");
        for (PackageDocument.Part part : document.parts()) {
            part(body, text(part.headingCode()), text(part.introCode()), part.sections());
        }
        return XhtmlPdf.render("en-GB", document.title(), intro, STYLE, body.toString());
    }

    private String text(String code) {
        return messages.getMessage(code, null, Locale.UK);
    }

    private static void part(StringBuilder body, String heading, String intro, List<PackageDocument.Section> sections) {
        body.append("<h2>").append(escape(heading)).append("</h2><p class=\"intro\">").append(escape(intro))
                .append("</p>");
        for (PackageDocument.Section section : sections) {
            body.append("<h3>").append(escape(section.heading())).append("</h3>");
            if (section.whose() != null) {
                body.append("<p class=\"whose\">").append(escape(section.whose())).append("</p>");
            }
            body.append("<dl>");
            for (PackageDocument.Row row : section.rows()) {
                body.append("<dt>").append(escape(row.label())).append("</dt><dd>").append(escape(row.value()))
                        .append("</dd>");
            }
            body.append("</dl>");
        }
    }
}
