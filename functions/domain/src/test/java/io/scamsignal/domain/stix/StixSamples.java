package io.scamsignal.domain.stix;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Indicators of every type, as the exporter tests and the validator IT use them. */
final class StixSamples {

    static final Instant T0 = Instant.parse("2026-11-20T08:15:30.123456Z");

    static final Map<String, String> VALUES = Map.of(
            "phone", "+18885550142",
            "domain", "micros0ft-support.example",
            "url", "https://micros0ft-support.example/help?case='1'&x=y",
            "email", "help@micros0ft-support.example",
            "remote_access_id", "anydesk:123456789",
            "wallet", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");

    private StixSamples() {
    }

    static StixIndicator indicator(String type) {
        return new StixIndicator(type, VALUES.get(type), null, new TreeSet<>(List.of("microsoft")),
                List.of("distinct_reporters"), 70, T0, T0.plusSeconds(86_400), 5, 3,
                new TreeSet<>(List.of("public", "Contoso Ltd")));
    }

    static IndicatorState state(String type) {
        return IndicatorState.first(StixIds.indicatorIdFor(type + "#" + VALUES.get(type)), T0.plusSeconds(3600));
    }
}
