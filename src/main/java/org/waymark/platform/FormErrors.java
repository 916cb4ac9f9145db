package org.waymark.platform;

import java.lang.reflect.Field;
import java.util.Arrays;

import org.springframework.util.ReflectionUtils;
import org.springframework.validation.BeanPropertyBindingResult;
import org.waymark.shared.RuleField;

/**
 * The errors of a page's form, and the one place that puts a rule of the domain on the form field
 * it concerns. A rule names its field as the API does ({@code person.age}, {@code consent.at},
 * {@code scheduled}); a form shows it against the field that takes that name by
 * {@link RuleField}, else its field of that name, else its field named as the
 * last part ({@code age}); a rule about something the form does not hold is a problem of the
 * whole form. So a controller puts any rule broken in the service with
 * {@code errors.rejectValue(e.field(), e.messageCode())}, and a name the form does not know
 * never becomes an error page.
 */
class FormErrors extends BeanPropertyBindingResult {

    FormErrors(Object target, String objectName, boolean autoGrowNestedPaths, int autoGrowCollectionLimit) {
        super(target, objectName, autoGrowNestedPaths, autoGrowCollectionLimit);
    }

    @Override
    public void rejectValue(String field, String errorCode, Object[] errorArgs, String defaultMessage) {
        String shown = formField(field);
        if (shown == null) {
            reject(errorCode, errorArgs, defaultMessage);
        } else {
            super.rejectValue(shown, errorCode, errorArgs, defaultMessage);
        }
    }

    private String formField(String rule) {
        if (rule == null || rule.isEmpty() || getTarget() == null) {
            return null;
        }
        String[] taking = { null };
        ReflectionUtils.doWithFields(getTarget().getClass(), field -> taking[0] = field.getName(),
                field -> taking[0] == null && takes(field, rule));
        if (taking[0] != null) {
            return taking[0];
        }
        if (getPropertyAccessor().isReadableProperty(rule)) {
            return rule;
        }
        String last = rule.substring(rule.lastIndexOf('.') + 1);
        return getPropertyAccessor().isReadableProperty(last) ? last : null;
    }

    private static boolean takes(Field field, String rule) {
        RuleField names = field.getAnnotation(RuleField.class);
        return names != null && Arrays.asList(names.value()).contains(rule);
    }
}
