package org.waymark.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A controller of HTML pages. The advice that gives every page what its layout needs applies
 * to these only: {@code @Controller} alone would take in the JSON API's controllers as well
 * ({@code @RestController} is one), which would then work out a model for every request and
 * never use it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {
}
