package org.waymark.referral;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.stereotype.Component;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The package as an A4 PDF, tagged for screen readers, with DejaVu Sans embedded so that
 * names in Cyrillic, Turkish or Vietnamese print as written.
 */
@Component
class PackagePdf {

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String STYLE = """
            @page { size: A4; margin: 20mm 18mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); \
            font-family: 'DejaVu Sans'; font-size: 9pt; } }
            html, body { font-family: 'DejaVu Sans'; font-size: 10.5pt; line-height: 1.4; color: #0b0c0c; }
            h1 { font-size: 18pt; margin: 0 0 4mm; }
            h2, dt { page-break-after: avoid; }
            h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #b1b4b6; padding-bottom: 1mm; }
            dl { margin: 0; }
            dt { font-weight: bold; margin-top: 2mm; }
            dd { margin: 0 0 0 6mm; white-space: pre-wrap; }
            p.note { font-size: 9pt; color: #484949; }
            """;

    byte[] render(PackageDocument document) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"/>")
                .append("<title>").append(escape(document.title())).append("</title>")
                .append("<meta name=\"description\" content=\"The referral package in the order of the Home Office’s ")
                .append("online form\"/><meta name=\"subject\" content=\"").append(escape(document.title()))
                .append("\"/><meta name=\"author\" content=\"Waymark\"/><style>").append(STYLE)
                .append("</style></head><body><h1>").append(escape(document.title())).append("</h1>")
                .append("<p class=\"note\">Prepared in Waymark, in the order of the Home Office’s online form. ")
                .append("It holds personal data: keep it only as long as the referral needs it.</p>");
        for (PackageDocument.Section section : document.sections()) {
            html.append("<h2>").append(escape(section.heading())).append("</h2><dl>");
            for (PackageDocument.Row row : section.rows()) {
                html.append("<dt>").append(escape(row.label())).append("</dt><dd>").append(escape(row.value()))
                        .append("</dd>");
            }
            html.append("</dl>");
        }
        html.append("</body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> PackagePdf.class.getResourceAsStream(FONTS + "DejaVuSans.ttf"), "DejaVu Sans",
                    400, FontStyle.NORMAL, true);
            builder.useFont(() -> PackagePdf.class.getResourceAsStream(FONTS + "DejaVuSans-Bold.ttf"), "DejaVu Sans",
                    700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text as XHTML: markup escaped, and characters XML cannot hold (as pasted text may) replaced. */
    private static String escape(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> safe.append("&amp;");
                case '<' -> safe.append("&lt;");
                case '>' -> safe.append("&gt;");
                case '"' -> safe.append("&quot;");
                default -> safe.appendCodePoint(allowedInXml(c) ? c : '\uFFFD');
            }
        });
        return safe.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
