package dev.firebreak.alert.internal.intake;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses a sender's body; malformed JSON is a 400 naming the reason. */
public final class IntakeJson {
    private IntakeJson() {}

    public static JsonNode parse(JsonMapper json, byte[] body) {
        return JsonFields.parse(json, body);
    }
}
