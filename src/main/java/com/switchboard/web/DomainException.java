package com.switchboard.web;

import java.util.List;

/**
 * A broken business rule. It carries a stable code, which is also the message key, and the
 * arguments of the message; never an HTTP type or English text. The advices turn it into a
 * problem detail (API) or a form error (pages).
 */
public class DomainException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, UNPROCESSABLE }

    private final Kind kind;
    private final String code;
    private final transient Object[] args;
    private final List<FieldProblem> fieldProblems;

    public DomainException(Kind kind, String code, Object... args) {
        this(kind, code, List.of(), args);
    }

    public DomainException(Kind kind, String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code);
        this.kind = kind;
        this.code = code;
        this.args = args;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static DomainException notFound(String code, Object... args) {
        return new DomainException(Kind.NOT_FOUND, code, args);
    }

    public static DomainException conflict(String code, Object... args) {
        return new DomainException(Kind.CONFLICT, code, args);
    }

    public static DomainException forbidden(String code, Object... args) {
        return new DomainException(Kind.FORBIDDEN, code, args);
    }

    /** A value the rule refuses, pinned to the field it belongs to. */
    public static DomainException field(Kind kind, String field, String code, Object... args) {
        return new DomainException(kind, code, List.of(new FieldProblem(field, code, args)), args);
    }

    public Kind kind() {
        return kind;
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

    /** One field's problem: the field name as the client sent it, a code and its message arguments. */
    public record FieldProblem(String field, String code, Object... args) {
    }
}
