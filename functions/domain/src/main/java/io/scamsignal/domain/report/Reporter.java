package io.scamsignal.domain.report;

/** Personal data of the person who reported: kept apart from the scam fields, never in alerts or logs. */
public record Reporter(String email, String name, boolean contactConsent) {

    public static Reporter anonymous() {
        return new Reporter(null, null, false);
    }

    public boolean isEmpty() {
        return email == null && name == null && !contactConsent;
    }

    @Override
    public String toString() {
        return "Reporter[redacted]";
    }
}
