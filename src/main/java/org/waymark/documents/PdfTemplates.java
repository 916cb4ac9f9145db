package org.waymark.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * PDFs from the Thymeleaf templates under {@code templates/pdf/}: tagged for screen readers
 * (PDF/UA), with DejaVu Sans embedded so that Cyrillic, Turkish or Vietnamese print as written.
 * Each template takes its head from {@code pdf/document :: head}, which holds the one print
 * stylesheet, {@code templates/pdf/print.css}. PDF/UA refuses a font that is not embedded, so
 * the stylesheet names DejaVu Sans for all text, page margins too. A document's body starts
 * with {@code pdf/document :: marks(draft)}: the {@link DocumentMarks} at the top and the foot of
 * every page.
 */
@Component
public class PdfTemplates {

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String STYLESHEET = "/templates/pdf/print.css";

    private final ITemplateEngine templates;
    private final DocumentMarks marks;
    /** Inlined in each PDF's head: the renderer has no address to fetch a stylesheet from. */
    private final String stylesheet;

    /** With the application's template engine, its messages and its template cache. */
    public PdfTemplates(ITemplateEngine templates, DocumentMarks marks) {
        this.templates = templates;
        this.marks = marks;
        this.stylesheet = read(STYLESHEET);
    }

    /** Outside the application, as in a unit test: {@link #standalone(MessageSource)} with the messages bundle. */
    public static PdfTemplates standalone() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        return standalone(messages);
    }

    /**
     * Outside the application, as in a unit test: an engine of its own reads the same templates
     * from the class path, with these messages.
     */
    public static PdfTemplates standalone(MessageSource messages) {
        return standalone(messages, new DocumentMarks(null, false));
    }

    /** Outside the application, with these messages and these marks on every page. */
    public static PdfTemplates standalone(MessageSource messages, DocumentMarks marks) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return new PdfTemplates(engine, marks);
    }

    /** The PDF of {@code templates/pdf/<template>.html} with the model, its messages in the locale given. */
    public byte[] render(String template, Map<String, ?> model, Locale locale) {
        Context context = new Context(locale);
        model.forEach(context::setVariable);
        context.setVariable("printStylesheet", stylesheet);
        context.setVariable("documentMarks", marks);
        String html = withoutCharactersXmlCannotHold(templates.process("pdf/" + template, context));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> PdfTemplates.class.getResourceAsStream(FONTS + "DejaVuSans.ttf"), "DejaVu Sans",
                    400, FontStyle.NORMAL, true);
            builder.useFont(() -> PdfTemplates.class.getResourceAsStream(FONTS + "DejaVuSans-Bold.ttf"),
                    "DejaVu Sans", 700, FontStyle.NORMAL, true);
            // The renderer reads XML: jsoup reads the HTML as a browser would and hands it over as a DOM.
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The markup with each character that XML cannot hold (half of a surrogate pair, U+FFFE, a
     * control character), as pasted text may carry, shown as U+FFFD: the renderer would leave it
     * out without a trace, and the reader should see that something could not be printed there.
     * Thymeleaf escapes markup, not these.
     */
    private static String withoutCharactersXmlCannotHold(String markup) {
        StringBuilder safe = new StringBuilder(markup.length());
        markup.codePoints().forEach(c -> safe.appendCodePoint(allowedInXml(c) ? c : '\uFFFD'));
        return safe.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    private static String read(String resource) {
        try (InputStream in = PdfTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
