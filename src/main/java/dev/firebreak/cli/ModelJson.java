package dev.firebreak.cli;

import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * JSON for the runbook commands on Jackson's streaming generator: records as objects in component
 * order (the model's declared key order), nulls kept, non-ASCII escaped so the bytes are the same
 * whatever the terminal's charset. Databind is not loaded, which keeps {@code runbook parse FILE}
 * well under a second.
 */
final class ModelJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .build();
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private ModelJson() {}

    /** One value as compact JSON. */
    static String write(Object value) {
        return write(null, value);
    }

    /** A record or map as a JSON object that opens with a "source" key. */
    static String write(String source, Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (source == null) {
                value(g, value);
            } else {
                g.writeStartObject();
                g.writeStringProperty("source", source);
                members(g, value);
                g.writeEndObject();
            }
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object item : c) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> || v.getClass().isRecord()) {
            g.writeStartObject();
            members(g, v);
            g.writeEndObject();
        } else {
            g.writeString(v.toString());
        }
    }

    private static void members(JsonGenerator g, Object v) {
        if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            return;
        }
        for (RecordComponent c : COMPONENTS.get(v.getClass())) {
            g.writeName(c.getName());
            try {
                value(g, c.getAccessor().invoke(v));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
        }
    }
}
