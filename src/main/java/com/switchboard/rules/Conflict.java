package com.switchboard.rules;

import java.util.List;

/** The state of things refuses it: a name or address already taken, a device already assigned, a site in use. */
public final class Conflict extends DomainException {

    public Conflict(String code, Object... args) {
        super(code, List.of(), args);
    }

    public Conflict(String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code, fieldProblems, args);
    }

    /** A value the rule refuses, pinned to the field it belongs to. */
    public static Conflict field(String field, String code, Object... args) {
        return new Conflict(code, List.of(new FieldProblem(field, code, args)), args);
    }

    @Override
    public Conflict withFieldProblems(List<FieldProblem> problems) {
        return new Conflict(code(), problems, args());
    }
}
