package org.waymark.awareness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.waymark.shared.NotFoundException;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/** Every poster and card, read back as a passenger would: the words, the numbers, and the QR code scanned. */
class PrintedMaterialsTest {

    private static final HelpTexts TEXTS = new HelpTexts();
    private final PrintedMaterials materials = new PrintedMaterials(TEXTS, "https://waymark.example");

    static Stream<String> languages() {
        return PrintedMaterials.LANGUAGES.stream();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void thePosterIsOnePageWithTheTitleTheNumbersAndAWorkingQrCode(String language) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(materials.poster(language))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertReadable(pdf, language);
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theCardHasAFrontAndABackWithTheTitleTheNumbersAndAWorkingQrCode(String language) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(materials.card(language))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(85 / 25.4f * 72, offset(1f));
            assertThat(pdf.getPage(0).getMediaBox().getHeight()).isCloseTo(55 / 25.4f * 72, offset(1f));
            assertReadable(pdf, language);
            PDFTextStripper back = new PDFTextStripper();
            back.setStartPage(2);
            back.setEndPage(2);
            assertThat(oneLine(back.getText(pdf))).contains("999", "101", "08000 121 700", "0800 555 111");
        }
    }

    @Test
    void anUnknownLanguageIsNotFound() {
        assertThatThrownBy(() -> materials.poster("xx")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> materials.card("xx")).isInstanceOf(NotFoundException.class);
    }

    /** The renderer lays right-to-left words out left to right (ADR 0036): no poster rather than a broken one. */
    @Test
    void theLanguagesWrittenRightToLeftAreNotPrinted() {
        assertThat(PrintedMaterials.LANGUAGES).hasSize(HelpTexts.LANGUAGES.size() - 2).doesNotContain("ar", "ckb");
        for (String language : HelpTexts.RIGHT_TO_LEFT) {
            assertThatThrownBy(() -> materials.poster(language)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> materials.card(language)).isInstanceOf(NotFoundException.class);
        }
    }

    private static void assertReadable(PDDocument pdf, String language) throws Exception {
        HelpTexts.Help help = TEXTS.in(language).orElseThrow();
        String text = oneLine(new PDFTextStripper().getText(pdf));
        assertThat(text).contains(oneLine(help.get("title")), "08000 121 700", "https://waymark.example/help/" + language);
        BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 200);
        String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(page)))).getText();
        assertThat(scanned).isEqualTo("https://waymark.example/help/" + language);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
