package org.waymark.platform;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.waymark.shared.PageController;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Refuses text holding a control character other than tab, line feed and carriage return: NUL,
 * which PostgreSQL cannot store, and the other C0 characters, which no person types, which XML
 * 1.0 forbids (so they would break the report PDF and the print views) and which are more often
 * an attack or a broken copy than text; and the characters that override the direction of text,
 * which make it read otherwise than it was written. One rule, checked where text comes in decoded: this
 * filter for the path and every parameter (query, form and multipart fields), before Spring
 * Security reads any of them, and {@link Json} for every string of a JSON body. The answer is a
 * 400, problem JSON in the API (and to a page's script, answered by a {@code @RestController}) and
 * the error page for people, before anything is read or stored;
 * a page's form that shows errors against its fields gets the form back instead, with the
 * typed text kept ({@link FormText}).
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class ControlCharacters extends OncePerRequestFilter {

    /** The text of the refusal, for the API and the error page. */
    static final String MESSAGE = "error.controlCharacter";
    /** The text of the refusal of half a surrogate pair. */
    static final String BROKEN = "error.brokenCharacter";

    private final ProblemResponses problems;
    private final MessageSource messages;
    /** Looked up when first needed: the filters are made before Spring MVC. */
    private final ObjectProvider<RequestMappingHandlerMapping> pages;

    ControlCharacters(ProblemResponses problems, MessageSource messages,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> pages) {
        this.problems = problems;
        this.messages = messages;
        this.pages = pages;
    }

    /**
     * Whether the text holds a character this class refuses, a control character or one that
     * overrides the direction of text ({@link PlainText#overridesDirection}); no text holds none.
     */
    static boolean anyIn(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || PlainText.overridesDirection(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String field = refusedField(request);
        HandlerMethod handler = field == null || "path".equals(field) ? null : handlerOf(request);
        if (field == null || answeredByAFormWithErrors(request, handler)) {
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith("/api/")
                || handler != null && AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)) {
            String message = messages.getMessage(MESSAGE, null, Locale.UK);
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, message, request);
            problem.setProperty("errors", List.of(new ApiExceptionHandler.FieldProblem(field, message)));
            problems.write(response, problem);
        } else {
            request.setAttribute(ErrorPages.TEXT, MESSAGE + ".text");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    /**
     * Whether a page's form takes the request and can show an error against each of its fields: a
     * POST to a page controller's method that is given the form's {@link BindingResult}. Anything
     * else (the API, a page's query, a form Spring Security reads, such as the sign-in) is refused
     * here.
     */
    private static boolean answeredByAFormWithErrors(HttpServletRequest request, HandlerMethod handler) {
        return handler != null && "POST".equals(request.getMethod()) && !request.getRequestURI().startsWith("/api/")
                && AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PageController.class)
                && Arrays.stream(handler.getMethodParameters())
                        .anyMatch(parameter -> BindingResult.class.isAssignableFrom(parameter.getParameterType()));
    }

    /** The controller method that would take the request, if any. */
    private HandlerMethod handlerOf(HttpServletRequest request) {
        RequestPath parsedBefore = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        try {
            ServletRequestPathUtils.parseAndCache(request);
            HandlerExecutionChain found = pages.getObject().getHandler(request);
            return found != null && found.getHandler() instanceof HandlerMethod method ? method : null;
        } catch (Exception noHandler) {
            return null;
        } finally {
            ServletRequestPathUtils.setParsedRequestPath(parsedBefore, request);
        }
    }

    /** The path, or the first parameter, that holds a refused character; null when none does. */
    private static String refusedField(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (anyIn(path)) {
            return "path";
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (anyIn(parameter.getKey())) {
                return "parameter name";
            }
            for (String value : parameter.getValue()) {
                if (anyIn(value)) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    /**
     * Whether the text holds half of a surrogate pair on its own: no character at all, which a
     * JSON escape such as {@code \ud800} can write but no database can store (it would become
     * "?"). Only JSON can carry one: a form or query is decoded from UTF-8, which cannot.
     */
    static boolean brokenIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Refuses the text of a JSON string that a person cannot have meant, before it is read as anything. */
    private static void check(String text) {
        if (anyIn(text)) {
            throw new RuleViolationException(MESSAGE, null);
        }
        if (brokenIn(text)) {
            throw new RuleViolationException(BROKEN, null);
        }
    }

    /**
     * Every string of a JSON body, as Jackson decodes it (a body may write NUL as
     * {@code \u0000}); the API names the field from the JSON path.
     */
    static class Json extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null) {
                check(text);
            }
            return text;
        }
    }

    /**
     * The other values a JSON string becomes (enums, dates, ids): Jackson trims those before
     * reading them, so {@code "CHARITY\u0007"} would pass as {@code CHARITY}; the string is checked
     * first, as text is.
     */
    static class Values extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            return new StringChecked(deserializer);
        }

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            boolean jdkValue = type.getName().startsWith("java.") && type != String.class && type != Object.class
                    && !Iterable.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type);
            return jdkValue ? new StringChecked(deserializer) : deserializer;
        }
    }

    private static final class StringChecked extends DelegatingDeserializer {

        StringChecked(ValueDeserializer<?> deserializer) {
            super(deserializer);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> deserializer) {
            return new StringChecked(deserializer);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                check(parser.getString());
            }
            return super.deserialize(parser, context);
        }
    }
}
