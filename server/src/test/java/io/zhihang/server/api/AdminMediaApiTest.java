package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.zhihang.adapter.persistence.media.MediaStoreSettings;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Synapse's media admin API: listing (per room, per user, usage), quarantine and protection with their effect on
 * downloads, and deletions that remove the row and the bytes. Every endpoint refuses non-admins.
 */
@QuarkusTest
class AdminMediaApiTest {
    private static final String ADMIN = "/_synapse/admin/v1";

    @Inject
    MediaStoreSettings store;
    @Inject
    TableRows tables;

    private static String upload(Matrix.Session user, String name) {
        return MediaApiTest.upload(user, ("bytes of " + name + " " + UUID.randomUUID()).getBytes(), "text/plain",
                name);
    }

    private static String id(String mxc) {
        return mxc.substring(mxc.lastIndexOf('/') + 1);
    }

    private static int download(Matrix.Session user, String mxc) {
        return as(user).get(MediaApiTest.AUTHED + "/download/" + MediaApiTest.path(mxc)).statusCode();
    }

    private Path blob(Matrix.Session admin, String mxc) {
        String sha = as(admin).get(ADMIN + "/media/" + MediaApiTest.path(mxc)).then().statusCode(200)
                .extract().path("media_info.sha256");
        return store.directory().resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    @Test
    void an_admin_lists_a_users_media_with_synapse_fields_and_pages_through_it() {
        Matrix.Session admin = Matrix.registerAdmin("media-admin");
        Matrix.Session alice = Matrix.registerFresh("alice");
        String first = upload(alice, "one.txt");
        String second = upload(alice, "two.txt");
        String third = upload(alice, "three.txt");

        as(admin).get(ADMIN + "/users/" + alice.userId() + "/media").then().statusCode(200)
                .body("total", equalTo(3))
                .body("media.media_id", contains(id(third), id(second), id(first)))
                .body("media[0].upload_name", equalTo("three.txt"))
                .body("media[0].media_type", equalTo("text/plain"))
                .body("media[0].media_length", notNullValue())
                .body("media[0].created_ts", notNullValue())
                .body("media[0]", org.hamcrest.Matchers.hasKey("last_access_ts"))
                .body("media[0].quarantined_by", nullValue())
                .body("media[0].safe_from_quarantine", equalTo(false))
                .body("next_token", nullValue());
        as(admin).queryParam("limit", 2).queryParam("order_by", "created_ts")
                .get(ADMIN + "/users/" + alice.userId() + "/media").then().statusCode(200)
                .body("media.media_id", contains(id(first), id(second))).body("next_token", equalTo(2));
        as(admin).queryParam("from", 2).queryParam("order_by", "created_ts")
                .get(ADMIN + "/users/" + alice.userId() + "/media").then().statusCode(200)
                .body("media.media_id", contains(id(third))).body("next_token", nullValue());

        as(admin).queryParam("order_by", "size").get(ADMIN + "/users/" + alice.userId() + "/media").then()
                .statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).queryParam("limit", -1).get(ADMIN + "/users/" + alice.userId() + "/media").then()
                .statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).get(ADMIN + "/users/@nobody-" + UUID.randomUUID() + ":localhost/media").then()
                .statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(ADMIN + "/users/" + alice.userId() + "/media").then()
                .statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        RestAssured.get(ADMIN + "/users/" + alice.userId() + "/media").then()
                .statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    @Test
    void quarantined_media_is_no_longer_served_until_unquarantined_and_protected_media_cannot_be_quarantined() {
        Matrix.Session admin = Matrix.registerAdmin("media-admin");
        Matrix.Session alice = Matrix.registerFresh("alice");
        String mxc = upload(alice, "bad.txt");
        String sticker = upload(alice, "sticker.txt");
        assertThat(download(alice, mxc)).isEqualTo(200);

        as(alice).post(ADMIN + "/media/quarantine/" + MediaApiTest.path(mxc)).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(admin).body(Map.of()).post(ADMIN + "/media/quarantine/" + MediaApiTest.path(mxc)).then().statusCode(200);
        assertThat(download(alice, mxc)).isEqualTo(404);
        as(alice).get(MediaApiTest.AUTHED + "/thumbnail/" + MediaApiTest.path(mxc) + "?width=32&height=32")
                .then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(admin).get(ADMIN + "/users/" + alice.userId() + "/media").then()
                .body("media.find { it.media_id == '" + id(mxc) + "' }.quarantined_by", equalTo(admin.userId()));

        as(alice).post(ADMIN + "/media/unquarantine/" + MediaApiTest.path(mxc)).then().statusCode(403);
        as(admin).body(Map.of()).post(ADMIN + "/media/unquarantine/" + MediaApiTest.path(mxc)).then().statusCode(200);
        assertThat(download(alice, mxc)).isEqualTo(200);

        as(alice).post(ADMIN + "/media/protect/" + id(sticker)).then().statusCode(403);
        as(admin).body(Map.of()).post(ADMIN + "/media/protect/" + id(sticker)).then().statusCode(200);
        as(alice).post(ADMIN + "/user/" + alice.userId() + "/media/quarantine").then().statusCode(403);
        as(admin).body(Map.of()).post(ADMIN + "/user/" + alice.userId() + "/media/quarantine").then()
                .statusCode(200).body("num_quarantined", equalTo(1));
        assertThat(download(alice, mxc)).isEqualTo(404);
        assertThat(download(alice, sticker)).isEqualTo(200);
        as(admin).body(Map.of()).post(ADMIN + "/media/quarantine/" + MediaApiTest.path(sticker)).then()
                .statusCode(200);
        assertThat(download(alice, sticker)).isEqualTo(200);

        as(alice).post(ADMIN + "/media/unprotect/" + id(sticker)).then().statusCode(403);
        as(admin).body(Map.of()).post(ADMIN + "/media/unprotect/" + id(sticker)).then().statusCode(200);
        as(admin).body(Map.of()).post(ADMIN + "/media/quarantine/" + MediaApiTest.path(sticker)).then()
                .statusCode(200);
        assertThat(download(alice, sticker)).isEqualTo(404);

        as(admin).body(Map.of()).post(ADMIN + "/media/quarantine/localhost/nosuchmedia").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        assertThat(tables.where("security_events", "user_id", admin.userId()))
                .anySatisfy(row -> assertThat(row).contains("quarantine_media").contains(mxc))
                .anySatisfy(row -> assertThat(row).contains("protect_media"));
    }

    @Test
    void an_admin_lists_and_quarantines_the_media_of_a_room() {
        Matrix.Session admin = Matrix.registerAdmin("media-admin");
        Matrix.Session alice = Matrix.registerFresh("alice");
        String roomId = Rooms.create(alice, Map.of());
        String image = upload(alice, "image.txt");
        String thumb = upload(alice, "thumb.txt");
        Rooms.send(alice, roomId, "m.room.message", Map.of("msgtype", "m.image", "body", "image", "url", image,
                "info", Map.of("thumbnail_url", thumb)));
        Rooms.send(alice, roomId, "m.room.message", Map.of("msgtype", "m.file", "body", "remote",
                "url", "mxc://elsewhere.example/remoteid"));

        as(alice).get(ADMIN + "/room/" + roomId + "/media").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(admin).get(ADMIN + "/room/" + roomId + "/media").then().statusCode(200)
                .body("local", containsInAnyOrder(image, thumb))
                .body("remote", contains("mxc://elsewhere.example/remoteid"));
        as(admin).get(ADMIN + "/room/!nosuchroom:localhost/media").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));

        as(alice).post(ADMIN + "/room/" + roomId + "/media/quarantine").then().statusCode(403);
        as(admin).body(Map.of()).post(ADMIN + "/room/" + roomId + "/media/quarantine").then().statusCode(200)
                .body("num_quarantined", equalTo(2));
        assertThat(download(alice, image)).isEqualTo(404);
        assertThat(download(alice, thumb)).isEqualTo(404);
    }

    @Test
    void deleting_media_removes_its_row_and_its_bytes() throws Exception {
        Matrix.Session admin = Matrix.registerAdmin("media-admin");
        Matrix.Session alice = Matrix.registerFresh("alice");
        String mxc = upload(alice, "gone.txt");
        Path file = blob(admin, mxc);
        assertThat(Files.exists(file)).isTrue();

        as(alice).delete(ADMIN + "/media/" + MediaApiTest.path(mxc)).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(admin).delete(ADMIN + "/media/" + MediaApiTest.path(mxc)).then().statusCode(200)
                .body("deleted_media", contains(id(mxc))).body("total", equalTo(1));
        assertThat(download(alice, mxc)).isEqualTo(404);
        assertThat(tables.where("media", "media_id", id(mxc))).isEmpty();
        assertThat(Files.exists(file)).isFalse();
        as(admin).delete(ADMIN + "/media/" + MediaApiTest.path(mxc)).then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(admin).delete(ADMIN + "/media/elsewhere.example/" + id(mxc)).then().statusCode(400);
    }

    @Test
    void identical_bytes_stay_while_other_media_uses_them() throws Exception {
        Matrix.Session admin = Matrix.registerAdmin("media-admin");
        Matrix.Session alice = Matrix.registerFresh("alice");
        byte[] same = ("shared " + UUID.randomUUID()).getBytes();
        String one = MediaApiTest.upload(alice, same, "text/plain", null);
        String two = MediaApiTest.upload(alice, same, "text/plain", null);
        Path file = blob(admin, one);

        as(admin).delete(ADMIN + "/media/" + MediaApiTest.path(one)).then().statusCode(200);
        assertThat(Files.exists(file)).isTrue();
        assertThat(download(alice, two)).isEqualTo(200);
        as(admin).delete(ADMIN + "/media/" + MediaApiTest.path(two)).then().statusCode(200);
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void an_admin_deletes_a_users_media_except_protected_media() {
        Matrix.Session admin = Matrix.registerAdmin("media-admin");
        Matrix.Session alice = Matrix.registerFresh("alice");
        String plain = upload(alice, "plain.txt");
        String kept = upload(alice, "kept.txt");
        as(admin).body(Map.of()).post(ADMIN + "/media/protect/" + id(kept)).then().statusCode(200);

        as(alice).delete(ADMIN + "/users/" + alice.userId() + "/media").then().statusCode(403);
        as(admin).delete(ADMIN + "/users/" + alice.userId() + "/media").then().statusCode(200)
                .body("deleted_media", contains(id(plain))).body("total", equalTo(1));
        assertThat(download(alice, plain)).isEqualTo(404);
        assertThat(download(alice, kept)).isEqualTo(200);
    }

    @Test
    void deleting_old_media_keeps_protected_media_and_avatars_unless_asked() {
        Matrix.Session admin = Matrix.registerAdmin("media-admin");
        Matrix.Session alice = Matrix.registerFresh("alice");
        String old = upload(alice, "old.txt");
        String avatar = upload(alice, "avatar.txt");
        String kept = upload(alice, "kept.txt");
        as(alice).body(Map.of("avatar_url", avatar)).put(V3 + "/profile/" + alice.userId() + "/avatar_url")
                .then().statusCode(200);
        as(admin).body(Map.of()).post(ADMIN + "/media/protect/" + id(kept)).then().statusCode(200);
        long later = System.currentTimeMillis() + 1000;

        as(alice).queryParam("before_ts", later).post(ADMIN + "/media/delete").then().statusCode(403);
        as(admin).queryParam("before_ts", 1000).post(ADMIN + "/media/delete").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).post(ADMIN + "/media/delete").then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        List<String> deleted = as(admin).queryParam("before_ts", later).queryParam("size_gt", 0)
                .post(ADMIN + "/media/localhost/delete").then().statusCode(200)
                .body("deleted_media", hasItem(id(old)))
                .body("deleted_media", not(hasItem(id(avatar))))
                .body("deleted_media", not(hasItem(id(kept))))
                .extract().path("deleted_media");
        assertThat(deleted).isNotEmpty();
        assertThat(download(alice, old)).isEqualTo(404);
        assertThat(download(alice, avatar)).isEqualTo(200);

        as(admin).queryParam("before_ts", later).queryParam("keep_profiles", "false")
                .post(ADMIN + "/media/delete").then().statusCode(200).body("deleted_media", hasItem(id(avatar)));
        assertThat(download(alice, avatar)).isEqualTo(404);
        assertThat(download(alice, kept)).isEqualTo(200);
    }

    @Test
    void purging_the_remote_cache_deletes_nothing_as_nothing_is_cached() {
        Matrix.Session admin = Matrix.registerAdmin("media-admin");
        Matrix.Session alice = Matrix.registerFresh("alice");
        long now = System.currentTimeMillis();
        as(alice).queryParam("before_ts", now).post(ADMIN + "/purge_media_cache").then().statusCode(403);
        as(admin).queryParam("before_ts", now).post(ADMIN + "/purge_media_cache").then().statusCode(200)
                .body("deleted", equalTo(0));
        as(admin).post(ADMIN + "/purge_media_cache").then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
    }

    @Test
    void media_statistics_count_and_sum_each_users_uploads() {
        Matrix.Session admin = Matrix.registerAdmin("media-admin");
        String marker = "stats" + UUID.randomUUID().toString().substring(0, 8);
        Matrix.Session alice = Matrix.registerFresh(marker + "-alice");
        Matrix.Session bob = Matrix.registerFresh(marker + "-bob");
        MediaApiTest.upload(alice, new byte[10], "application/octet-stream", null);
        MediaApiTest.upload(alice, new byte[20], "application/octet-stream", null);
        MediaApiTest.upload(bob, new byte[5], "application/octet-stream", null);

        as(alice).get(ADMIN + "/statistics/users/media").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(admin).queryParam("search_term", marker).queryParam("order_by", "media_length").queryParam("dir", "b")
                .get(ADMIN + "/statistics/users/media").then().statusCode(200)
                .body("total", equalTo(2))
                .body("users.user_id", contains(alice.userId(), bob.userId()))
                .body("users[0].media_count", equalTo(2))
                .body("users[0].media_length", equalTo(30))
                .body("users[0].displayname", equalTo(alice.localpart()))
                .body("users[1].media_count", equalTo(1));
        as(admin).queryParam("search_term", marker).queryParam("limit", 1)
                .get(ADMIN + "/statistics/users/media").then().statusCode(200)
                .body("users.user_id", contains(alice.userId())).body("next_token", equalTo(1));
        as(admin).queryParam("order_by", "size").get(ADMIN + "/statistics/users/media").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).queryParam("search_term", "nobody-matches-" + UUID.randomUUID())
                .get(ADMIN + "/statistics/users/media").then().statusCode(200).body("users", empty());
    }
}
