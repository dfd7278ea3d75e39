package io.scamsignal.domain.report;

import java.util.List;

public sealed interface ValidationResult {

    record Valid(ReportSubmission submission) implements ValidationResult {
    }

    record Invalid(List<FieldError> errors) implements ValidationResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
