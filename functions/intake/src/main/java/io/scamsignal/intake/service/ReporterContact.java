package io.scamsignal.intake.service;

import java.time.Instant;

/**
 * Personal data of one report, stored apart from its scam fields and expiring with it.
 *
 * @param reporterFingerprint          the keyed e-mail fingerprint, kept (only when an e-mail was given) so
 *                                     that an erasure request finds the reporter's items by a query
 * @param lawEnforcementContactConsent the reporter agreed that their contact details go into a
 *                                     ring's referral packet for law enforcement
 */
public record ReporterContact(String reportId, String email, String name, boolean contactConsent, String sourceIp,
                              String userAgent, Instant expiresAt, String reporterFingerprint,
                              boolean lawEnforcementContactConsent) {

    public ReporterContact(String reportId, String email, String name, boolean contactConsent, String sourceIp,
                           String userAgent, Instant expiresAt) {
        this(reportId, email, name, contactConsent, sourceIp, userAgent, expiresAt, null, false);
    }

    @Override
    public String toString() {
        return "ReporterContact[reportId=" + reportId + ", redacted]";
    }
}
