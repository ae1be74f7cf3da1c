package com.switchboard.rules;

import java.util.List;

/** The signed-in admin's role does not allow it. */
public final class NotPermitted extends DomainException {

    public NotPermitted(String code, Object... args) {
        super(code, List.of(), args);
    }

    public NotPermitted(String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code, fieldProblems, args);
    }

    /** A value the rule refuses, pinned to the field it belongs to. */
    public static NotPermitted field(String field, String code, Object... args) {
        return new NotPermitted(code, List.of(new FieldProblem(field, code, args)), args);
    }

    @Override
    public NotPermitted withFieldProblems(List<FieldProblem> problems) {
        return new NotPermitted(code(), problems, args());
    }
}
