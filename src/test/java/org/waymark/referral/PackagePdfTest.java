package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The PDF prints what was pasted into the package, however odd, and names in their own script. */
class PackagePdfTest {

    @Test
    void charactersThatXmlCannotHoldDoNotStopThePdf() throws IOException {
        PackageDocument document = new PackageDocument("NRM referral package", List.of(new PackageDocument.Section(
                "account", "The person’s account", List.of(new PackageDocument.Row("Background",
                        "Pasted from a message \uFFFE with a stray \uD800 half, <b>tags</b> & Нина Тодорова")))));

        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        String text;
        try (PDDocument pdf = Loader.loadPDF(new PackagePdf(messages).render(document))) {
            text = new PDFTextStripper().getText(pdf);
        }

        assertThat(text).contains("The person’s account", "Pasted from a message", "<b>tags</b> & Нина Тодорова");
    }
}
