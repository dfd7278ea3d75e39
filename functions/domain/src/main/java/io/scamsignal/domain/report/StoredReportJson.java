package io.scamsignal.domain.report;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.scamsignal.domain.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored report's JSON, both ways, with one mapping: the components of {@link StoredReport} and
 * the records it holds, by name. The mapper reads them; {@link #write} walks the same components
 * with jackson-core's generator (null components left out, enums by their {@link JsonValue}), so it
 * writes the document {@code Json.write(report)} would without databind's serialisers and the
 * java.time module, which the intake would otherwise load on its cold path just for this. A new
 * component is written and read with no change here; one of a type this writer does not know fails
 * StoredReportJsonTest.
 */
public final class StoredReportJson {

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };
    private static final ClassValue<Method> JSON_VALUE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (Method m : type.getMethods()) {
                if (m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0) {
                    return m;
                }
            }
            return null;
        }
    };

    private StoredReportJson() {
    }

    /** The report item's {@code report} attribute as enrichment reads it (with the mapper: not on the intake's path). */
    public static StoredReport read(String json) throws JsonProcessingException {
        return Json.read(json, StoredReport.class);
    }

    public static String write(StoredReport r) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = Json.generator(out)) {
            value(g, r);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case String s -> g.writeString(s);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case BigDecimal d -> g.writeNumber(d);
            case Boolean b -> g.writeBoolean(b);
            case Instant t -> g.writeString(t.toString());
            case LocalDate d -> g.writeString(d.toString());
            case Enum<?> e -> g.writeString(enumValue(e));
            case List<?> list -> {
                g.writeStartArray();
                for (Object element : list) {
                    value(g, element);
                }
                g.writeEndArray();
            }
            case Record record -> {
                g.writeStartObject();
                for (RecordComponent c : COMPONENTS.get(record.getClass())) {
                    Object component = component(record, c);
                    if (component != null) {
                        g.writeFieldName(c.getName());
                        value(g, component);
                    }
                }
                g.writeEndObject();
            }
            default -> throw new IllegalArgumentException("a stored report holds no " + v.getClass().getName());
        }
    }

    private static String enumValue(Enum<?> e) {
        Method m = JSON_VALUE.get(e.getDeclaringClass());
        if (m == null) {
            return e.name();
        }
        try {
            return String.valueOf(m.invoke(e));
        } catch (IllegalAccessException | InvocationTargetException x) {
            throw new IllegalStateException("the JSON value of " + e, x);
        }
    }

    private static Object component(Record record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("component " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
