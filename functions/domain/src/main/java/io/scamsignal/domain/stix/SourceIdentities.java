package io.scamsignal.domain.stix;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The channels reports came through (an indicator's {@code sources}) as STIX identities, the
 * {@code where_sighted_refs} of its sighting: that is where STIX 2.1 says who saw something, and
 * OpenCTI turns each into a "sighted in" link to an organisation. A partner organisation is an
 * {@code identity} of its own whose id follows from its name (the same in every deployment and
 * every bundle); the public API is ScamSignal itself ({@link Producer#IDENTITY_ID}).
 */
public final class SourceIdentities {

    private SourceIdentities() {
    }

    /** The identity id of a source: ScamSignal's for {@code public}, a name-derived one for an organisation. */
    public static String idOf(String source) {
        return IndicatorAggregate.PUBLIC_SOURCE.equals(source) ? Producer.IDENTITY_ID
                : "identity--" + StixIds.v4From("scamsignal:stix:source|" + source);
    }

    /** The where_sighted_refs for these sources, sorted; ScamSignal alone when none are known. */
    public static List<String> refs(Collection<String> sources) {
        TreeSet<String> ids = new TreeSet<>();
        sources.forEach(s -> ids.add(idOf(s)));
        if (ids.isEmpty()) {
            ids.add(Producer.IDENTITY_ID);
        }
        return List.copyOf(ids);
    }

    /** The identity objects of the partner organisations among these sources (ScamSignal's is referenced anyway). */
    public static List<Map<String, Object>> identities(Collection<String> sources) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String source : new TreeSet<>(sources)) {
            if (!IndicatorAggregate.PUBLIC_SOURCE.equals(source)) {
                out.add(identity(source));
            }
        }
        return out;
    }

    /** One version for ever: the name is all it says, and the name is what its id is made of. */
    public static Map<String, Object> identity(String organisation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "identity");
        m.put("spec_version", "2.1");
        m.put("id", idOf(organisation));
        m.put("created_by_ref", Producer.IDENTITY_ID);
        m.put("created", Producer.CREATED);
        m.put("modified", Producer.CREATED);
        m.put("name", organisation);
        m.put("description", "A partner organisation that submits its customers' tech-support-scam reports to ScamSignal.");
        m.put("identity_class", "organization");
        return m;
    }
}
