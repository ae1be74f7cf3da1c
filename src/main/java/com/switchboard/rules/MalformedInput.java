package com.switchboard.rules;

import java.util.List;

/** The input cannot even be judged: a page number, page size, sort or filter that is not one, a body that cannot be read. */
public final class MalformedInput extends DomainException {

    public MalformedInput(String code, Object... args) {
        super(code, List.of(), args);
    }

    public MalformedInput(String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code, fieldProblems, args);
    }

    /** A value the rule refuses, pinned to the field it belongs to. */
    public static MalformedInput field(String field, String code, Object... args) {
        return new MalformedInput(code, List.of(new FieldProblem(field, code, args)), args);
    }

    @Override
    public MalformedInput withFieldProblems(List<FieldProblem> problems) {
        return new MalformedInput(code(), problems, args());
    }
}
