package io.scamsignal.domain.referral;

/**
 * A reporter's contact details as intake stored them apart from the report. Only those with
 * {@code lawEnforcementContactConsent} ever reach a packet.
 */
public record ReporterContact(String reportId, String name, String email, boolean lawEnforcementContactConsent) {

    @Override
    public String toString() {
        return "ReporterContact[" + reportId + ", redacted]";
    }
}
