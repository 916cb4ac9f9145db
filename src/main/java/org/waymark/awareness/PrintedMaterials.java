package org.waymark.awareness;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * print as written. Not in the languages written right to left (Arabic, Sorani): the PDF renderer
 * lays their words out left to right (ADR 0036), and a poster that a passenger cannot read is
 * worse than none.
 */
@Component
public class PrintedMaterials {

    /** The languages of the help that print as written: all but those written right to left. */
    public static final List<String> LANGUAGES = HelpTexts.LANGUAGES.stream()
            .filter(language -> !HelpTexts.RIGHT_TO_LEFT.contains(language)).toList();

    /** Pixels per QR module in the PNG: enough to stay sharp however the PDF viewer scales it. */
    private static final int MODULE_PIXELS = 10;

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
        HelpTexts.Help help = texts.in(language).filter(found -> LANGUAGES.contains(found.language()))
                .orElseThrow(() -> new NotFoundException("printed materials", language));
        String url = helpUrl(help.language());
        List<List<PhoneNumbers.Piece>> lines = IntStream.rangeClosed(1, 5).mapToObj(i -> help.get("now." + i))
                .filter(line -> !line.isBlank()).map(PhoneNumbers::pieces).toList();
        return pdfs.render(template, Map.of("help", help, "lines", lines, "url", url,
                "qrCode", QrCodes.pngDataUri(url, MODULE_PIXELS)), Locale.forLanguageTag(help.language()));
    }
}
