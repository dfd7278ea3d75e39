package io.scamsignal.intake.service;

/** What the intake needs of an HTTP request, free of API Gateway types. */
public record IntakeRequest(byte[] body, String contentType, String acceptLanguage, String idempotencyKey,
                            String sourceIp, String userAgent, String requestId) {
}
