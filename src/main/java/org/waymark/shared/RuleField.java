package org.waymark.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a field of a page's form: the names by which the domain's rules call what this field holds,
 * where neither the field's own name nor the last part of the rule's name ({@code age} of
 * {@code person.age}) says it. A {@link RuleViolationException} naming one of them is shown
 * against this field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface RuleField {

    String[] value();
}
