package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Users report events and rooms; server admins read and delete the reports. */
@QuarkusTest
class EventReportsApiTest {
    private static final String REPORTS = "/_synapse/admin/v1/event_reports";

    @Test
    void a_member_reports_an_event_and_an_admin_reads_and_deletes_the_report() {
        Matrix.Session admin = Matrix.registerAdmin("reportadmin");
        Matrix.Session alice = Matrix.registerFresh("reportalice");
        Matrix.Session bob = Matrix.registerFresh("reportbob");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat", "name", "Reported"));
        Rooms.join(bob, roomId);
        String eventId = Rooms.send(alice, roomId, "offensive");

        as(bob).body(Map.of("reason", "rude", "score", -100)).post(Rooms.path(roomId) + "/report/" + eventId).then()
                .statusCode(200);
        int id = as(admin).queryParam("room_id", roomId).get(REPORTS).then().statusCode(200)
                .body("total", equalTo(1)).body("event_reports[0].event_id", equalTo(eventId))
                .body("event_reports[0].user_id", equalTo(bob.userId()))
                .body("event_reports[0].sender", equalTo(alice.userId()))
                .body("event_reports[0].reason", equalTo("rude")).body("event_reports[0].score", equalTo(-100))
                .body("event_reports[0].name", equalTo("Reported"))
                .extract().path("event_reports[0].id");
        as(admin).get(REPORTS + "/" + id).then().statusCode(200).body("event_json.content.body", equalTo("offensive"))
                .body("room_id", equalTo(roomId));
        as(admin).queryParam("user_id", bob.userId()).get(REPORTS).then().statusCode(200).body("total", equalTo(1));

        as(admin).delete(REPORTS + "/" + id).then().statusCode(200);
        as(admin).get(REPORTS + "/" + id).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(admin).delete(REPORTS + "/" + id).then().statusCode(404);
        as(admin).get(REPORTS + "/nope").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void reporting_what_one_cannot_see_looks_like_reporting_nothing() {
        Matrix.Session alice = Matrix.registerFresh("reportseen");
        Matrix.Session eve = Matrix.registerFresh("reporteve");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String eventId = Rooms.send(alice, roomId, "private");
        as(eve).body(Map.of("reason", "x")).post(Rooms.path(roomId) + "/report/" + eventId).then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).body(Map.of("reason", "x")).post(Rooms.path(roomId) + "/report/$nothing").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).body(Map.of("score", "bad")).post(Rooms.path(roomId) + "/report/" + eventId).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(eve).body(Map.of("reason", "x")).post(Rooms.path(roomId) + "/report").then().statusCode(404);
    }

    @Test
    void a_member_reports_a_room() {
        Matrix.Session admin = Matrix.registerAdmin("reportroomadmin");
        Matrix.Session alice = Matrix.registerFresh("reportroom");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        as(alice).body(Map.of("reason", "spam room")).post(Rooms.path(roomId) + "/report").then().statusCode(200);
        as(admin).queryParam("room_id", roomId).get(REPORTS).then().statusCode(200).body("total", equalTo(1))
                .body("event_reports[0].event_id", nullValue()).body("event_reports[0].reason", equalTo("spam room"));
    }

    @Test
    void reports_are_for_server_admins_only() {
        Matrix.Session alice = Matrix.registerFresh("reportnotadmin");
        as(alice).get(REPORTS).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).get(REPORTS + "/1").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).delete(REPORTS + "/1").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        json().get(REPORTS).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }
}
