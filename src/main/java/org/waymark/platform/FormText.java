package org.waymark.platform;

import java.beans.PropertyEditorSupport;
import java.util.Arrays;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.PropertyValue;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;
import org.waymark.shared.PageController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A control character in a field of a page's form (a vertical tab pasted from a word processor,
 * say) is an error against that field, whatever the field holds (text, a choice, an id, a
 * number): the form comes back with the GOV.UK error summary and what was typed, the invisible
 * characters taken out, to check and send again. Nothing typed is lost, and nothing is saved
 * until it is sent without them. {@link ControlCharacters} lets such a form through to here;
 * everything else it refuses itself.
 */
@ControllerAdvice(annotations = PageController.class)
class FormText {

    static final String ERROR = "form.controlCharacters";

    /** A parameter a page's method takes on its own, not in a form: the error page, as the filter gives. */
    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new TextEditor());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void parameter(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (e.getCause() instanceof Refused) {
            request.setAttribute(ErrorPages.TEXT, ControlCharacters.MESSAGE + ".text");
        }
        // Otherwise a number or id that is none, which no page sends: the error page of a bad request.
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    /**
     * A form sent with a row no page offers (such as conditions[-1] or an index past the rows a list
     * may grow to): a bad request, never a fault of Waymark's.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    void row(HttpServletResponse response) throws Exception {
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

    /**
     * Every form's binder. Each field is looked at as sent, before it is converted: Spring trims an
     * enum, a number or a yes/no before reading it, so a control character there would otherwise
     * pass unseen. The field then holds what is shown, so that the form's own checks judge that
     * rather than add a second error to it. A parameter that is no field of the form is not
     * bound, so it is left to whatever reads it (see {@link TextEditor}).
     */
    static final class Binder extends ExtendedServletRequestDataBinder {

        Binder(Object target, String objectName) {
            super(target, objectName);
        }

        /** Spring's own, but putting a rule of the domain on the field it concerns. */
        @Override
        protected AbstractPropertyBindingResult createBeanPropertyBindingResult() {
            FormErrors errors = new FormErrors(getTarget(), getObjectName(), isAutoGrowNestedPaths(),
                    getAutoGrowCollectionLimit());
            if (getConversionService() != null) {
                errors.initConversion(getConversionService());
            }
            return errors;
        }

        @Override
        protected void doBind(MutablePropertyValues values) {
            for (PropertyValue value : values.getPropertyValues()) {
                Object shown = value.getValue() instanceof String text && ControlCharacters.anyIn(text) ? without(text)
                        : value.getValue() instanceof String[] texts && Arrays.stream(texts).anyMatch(ControlCharacters::anyIn)
                                ? Arrays.stream(texts).map(FormText::without).toArray(String[]::new) : null;
                if (shown != null && getPropertyAccessor().isWritableProperty(value.getName())) {
                    values.add(value.getName(), shown);
                    getBindingResult().addError(new FieldError(getObjectName(), value.getName(), shown, true,
                            getBindingResult().resolveMessageCodes(ERROR, value.getName()), null,
                            "text holds a control character"));
                }
            }
            super.doBind(values);
        }
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
}
