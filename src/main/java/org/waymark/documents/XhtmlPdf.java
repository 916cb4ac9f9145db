package org.waymark.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * A PDF from an XHTML body: tagged for screen readers (PDF/UA), with DejaVu Sans embedded so
 * that Cyrillic, Turkish or Vietnamese print as written. Styles must name 'DejaVu Sans' for
 * all text, page margins too: PDF/UA refuses a font that is not embedded.
 */
public final class XhtmlPdf {

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    private XhtmlPdf() {
    }

    /** The document; {@code title} and {@code description} are plain text, {@code body} is XHTML. */
    public static byte[] render(String language, String title, String description, String style, String body) {
        String html = "<!DOCTYPE html><html lang=\"" + escape(language) + "\"><head><meta charset=\"utf-8\"/>"
                + "<title>" + escape(title) + "</title><meta name=\"subject\" content=\"" + escape(title) + "\"/>"
                + "<meta name=\"description\" content=\"" + escape(description) + "\"/>"
                + "<meta name=\"author\" content=\"Waymark\"/><style>" + style + "</style></head><body>" + body
                + "</body></html>";
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> XhtmlPdf.class.getResourceAsStream(FONTS + "DejaVuSans.ttf"), "DejaVu Sans", 400,
                    FontStyle.NORMAL, true);
            builder.useFont(() -> XhtmlPdf.class.getResourceAsStream(FONTS + "DejaVuSans-Bold.ttf"), "DejaVu Sans",
                    700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text as XHTML: markup escaped, and characters XML cannot hold (as pasted text may) replaced. */
    public static String escape(String text) {
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
