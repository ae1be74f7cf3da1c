package com.switchboard.rules;

import java.util.List;

/**
 * A broken business rule. It carries a stable code, which is also the message key, and the
 * arguments of the message; never an HTTP type or English text. What went wrong is said by the
 * subclass ({@link NotFound}, {@link NotPermitted}, {@link Conflict}, {@link Refused},
 * {@link MalformedInput}); the web layer alone decides how each is answered.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, NotPermitted, Conflict, Refused, MalformedInput {

    private final String code;
    private final transient Object[] args;
    private final List<FieldProblem> fieldProblems;

    DomainException(String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** The same kind of failure, with these field problems instead (a form names its fields its own way). */
    public abstract DomainException withFieldProblems(List<FieldProblem> problems);

    /** The same failure pinned to one field. */
    public DomainException onField(String field) {
        return withFieldProblems(List.of(new FieldProblem(field, code, args)));
    }

    /** One field's problem: the field name as the client sent it, a code and its message arguments. */
    public record FieldProblem(String field, String code, Object... args) {
    }
}
