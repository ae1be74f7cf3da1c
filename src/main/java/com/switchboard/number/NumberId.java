package com.switchboard.number;

import java.io.Serializable;

/** The id of a phone number of a customer. */
public record NumberId(long value) implements Serializable {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
