package com.switchboard.web;

import java.util.ArrayList;
import java.util.List;

import com.switchboard.rules.DomainException.FieldProblem;
import com.switchboard.rules.MalformedInput;

/**
 * An API body that leaves out a field the call needs is a malformed request (400), unlike a value
 * the rules refuse (422): the contract of API.md.
 */
public final class RequiredFields {

    private RequiredFields() {
    }

    /** @param namesAndValues field name, value, field name, value… */
    public static void check(Object... namesAndValues) {
        List<FieldProblem> missing = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                missing.add(new FieldProblem((String) namesAndValues[i], "validation.required"));
            }
        }
        if (!missing.isEmpty()) {
            throw new MalformedInput("request.invalid", missing);
        }
    }
}
