package org.waymark.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class the build runs twice, on H2 and on PostgreSQL (the Surefire execution
 * {@code postgres} selects this tag); its database comes from {@link TestDatabases#inUse}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(OnBothDatabases.TAG)
public @interface OnBothDatabases {

    String TAG = "both-databases";
}
