package org.goldenthread.infra.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of an endpoint, checked by {@link ProgrammeAccess} before anything else is done. An endpoint
 * without one is refused to everybody (and fails the role × endpoint matrix test).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {
    Rule value();
}
