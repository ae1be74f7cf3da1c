package com.switchboard.rules;

import java.util.List;

/** The object does not exist, or belongs to another customer (which must look the same). */
public final class NotFound extends DomainException {

    public NotFound(String code, Object... args) {
        super(code, List.of(), args);
    }

    public NotFound(String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code, fieldProblems, args);
    }

    /** A value the rule refuses, pinned to the field it belongs to. */
    public static NotFound field(String field, String code, Object... args) {
        return new NotFound(code, List.of(new FieldProblem(field, code, args)), args);
    }

    @Override
    public NotFound withFieldProblems(List<FieldProblem> problems) {
        return new NotFound(code(), problems, args());
    }
}
