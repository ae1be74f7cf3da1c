package com.switchboard.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page handler's {@link CustomerId} argument: the customer the pages act in (a customer admin's
 * own, or the one a provider admin picked). A provider admin who has not picked one is asked to.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Acting {
}
