package io.zhihang.adapter.rest.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.zhihang.adapter.rest.http.HttpSettings;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonException;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Reads request bodies ourselves, whatever the Content-Type, so that the Matrix errors are exact:
 * not JSON is {@code M_NOT_JSON}; JSON of the wrong shape or field type is {@code M_BAD_JSON}.
 */
@ApplicationScoped
public class JsonBodies {
    private final ObjectMapper mapper;
    private final long maxBytes;

    public JsonBodies(ObjectMapper mapper, HttpSettings settings) {
        this.mapper = mapper;
        this.maxBytes = settings.maxRequestBytes();
    }

    /** The body as {@code type}; an empty body is refused. */
    public <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new DomainException(ErrorKind.NOT_JSON, "Content not JSON.");
        }
        return parse(body, type);
    }

    /** The body as {@code type}; an empty body reads as {@code {}} (for endpoints whose body is optional). */
    public <T> T readOptional(byte[] body, Class<T> type) {
        return parse(body == null || body.length == 0 ? new byte[]{'{', '}'} : body, type);
    }

    /**
     * The body as the protocol's JSON object (event content): strict, so floats, out-of-range integers and duplicate
     * keys are {@code M_BAD_JSON}, as canonical JSON demands.
     */
    public JsonObject readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw new DomainException(ErrorKind.NOT_JSON, "Content not JSON.");
        }
        return parseObject(body, Json::parseObject);
    }

    /**
     * The body as a JSON object of client data that is never signed (account data, tags, receipt bodies): like
     * {@link #readObject}, except that floats and large integers are accepted ({@link Json#parseClientData}).
     * An empty body reads as {@code {}} when {@code emptyIsObject}, and is {@code M_NOT_JSON} otherwise.
     */
    public JsonObject readClientData(byte[] body, boolean emptyIsObject) {
        if (body == null || body.length == 0) {
            if (emptyIsObject) {
                return JsonObject.EMPTY;
            }
            throw new DomainException(ErrorKind.NOT_JSON, "Content not JSON.");
        }
        return parseObject(body, Json::parseClientData);
    }

    private JsonObject parseObject(byte[] body, Function<String, JsonObject> parser) {
        if (body.length > maxBytes) {
            throw new DomainException(ErrorKind.TOO_LARGE, "Request body too large");
        }
        String text = utf8(body);
        try {
            return parser.apply(text);
        } catch (JsonException e) {
            try {
                mapper.readTree(body);
            } catch (IOException notJson) {
                throw new DomainException(ErrorKind.NOT_JSON, "Content not JSON.");
            }
            throw DomainException.badJson(e.getMessage());
        }
    }

    private <T> T parse(byte[] body, Class<T> type) {
        if (body.length > maxBytes) {
            // Bodies sent without Content-Length (chunked) are only measured once read.
            throw new DomainException(ErrorKind.TOO_LARGE, "Request body too large");
        }
        utf8(body);
        try {
            firstTokenMustOpenObject(body);
            return mapper.readValue(body, type);
        } catch (JsonParseException e) {
            throw new DomainException(ErrorKind.NOT_JSON, "Content not JSON.");
        } catch (MismatchedInputException e) {
            throw DomainException.badJson(describe(e));
        } catch (JsonProcessingException e) {
            throw DomainException.badJson("Invalid JSON content");
        } catch (IOException e) {
            throw new DomainException(ErrorKind.NOT_JSON, "Content not JSON.");
        }
    }

    /**
     * The body as text; JSON is UTF-8 (RFC 8259), and a body that is not valid UTF-8 is {@code M_NOT_JSON}, never
     * stored with its bad bytes replaced by U+FFFD.
     */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new DomainException(ErrorKind.NOT_JSON, "Content not JSON: not valid UTF-8.");
        }
    }

    private void firstTokenMustOpenObject(byte[] body) throws IOException {
        try (var parser = mapper.getFactory().createParser(body)) {
            var token = parser.nextToken();
            if (token == null) {
                throw new DomainException(ErrorKind.NOT_JSON, "Content not JSON.");
            }
            if (token != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw DomainException.badJson("Content must be a JSON object.");
            }
        }
    }

    private static String describe(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b)
                .orElse("");
        return path.isEmpty() ? "Invalid JSON content" : "Invalid type or value for field '" + path + "'";
    }
}
