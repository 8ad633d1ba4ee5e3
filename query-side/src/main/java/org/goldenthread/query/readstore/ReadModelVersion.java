package org.goldenthread.query.readstore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of a projection's documents. Raise it whenever the documents change shape (their ids, their fields):
 * a read store written under another version is rebuilt from the events at start (its processor is reset and
 * replays), so no view ever reads documents of a shape it does not know. A projection without it is version 1.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModelVersion {
    int value();
}
