package org.waymark.awareness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.waymark.documents.PdfTemplates;
import org.waymark.documents.QrCodes;
import org.waymark.platform.PublicAddress;
import org.waymark.shared.NotFoundException;

/**
 * The help for passengers on paper (templates/pdf/poster and card): an A4 poster and a two-sided
 * pocket card in each language, with the numbers to call and a QR code that opens the help page
 * in that language. PDF/UA, with DejaVu Sans embedded so that Cyrillic, Turkish and Vietnamese
 * print as written.
 */
@Component
public class PrintedMaterials {

    /** The numbers a passenger should see first, longest first so that none is cut in two. */
    private static final Pattern NUMBERS = Pattern.compile("(?<!\\d)(08000 121 700|0800 555 111|999|101)(?!\\d)");
    /** Pixels per QR module in the PNG: enough to stay sharp however the PDF viewer scales it. */
    private static final int MODULE_PIXELS = 10;

    /** A piece of a line of help: a number to call, printed in bold and never broken, or the words around it. */
    record Piece(String text, boolean number) {
    }

    private final HelpTexts texts;
    private final PdfTemplates pdfs;
    private final PublicAddress address;

    @Autowired
    public PrintedMaterials(HelpTexts texts, PdfTemplates pdfs, PublicAddress address) {
        this.texts = texts;
        this.pdfs = pdfs;
        this.address = address;
    }

    /** Outside the application, as in a unit test: the templates read with the messages on the class path. */
    public PrintedMaterials(HelpTexts texts, String baseUrl) {
        this(texts, PdfTemplates.standalone(), new PublicAddress(baseUrl));
    }

    /**
     * The address the QR code opens: the help page in that language, at Waymark's address
     * (ADR 0033), which materials are always made in a request to know.
     */
    public String helpUrl(String language) {
        return address.current().orElseThrow(() -> new IllegalStateException(
                "no address for the QR code outside a request: set WAYMARK_BASE_URL")) + "/help/" + language;
    }

    /** An A4 portrait poster. */
    public byte[] poster(String language) {
        return render("poster", language);
    }

    /** A pocket card, 85 mm by 55 mm: the title, the intro and the QR code on the front, the numbers on the back. */
    public byte[] card(String language) {
        return render("card", language);
    }

    private byte[] render(String template, String language) {
        HelpTexts.Help help = texts.in(language).orElseThrow(() -> new NotFoundException("printed materials",
                language));
        String url = helpUrl(help.language());
        List<List<Piece>> lines = IntStream.rangeClosed(1, 5).mapToObj(i -> help.get("now." + i))
                .filter(line -> !line.isBlank()).map(PrintedMaterials::pieces).toList();
        return pdfs.render(template, Map.of("help", help, "lines", lines, "url", url,
                "qrCode", QrCodes.pngDataUri(url, MODULE_PIXELS)), Locale.forLanguageTag(help.language()));
    }

    /** The line cut around the numbers to call. */
    private static List<Piece> pieces(String line) {
        List<Piece> pieces = new ArrayList<>();
        Matcher number = NUMBERS.matcher(line);
        int at = 0;
        while (number.find()) {
            if (number.start() > at) {
                pieces.add(new Piece(line.substring(at, number.start()), false));
            }
            pieces.add(new Piece(number.group(1), true));
            at = number.end();
        }
        if (at < line.length()) {
            pieces.add(new Piece(line.substring(at), false));
        }
        return pieces;
    }
}
