package io.scamsignal.intake.service;

import java.time.Instant;

/** Personal data of one report, stored apart from its scam fields and expiring with it. */
public record ReporterContact(String reportId, String email, String name, boolean contactConsent, String sourceIp,
                              String userAgent, Instant expiresAt) {

    @Override
    public String toString() {
        return "ReporterContact[reportId=" + reportId + ", redacted]";
    }
}
