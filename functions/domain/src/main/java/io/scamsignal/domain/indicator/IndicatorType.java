package io.scamsignal.domain.indicator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of scam indicator, and everything that depends on the kind, declared here once: where
 * {@link IndicatorExtractor} finds it in a report, whether it links reports into rings, its STIX
 * observable, its MISP attribute type and category, how long it stays valid, and whether the number
 * feed carries it. Every argument is required, so a new type cannot compile without a decision on
 * each; the code that acts on them (RingLinking, StixExporter, MispFeed, ExpiryRules, NumberFeed)
 * reads them from here. {@code IndicatorTypeTest} holds the extractor, the contracts and
 * docs/partners.md to the list.
 */
public enum IndicatorType {
    PHONE(List.of("scammer.phoneNumbers", "scammer.websites (tel: links, ?phone=…)", "description"),
            RingLink.ALWAYS,
            StixObservable.extension("phone-number", "extension-definition--b6739b14-d20c-4e05-8472-a2bd05e26e60",
                    "A telephone number used by a scam, in E.164 form (value), e.g. +18885550142."),
            Misp.of("phone-number", "Financial fraud"), Duration.ofDays(180), true),
    DOMAIN(List.of("scammer.websites"),
            RingLink.UNLESS_BENIGN,
            StixObservable.standard("domain-name"),
            Misp.of("domain", "Network activity"), Duration.ofDays(90), false),
    URL(List.of("scammer.websites (with a path or query)"),
            RingLink.UNLESS_ON_A_LEGITIMATE_SITE,
            StixObservable.standard("url"),
            Misp.of("url", "Network activity"), Duration.ofDays(30), false),
    EMAIL(List.of("scammer.emails"),
            RingLink.UNLESS_ON_A_LEGITIMATE_SITE_BUT_FREE_MAIL,
            StixObservable.standard("email-addr"),
            Misp.of("email-src", "Payload delivery"), Duration.ofDays(90), false),
    REMOTE_ACCESS_ID(List.of("scammer.remoteAccessTools"),
            RingLink.ALWAYS,
            StixObservable.extension("remote-access-id", "extension-definition--f2876496-98b2-49a2-ab67-5c1dbdee3d0d",
                    "The ID a remote-access tool (AnyDesk, TeamViewer, ...) shows for a machine that a scammer connects"
                            + " from, as tool:id in value, e.g. anydesk:123456789."),
            Misp.of("text", "Other"), Duration.ofDays(60), false),
    /** A cryptocurrency address; its value is {@code <chain>:<address>} (btc, eth, trx). */
    WALLET(List.of("scammer.walletAddresses"),
            RingLink.ALWAYS,
            StixObservable.extension("cryptocurrency-wallet", "extension-definition--920bb744-0a2e-4e72-b59b-c03deffd0b98",
                    "A payment account that scam victims were told to pay into: a cryptocurrency address or another"
                            + " account identifier, in value."),
            Misp.coinByAddress("Financial fraud"), Duration.ofDays(365), false);

    /** Which indicators of the type may link reports into a ring (the rule is applied by RingLinking). */
    public enum RingLink {
        /** Every one that is not allow-listed. */
        ALWAYS,
        /** Unless the value itself is a brand's or a benign site's. */
        UNLESS_BENIGN,
        /** Unless it lies on a brand's or a benign site's domain (its {@code domain} enrichment). */
        UNLESS_ON_A_LEGITIMATE_SITE,
        /** As {@link #UNLESS_ON_A_LEGITIMATE_SITE}, but a free-mail address is the scammer's own and links. */
        UNLESS_ON_A_LEGITIMATE_SITE_BUT_FREE_MAIL
    }

    /**
     * The STIX 2.1 cyber-observable: a standard SCO, or a new SCO type defined by an
     * extension-definition (with the definition's text) where STIX has none.
     */
    public record StixObservable(String type, String extensionId, String definition) {

        static StixObservable standard(String type) {
            return new StixObservable(type, null, null);
        }

        static StixObservable extension(String type, String extensionId, String definition) {
            return new StixObservable(type, extensionId, definition);
        }
    }

    /**
     * MISP's attribute type and category (describeTypes.json). {@code coinByAddress}: the coin's own
     * type (btc, xmr, dash) where the address format tells it, else {@code type}.
     */
    public record Misp(String type, String category, boolean coinByAddress) {

        static Misp of(String type, String category) {
            return new Misp(type, category, false);
        }

        static Misp coinByAddress(String category) {
            return new Misp("text", category, true);
        }
    }

    private final List<String> reportFields;
    private final RingLink ringLink;
    private final StixObservable stix;
    private final Misp misp;
    private final Duration expiry;
    private final boolean numberFeed;

    IndicatorType(List<String> reportFields, RingLink ringLink, StixObservable stix, Misp misp, Duration expiry,
                  boolean numberFeed) {
        this.reportFields = reportFields;
        this.ringLink = ringLink;
        this.stix = stix;
        this.misp = misp;
        this.expiry = expiry;
        this.numberFeed = numberFeed;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The report fields {@link IndicatorExtractor} reads indicators of this type from. */
    public List<String> reportFields() {
        return reportFields;
    }

    public RingLink ringLink() {
        return ringLink;
    }

    public StixObservable stix() {
        return stix;
    }

    public Misp misp() {
        return misp;
    }

    /** How long an indicator stays valid after its last report, unless {@code StixExpiry} says otherwise. */
    public Duration defaultExpiry() {
        return expiry;
    }

    /** Whether feeds/numbers.csv and .jsonl carry it (their columns are a phone number's). */
    public boolean inNumberFeed() {
        return numberFeed;
    }

    @JsonCreator
    static IndicatorType fromJson(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown indicator type"));
    }

    public static Optional<IndicatorType> fromWire(String value) {
        for (IndicatorType t : values()) {
            if (t.wireName().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type of a wire name that must be one. */
    public static IndicatorType ofWire(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown indicator type " + value));
    }
}
