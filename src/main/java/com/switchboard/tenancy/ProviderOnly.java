package com.switchboard.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler (or every handler of a controller) that only a provider admin may call: one interceptor
 * checks it before the handler runs and answers anyone else as {@link CustomerScope#requireProvider()} does.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ProviderOnly {
}
