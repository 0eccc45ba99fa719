package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.zhihang.server.api.Matrix.V3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies sent without Content-Length (chunked) over the limits are refused like declared ones, with
 * {@code 413 M_TOO_LARGE}, and a client's oversized body is not logged as a server failure. The test profile allows
 * uploads of 2 MiB and other bodies of 1 MiB.
 */
@QuarkusTest
class RequestLimitsApiTest {
    private static final int MIB = 1 << 20;

    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void a_chunked_json_body_over_the_request_limit_is_m_too_large() throws IOException {
        Matrix.Session alice = Matrix.registerFresh("chunky");
        String path = V3 + "/user/" + alice.userId() + "/account_data/org.example.big";

        for (int size : new int[]{MIB + MIB / 2, 3 * MIB}) {
            Answer answer = chunked("PUT", path, alice.accessToken(), "application/json", jsonOf(size));

            assertThat(answer.status()).as("%d bytes", size).isEqualTo(413);
            assertThat(answer.body()).contains("\"errcode\":\"M_TOO_LARGE\"");
        }
        assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void a_chunked_upload_over_the_upload_limit_is_m_too_large() throws IOException {
        Matrix.Session alice = Matrix.registerFresh("chunkyup");

        Answer answer = chunked("POST", "/_matrix/media/v3/upload", alice.accessToken(), "application/octet-stream",
                new byte[3 * MIB]);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("\"errcode\":\"M_TOO_LARGE\"");
        assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void a_chunked_body_within_the_limit_is_read_whole() throws IOException {
        Matrix.Session alice = Matrix.registerFresh("chunkyok");
        String path = V3 + "/user/" + alice.userId() + "/account_data/org.example.fits";

        Answer answer = chunked("PUT", path, alice.accessToken(), "application/json", jsonOf(MIB / 2));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static byte[] jsonOf(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        byte[] open = "{\"a\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(open, 0, body, 0, open.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    record Answer(int status, String body) {
    }

    /**
     * Sends the body in 64 KiB chunks on a raw socket, stopping early once the server has answered (it may close the
     * connection without reading the rest), and reads the answer.
     */
    private static Answer chunked(String method, String path, String token, String type, byte[] body)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: " + type + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                for (int at = 0; at < body.length && in.available() == 0; at += 64 * 1024) {
                    int n = Math.min(64 * 1024, body.length - at);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, at, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException answeredAndClosed) {
                // the server answered before the whole body was sent
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) > 0) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException closed) {
                // reset after the answer
            }
            String text = received.toString(StandardCharsets.ISO_8859_1);
            // Skip an interim "100 Continue", if any.
            while (text.startsWith("HTTP/1.1 1")) {
                text = text.substring(text.indexOf("\r\n\r\n") + 4);
            }
            assertThat(text).as("an HTTP answer").startsWith("HTTP/1.1 ");
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyAt = text.indexOf("\r\n\r\n");
            return new Answer(status, bodyAt < 0 ? "" : text.substring(bodyAt + 4));
        }
    }
}
