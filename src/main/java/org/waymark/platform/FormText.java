package org.waymark.platform;

import java.beans.PropertyEditorSupport;

import org.springframework.beans.PropertyAccessException;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.waymark.shared.PageController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A control character in a field of a page's form (a vertical tab pasted from a word processor,
 * say) is an error against that field: the form comes back with the GOV.UK error summary and the
 * text as typed, the invisible characters taken out, to check and send again. Nothing typed is
 * lost, and nothing is saved until it is sent without them. {@link ControlCharacters} lets such a
 * form through to here; everything else it refuses itself.
 */
@ControllerAdvice(annotations = PageController.class)
class FormText {

    static final String ERROR = "form.controlCharacters";

    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new TextEditor());
        binder.setBindingErrorProcessor(new ShowTextWithout());
    }

    /** A parameter of its own (not a form's field) that holds one: the error page, as the filter gives. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void parameter(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (!(e.getCause() instanceof Refused)) {
            throw e; // another type mismatch: Spring's own answer
        }
        request.setAttribute(ErrorPages.TEXT, ControlCharacters.MESSAGE + ".text");
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    /** The text a person typed without the characters refused; a vertical tab or form feed was a line break. */
    static String without(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (c == '\u000B' || c == '\f') {
                kept.append('\n');
            } else if (!ControlCharacters.anyIn(String.valueOf((char) c))) {
                kept.append((char) c);
            }
        });
        return kept.toString();
    }

    private static final class Refused extends IllegalArgumentException {

        Refused() {
            super("text holds a control character");
        }
    }

    private static final class TextEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (ControlCharacters.anyIn(text)) {
                throw new Refused();
            }
            setValue(text);
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }

    /**
     * The field's error, with the text to show in the field again. The form holds that text too,
     * so that its own checks (such as "enter what happened") judge what the person sees rather
     * than add a second error to the field.
     */
    private static final class ShowTextWithout extends DefaultBindingErrorProcessor {

        @Override
        public void processPropertyAccessException(PropertyAccessException e, BindingResult result) {
            if (!(e.getCause() instanceof Refused) || !(e.getValue() instanceof String text)) {
                super.processPropertyAccessException(e, result);
                return;
            }
            String field = e.getPropertyName();
            String shown = without(text);
            if (result instanceof AbstractPropertyBindingResult form && form.getPropertyAccessor().isWritableProperty(field)) {
                form.getPropertyAccessor().setPropertyValue(field, shown);
            }
            result.addError(new FieldError(result.getObjectName(), field, shown, true,
                    result.resolveMessageCodes(ERROR, field), null, e.getLocalizedMessage()));
        }
    }
}
