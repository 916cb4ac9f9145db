package org.waymark.awareness;

import static org.waymark.documents.XhtmlPdf.escape;

import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.waymark.documents.QrCodes;
import org.waymark.documents.XhtmlPdf;
import org.waymark.shared.NotFoundException;

/**
 * The help for passengers on paper: an A4 poster and a two-sided pocket card in each language, with the
 * numbers to call and a QR code that opens the help page in that language. PDF/UA, with DejaVu Sans
 * embedded so that Cyrillic, Turkish and Vietnamese print as written.
 */
@Component
public class PrintedMaterials {

    /** The numbers a passenger should see first, longest first so that none is cut in two. */
    private static final Pattern NUMBERS = Pattern.compile("(?<!\\d)(08000 121 700|0800 555 111|999|101)(?!\\d)");
    /** Pixels per QR module in the PNG: enough to stay sharp however the PDF viewer scales it. */
    private static final int MODULE_PIXELS = 10;

    private static final String COMMON = """
            html, body { font-family: 'DejaVu Sans'; color: #0b0c0c; margin: 0; }
            strong.number { white-space: nowrap; }
            .url { font-family: 'DejaVu Sans'; word-wrap: break-word; }
            """;
    private static final String POSTER_STYLE = COMMON + """
            @page { size: A4 portrait; margin: 18mm 18mm; }
            body { font-size: 13pt; line-height: 1.35; }
            h1 { font-size: 26pt; line-height: 1.2; margin: 0 0 6mm; }
            p.intro { font-size: 15pt; margin: 0 0 8mm; }
            h2 { font-size: 20pt; margin: 0 0 3mm; border-top: 3mm solid #1d70b8; padding-top: 4mm; }
            ul { margin: 0; padding: 0 0 0 6mm; }
            li { margin: 0 0 2.5mm; font-size: 14pt; }
            strong.number { font-size: 17pt; }
            .qr { text-align: center; margin-top: 8mm; }
            .qr img { width: 62mm; height: 62mm; }
            .url { font-size: 12pt; margin-top: 1mm; }
            """;
    private static final String CARD_STYLE = COMMON + """
            @page { size: 85mm 55mm; margin: 3.5mm; }
            body { font-size: 6pt; line-height: 1.25; }
            h1 { font-size: 7.5pt; line-height: 1.2; margin: 0 0 1.5mm; }
            p.intro { margin: 0; }
            .qr { float: right; width: 31mm; margin-left: 2mm; text-align: center; }
            .qr img { width: 31mm; height: 31mm; }
            .url { font-size: 5pt; }
            .back { page-break-before: always; }
            h2 { font-size: 7pt; margin: 0 0 1mm; }
            ul { margin: 0; padding: 0 0 0 3mm; }
            li { margin: 0 0 0.8mm; font-size: 6.5pt; }
            strong.number { font-size: 7.5pt; }
            """;

    private final HelpTexts texts;
    private final String baseUrl;

    public PrintedMaterials(HelpTexts texts, @Value("${waymark.base-url:http://localhost:8080}") String baseUrl) {
        this.texts = texts;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The address the QR code opens: the help page in that language. */
    public String helpUrl(String language) {
        return baseUrl + "/help/" + language;
    }

    /** An A4 portrait poster. */
    public byte[] poster(String language) {
        HelpTexts.Help help = help(language);
        StringBuilder body = new StringBuilder()
                .append("<h1>").append(escape(help.get("title"))).append("</h1>")
                .append("<p class=\"intro\">").append(escape(help.get("intro"))).append("</p>");
        now(help, body);
        qr(help, body);
        return render(help, POSTER_STYLE, body);
    }

    /** A pocket card, 85 mm by 55 mm: the title, the intro and the QR code on the front, the numbers on the back. */
    public byte[] card(String language) {
        HelpTexts.Help help = help(language);
        StringBuilder body = new StringBuilder("<div class=\"front\">");
        qr(help, body);
        body.append("<h1>").append(escape(help.get("title"))).append("</h1>")
                .append("<p class=\"intro\">").append(escape(help.get("intro"))).append("</p></div>")
                .append("<div class=\"back\">");
        now(help, body);
        body.append("</div>");
        return render(help, CARD_STYLE, body);
    }

    private HelpTexts.Help help(String language) {
        return texts.in(language).orElseThrow(() -> new NotFoundException("printed materials", language));
    }

    private static void now(HelpTexts.Help help, StringBuilder body) {
        body.append("<h2>").append(escape(help.get("now.title"))).append("</h2><ul>");
        for (int i = 1; i <= 5; i++) {
            String line = help.get("now." + i);
            if (!line.isBlank()) {
                body.append("<li>").append(NUMBERS.matcher(escape(line)).replaceAll(
                        "<strong class=\"number\">$1</strong>")).append("</li>");
            }
        }
        body.append("</ul>");
    }

    private void qr(HelpTexts.Help help, StringBuilder body) {
        String url = helpUrl(help.language());
        body.append("<div class=\"qr\"><img src=\"data:image/png;base64,").append(QrCodes.png(url, MODULE_PIXELS))
                .append("\" alt=\"").append(escape(url)).append("\"/><div class=\"url\">").append(escape(url))
                .append("</div></div>");
    }

    private static byte[] render(HelpTexts.Help help, String style, StringBuilder body) {
        return XhtmlPdf.render(help.language(), help.get("title"), help.get("intro"), style, body.toString());
    }
}
