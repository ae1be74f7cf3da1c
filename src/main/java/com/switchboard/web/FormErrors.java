package com.switchboard.web;

import com.switchboard.rules.DomainException;

import org.springframework.validation.BindingResult;

/** Puts a broken rule next to the field it belongs to, or on top of the form when it has none. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(DomainException e, BindingResult result) {
        if (e.fieldProblems().isEmpty()) {
            result.reject(e.code(), e.args(), null);
            return;
        }
        for (DomainException.FieldProblem problem : e.fieldProblems()) {
            if (result.hasFieldErrors(problem.field())) {
                // The value typed could not even be read (typeMismatch): that error already says what to fix.
                continue;
            }
            if (result.getFieldType(problem.field()) != null || hasField(result, problem.field())) {
                result.rejectValue(problem.field(), problem.code(), problem.args(), null);
            } else {
                result.reject(problem.code(), problem.args(), null);
            }
        }
    }

    private static boolean hasField(BindingResult result, String field) {
        try {
            result.getFieldValue(field);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
