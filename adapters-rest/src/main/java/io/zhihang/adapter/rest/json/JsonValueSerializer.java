package io.zhihang.adapter.rest.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonBool;
import io.zhihang.domain.protocol.json.JsonDecimal;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;

import java.io.IOException;
import java.util.Map;

/** Writes the domain's JSON values in responses (member order kept; responses need not be canonical). */
public final class JsonValueSerializer extends StdSerializer<JsonValue> {
    private static final long serialVersionUID = 1L;

    public JsonValueSerializer() {
        super(JsonValue.class);
    }

    @Override
    public void serialize(JsonValue value, JsonGenerator out, SerializerProvider provider) throws IOException {
        switch (value) {
            case JsonObject o -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonValue> member : o.members().entrySet()) {
                    out.writeFieldName(member.getKey());
                    serialize(member.getValue(), out, provider);
                }
                out.writeEndObject();
            }
            case JsonArray a -> {
                out.writeStartArray();
                for (JsonValue item : a.items()) {
                    serialize(item, out, provider);
                }
                out.writeEndArray();
            }
            case JsonString s -> out.writeString(s.value());
            case JsonNumber n -> out.writeNumber(n.value());
            case JsonDecimal d -> out.writeNumber(d.value());
            case JsonBool b -> out.writeBoolean(b.value());
            case JsonNull ignored -> out.writeNull();
        }
    }
}
