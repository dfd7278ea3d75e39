package io.scamsignal.domain.report;

/**
 * Personal data of the person who reported: kept apart from the scam fields, never in alerts or
 * logs. {@code lawEnforcementContactConsent}: they agreed that their contact details go into a
 * referral packet for law enforcement; nobody else's do.
 */
public record Reporter(String email, String name, boolean contactConsent, boolean lawEnforcementContactConsent) {

    public Reporter(String email, String name, boolean contactConsent) {
        this(email, name, contactConsent, false);
    }

    public static Reporter anonymous() {
        return new Reporter(null, null, false, false);
    }

    public boolean isEmpty() {
        return email == null && name == null && !contactConsent && !lawEnforcementContactConsent;
    }

    @Override
    public String toString() {
        return "Reporter[redacted]";
    }
}
