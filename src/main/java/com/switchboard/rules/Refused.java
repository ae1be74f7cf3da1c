package com.switchboard.rules;

import java.util.List;

/** The values break a rule of the domain: a required choice missing, a model not sold at the site, a label too long. */
public final class Refused extends DomainException {

    public Refused(String code, Object... args) {
        super(code, List.of(), args);
    }

    public Refused(String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code, fieldProblems, args);
    }

    /** A value the rule refuses, pinned to the field it belongs to. */
    public static Refused field(String field, String code, Object... args) {
        return new Refused(code, List.of(new FieldProblem(field, code, args)), args);
    }

    @Override
    public Refused withFieldProblems(List<FieldProblem> problems) {
        return new Refused(code(), problems, args());
    }
}
