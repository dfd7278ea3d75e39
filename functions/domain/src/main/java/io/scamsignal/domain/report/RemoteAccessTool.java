package io.scamsignal.domain.report;

/** A remote-access tool the scammer had the victim install; {@code id} may be null. */
public record RemoteAccessTool(String tool, String id) {
}
