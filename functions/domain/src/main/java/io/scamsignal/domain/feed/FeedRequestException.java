package io.scamsignal.domain.feed;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A feed request the server must refuse with 400: a stable code for clients, and an English or
 * German message (messages*.properties beside this class) for people.
 */
public final class FeedRequestException extends RuntimeException {

    public enum Code {
        INVALID_ADDED_AFTER("invalid_added_after"),
        INVALID_LIMIT("invalid_limit"),
        INVALID_MATCH_ID("invalid_match_id"),
        INVALID_MATCH_TYPE("invalid_match_type"),
        INVALID_MATCH_VERSION("invalid_match_version"),
        INVALID_NEXT("invalid_next"),
        INVALID_SINCE("invalid_since");

        private final String wire;

        Code(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private final Code code;
    private final String value;

    public FeedRequestException(Code code, String value) {
        super(code.wire() + ": " + value);
        this.code = code;
        this.value = value;
    }

    public Code code() {
        return code;
    }

    /** The offending value, for logs; a partner's own request parameter, never a reporter's data. */
    public String value() {
        return value;
    }

    public String message(Locale locale) {
        return ResourceBundle.getBundle("io.scamsignal.domain.feed.messages", locale).getString(code.wire());
    }
}
