package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.zhihang.domain.media.audio.AudioFixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * The seed's voice API over HTTP: a voice message is real media plus a real {@code m.audio} room message whose
 * duration the server read from the audio; reads honour room access, and only the sender or a moderator deletes.
 */
@QuarkusTest
class VoiceApiTest {
    private static final String VOICE = R0 + "/voice";

    /** Ids as path segments: RestAssured percent-encodes what needs it. */
    private static String enc(String segment) {
        return segment;
    }

    private static ValidatableResponse uploadRaw(Matrix.Session user, String roomId, byte[] audio, String type) {
        return as(user).contentType(type).body(audio).queryParam("room_id", roomId)
                .queryParam("waveform", "0,512,1024,256")
                .post(VOICE + "/upload").then();
    }

    private record Room(Matrix.Session alice, Matrix.Session bob, String roomId) {
    }

    private static Room room(String prefix) {
        var alice = Matrix.registerFresh(prefix + "-a");
        var bob = Matrix.registerFresh(prefix + "-b");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        return new Room(alice, bob, roomId);
    }

    @Test
    void an_ogg_opus_voice_message_reaches_the_other_member_as_element_draws_it() {
        Room r = room("voice-ogg");
        Map<String, Object> before = Syncs.initial(r.bob());
        byte[] ogg = AudioFixtures.oggOpus(Duration.ofMillis(2500));

        ValidatableResponse sent = uploadRaw(r.alice(), r.roomId(), ogg, "audio/ogg").statusCode(200)
                .body("room_id", equalTo(r.roomId()))
                .body("user_id", equalTo(r.alice().userId()))
                .body("duration", equalTo(2500))
                .body("file_size", equalTo(ogg.length))
                .body("content_type", equalTo("audio/ogg"))
                .body("file_url", startsWith("mxc://localhost/"));
        String eventId = sent.extract().path("event_id");
        String url = sent.extract().path("file_url");
        assertThat(sent.extract().<String>path("message_id")).isEqualTo(eventId);

        List<Map<String, Object>> timeline = Syncs.timeline(Syncs.since(r.bob(), before), r.roomId());
        Map<String, Object> event = timeline.stream().filter(e -> eventId.equals(e.get("event_id"))).findFirst()
                .orElseThrow();
        assertThat(event.get("type")).isEqualTo("m.room.message");
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) event.get("content");
        assertThat(content).containsEntry("msgtype", "m.audio").containsEntry("url", url)
                .containsEntry("body", "Voice message").containsKey("org.matrix.msc3245.voice");
        assertThat(content.get("info")).isEqualTo(Map.of("mimetype", "audio/ogg", "size", ogg.length,
                "duration", 2500));
        assertThat(content.get("org.matrix.msc1767.audio")).isEqualTo(Map.of("duration", 2500,
                "waveform", List.of(0, 512, 1024, 256)));

        byte[] downloaded = as(r.bob()).get("/_matrix/client/v1/media/download/" + url.substring(6)).then()
                .statusCode(200).header("Content-Type", "audio/ogg").extract().asByteArray();
        assertThat(downloaded).isEqualTo(ogg);
    }

    @Test
    void a_wav_form_upload_on_v3_has_its_duration_read_from_the_audio() {
        Room r = room("voice-wav");
        byte[] wav = AudioFixtures.wav(Duration.ofMillis(1750), 16000, 1);
        as(r.alice()).header("Authorization", "Bearer " + r.alice().accessToken())
                .contentType("multipart/form-data")
                .multiPart("file", "hello.wav", wav, "audio/wav")
                .multiPart("room_id", r.roomId())
                .multiPart("duration", "99999")
                .post(V3 + "/voice/upload").then().statusCode(200)
                .body("duration", equalTo(1750)).body("content_type", equalTo("audio/wav"))
                .body("file_size", equalTo(wav.length));
    }

    @Test
    void non_audio_and_outsiders_are_refused() {
        Room r = room("voice-no");
        var eve = Matrix.registerFresh("voice-no-e");
        uploadRaw(r.alice(), r.roomId(), "just text".getBytes(StandardCharsets.UTF_8), "audio/ogg").statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        uploadRaw(r.alice(), r.roomId(), MediaApiTest.png(8, 8), "image/png").statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        uploadRaw(eve, r.roomId(), AudioFixtures.oggOpus(Duration.ofSeconds(1)), "audio/ogg").statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(r.alice()).contentType("audio/ogg").body(AudioFixtures.oggOpus(Duration.ofSeconds(1)))
                .post(VOICE + "/upload").then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        RestAssured.given().contentType("audio/ogg").body(new byte[]{1}).queryParam("room_id", r.roomId())
                .post(VOICE + "/upload").then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    @Test
    void reads_follow_room_access_and_stats_add_up_until_a_delete() {
        Room r = room("voice-read");
        var eve = Matrix.registerFresh("voice-read-e");
        byte[] one = AudioFixtures.oggOpus(Duration.ofMillis(1000));
        byte[] two = AudioFixtures.oggOpus(Duration.ofMillis(3200));
        String first = uploadRaw(r.alice(), r.roomId(), one, "audio/ogg").statusCode(200).extract().path("event_id");
        String second = uploadRaw(r.alice(), r.roomId(), two, "audio/ogg").statusCode(200).extract().path("event_id");

        as(r.bob()).get(VOICE + "/" + enc(first)).then().statusCode(200).body("duration", equalTo(1000));
        as(eve).get(VOICE + "/" + enc(first)).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(r.bob()).get(VOICE + "/room/" + enc(r.roomId())).then().statusCode(200)
                .body("messages", hasSize(2)).body("messages[0].event_id", equalTo(second));
        as(eve).get(VOICE + "/room/" + enc(r.roomId())).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(r.bob()).get(VOICE + "/user/" + enc(r.alice().userId())).then().statusCode(200)
                .body("messages", hasSize(2));
        as(eve).get(VOICE + "/user/" + enc(r.alice().userId())).then().statusCode(200).body("messages", hasSize(0));
        as(r.bob()).get(VOICE + "/room/" + enc(r.roomId()) + "?limit=1").then().statusCode(200)
                .body("messages", hasSize(1)).body("next_batch", equalTo("1"));
        as(r.bob()).get(VOICE + "/room/" + enc(r.roomId()) + "?limit=1&from=1").then().statusCode(200)
                .body("messages[0].event_id", equalTo(first));

        as(r.alice()).get(VOICE + "/user/" + enc(r.alice().userId()) + "/stats").then().statusCode(200)
                .body("count", equalTo(2)).body("total_duration", equalTo(4200))
                .body("total_size", equalTo(one.length + two.length));
        as(r.bob()).get(VOICE + "/user/" + enc(r.alice().userId()) + "/stats").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));

        as(r.bob()).delete(VOICE + "/" + enc(first)).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        String url = as(r.alice()).get(VOICE + "/" + enc(first)).then().extract().path("file_url");
        as(r.alice()).delete(VOICE + "/" + enc(first)).then().statusCode(200);

        as(r.alice()).get(VOICE + "/" + enc(first)).then().statusCode(404);
        as(r.alice()).get(VOICE + "/user/" + enc(r.alice().userId()) + "/stats").then().statusCode(200)
                .body("count", equalTo(1)).body("total_duration", equalTo(3200)).body("total_size", equalTo(two.length));
        as(r.bob()).get(Rooms.path(r.roomId()) + "/event/" + enc(first)).then().statusCode(200)
                .body("content.size()", equalTo(0)).body("unsigned.redacted_because.sender",
                        equalTo(r.alice().userId()));
        as(r.bob()).get("/_matrix/client/v1/media/download/" + url.substring(6)).then().statusCode(404);
    }

    @Test
    void a_room_moderator_may_delete_someone_elses_voice_message() {
        Room r = room("voice-mod");
        String bobs = uploadRaw(r.bob(), r.roomId(), AudioFixtures.oggOpus(Duration.ofMillis(600)), "audio/ogg")
                .statusCode(200).extract().path("event_id");
        as(r.alice()).delete(V3 + "/voice/" + enc(bobs)).then().statusCode(200);
        as(r.bob()).get(V3 + "/voice/user/" + enc(r.bob().userId()) + "/stats").then().statusCode(200)
                .body("count", equalTo(0)).body("total_duration", equalTo(0)).body("total_size", equalTo(0));
        as(r.alice()).delete(V3 + "/voice/" + enc(bobs)).then().statusCode(404);
    }
}
