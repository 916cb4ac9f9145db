package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.waymark.documents.DocumentMarks;
import org.waymark.documents.PdfTemplates;

/**
 * The PDF prints what was pasted into the package, however odd, and names in their own script;
 * every page says what the document is.
 */
class PackagePdfTest {

    @Test
    void charactersThatXmlCannotHoldDoNotStopThePdf() throws IOException {
        PackageDocument document = new PackageDocument("NRM referral package", false, List.of(new PackageDocument.Section(
                "account", "The person’s account", List.of(new PackageDocument.Row("Background",
                        "Pasted from a message \uFFFE with a stray \uD800 half, <b>tags</b> & Нина Тодорова")))));

        String text;
        try (PDDocument pdf = Loader.loadPDF(new PackagePdf(messages()).render(document))) {
            text = new PDFTextStripper().getText(pdf);
        }

        assertThat(text).contains("The person’s account", "Pasted from a message", "<b>tags</b> & Нина Тодорова");
    }

    @Test
    void everyPageOfADraftSaysDraftAndTheMarkingAtItsTopAndFoot() throws IOException {
        List<String> pages = pages(new PackagePdf(messages()).render(longPackage(true)));

        assertThat(pages).hasSizeGreaterThan(2).allSatisfy(page -> {
            assertThat(page).contains("DRAFT").doesNotContain("DEMO");
            assertThat(page.split("OFFICIAL-SENSITIVE", -1)).as("the marking at the top and the foot").hasSize(3);
        });
    }

    @Test
    void aSubmittedPackageIsNotMarkedDraftButStillCarriesTheMarking() throws IOException {
        List<String> pages = pages(new PackagePdf(messages()).render(longPackage(false)));

        assertThat(pages).hasSizeGreaterThan(2).allSatisfy(page -> assertThat(page).doesNotContain("DRAFT")
                .contains("OFFICIAL-SENSITIVE"));
    }

    @Test
    void theMarkingIsTheOneTheDeploymentSetsAndTheDemoSaysDemo() throws IOException {
        PackagePdf pdf = new PackagePdf(PdfTemplates.standalone(messages(), new DocumentMarks("OFFICIAL", true)));

        List<String> pages = pages(pdf.render(longPackage(false)));

        assertThat(pages).hasSizeGreaterThan(2).allSatisfy(page -> {
            assertThat(page).contains("DEMO").doesNotContain("DRAFT", "OFFICIAL-SENSITIVE");
            assertThat(page.split("OFFICIAL", -1)).as("the marking at the top and the foot").hasSize(3);
        });
    }

    /** A package of many sections, long enough to run over several pages. */
    private static PackageDocument longPackage(boolean draft) {
        List<PackageDocument.Section> sections = new ArrayList<>();
        IntStream.rangeClosed(1, 12).forEach(i -> sections.add(new PackageDocument.Section("section" + i,
                "Section " + i, IntStream.rangeClosed(1, 6).mapToObj(j -> new PackageDocument.Row("Answer " + j,
                        "What was seen and said, written out at some length so that the package runs on.")).toList())));
        return new PackageDocument("NRM referral package", draft, sections);
    }

    /** The text of each page. */
    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        return messages;
    }
}
