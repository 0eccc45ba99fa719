package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * A body that is not JSON is {@code 400 M_NOT_JSON} on every endpoint, whether its syntax is broken or its bytes are
 * not UTF-8 (which used to be stored with U+FFFD in their place).
 */
@QuarkusTest
class MalformedJsonApiTest {
    /** {@code {"body":"caf\xC3"}} and friends: a truncated sequence, a lone continuation byte, an invalid byte. */
    private static final byte[][] INVALID_UTF8 = {
            bytes("{\"msgtype\":\"m.text\",\"body\":\"caf", 0xC3, "\"}"),
            bytes("{\"msgtype\":\"m.text\",\"body\":\"", 0x80, "\"}"),
            bytes("{\"msgtype\":\"m.text\",\"body\":\"", 0xFF, "\"}"),
    };
    private static final byte[] BROKEN_SYNTAX = "{\"msgtype\":\"m.text\",\"body\":".getBytes(StandardCharsets.UTF_8);

    @Test
    void sending_a_message_with_invalid_utf8_is_m_not_json() {
        Matrix.Session alice = Matrix.registerFresh("utf8send");
        String roomId = Rooms.create(alice, Map.of());
        int[] txn = {0};
        refusedEverywhere(body -> as(alice).body(body), spec -> spec
                .put(Rooms.path(roomId) + "/send/m.room.message/utf8-" + txn[0]++));
        as(alice).get(Rooms.path(roomId) + "/messages?dir=b&limit=5").then().statusCode(200)
                .body("chunk.findAll { it.type == 'm.room.message' }.size()", equalTo(0));
    }

    @Test
    void account_data_with_invalid_utf8_is_m_not_json() {
        Matrix.Session alice = Matrix.registerFresh("utf8ad");
        String path = V3 + "/user/" + alice.userId() + "/account_data/org.example.utf8";
        refusedEverywhere(body -> as(alice).body(body), spec -> spec.put(path));
        as(alice).get(path).then().statusCode(404);
    }

    @Test
    void registering_with_invalid_utf8_is_m_not_json() {
        refusedEverywhere(body -> Matrix.json().body(body), spec -> spec.post(V3 + "/register"));
        byte[] username = bytes("{\"username\":\"bad", 0xC3, "\",\"password\":\"a-password\","
                + "\"auth\":{\"type\":\"m.login.dummy\"}}");
        Matrix.json().body(username).post(V3 + "/register").then().statusCode(400)
                .body("errcode", equalTo("M_NOT_JSON"));
    }

    private static void refusedEverywhere(Function<byte[], RequestSpecification> request,
                                          Function<RequestSpecification, io.restassured.response.Response> send) {
        for (byte[] body : INVALID_UTF8) {
            send.apply(request.apply(body)).then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        }
        send.apply(request.apply(BROKEN_SYNTAX)).then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
    }

    private static byte[] bytes(String before, int bad, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.write(bad);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
