package com.switchboard.user;

import java.io.Serializable;

/** The id of a user (a person who gets phones and numbers). */
public record UserId(long value) implements Serializable {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
