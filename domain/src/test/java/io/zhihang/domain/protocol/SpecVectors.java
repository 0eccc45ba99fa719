package io.zhihang.domain.protocol;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The matrix-spec test vectors copied from {@code shared/spec/vectors/} into {@code src/test/resources/vectors/},
 * read with our own strict parser (the files hold only strings, integers and booleans).
 */
public final class SpecVectors {
    private SpecVectors() {
    }

    public static JsonObject load(String fileName) {
        String resource = "/vectors/" + fileName;
        try (InputStream in = SpecVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Test vector " + resource + " is missing from the test classpath");
            }
            return Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(JsonObject obj, String key) {
        return obj.string(key).orElseThrow(() -> new IllegalStateException("Vector has no string \"" + key + "\""));
    }

    public static JsonObject object(JsonObject obj, String key) {
        return obj.object(key).orElseThrow(() -> new IllegalStateException("Vector has no object \"" + key + "\""));
    }
}
