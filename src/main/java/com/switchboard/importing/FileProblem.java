package com.switchboard.importing;

import java.util.List;

/** A problem with the file as a whole (not a CSV, empty, bad header, too big): reported before any row. */
public record FileProblem(String code, Object... args) {

    /** Thrown by the reader when the file cannot be read as an import at all. */
    public static final class Rejected extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient List<FileProblem> problems;

        public Rejected(List<FileProblem> problems) {
            super(problems.get(0).code());
            this.problems = List.copyOf(problems);
        }

        public Rejected(String code, Object... args) {
            this(List.of(new FileProblem(code, args)));
        }

        public List<FileProblem> problems() {
            return problems;
        }
    }
}
