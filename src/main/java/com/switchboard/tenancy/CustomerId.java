package com.switchboard.tenancy;

import java.io.Serializable;

/** The id of a customer (tenant); every customer-scoped object carries one. */
public record CustomerId(long value) implements Serializable {

    public CustomerId {
        if (value <= 0) {
            throw new IllegalArgumentException("A customer id is positive");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
