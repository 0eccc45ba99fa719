package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * URL previews on a server with the default settings: previews are on, and no loopback, private, link-local or other
 * internal address is ever connected to, whether named by address or by a host name that resolves to one. Bad
 * requests are refused as Synapse refuses them.
 */
@QuarkusTest
class UrlPreviewGuardApiTest {
    static final String PREVIEW = "/_matrix/client/v1/media/preview_url";

    @Test
    void internal_addresses_are_refused_and_never_contacted() throws IOException {
        Matrix.Session alice = Matrix.registerFresh("prober");
        try (WebPages site = new WebPages(1)) {
            for (String url : new String[] {site.url("/og.html"), "http://[::1]:" + site.port() + "/og.html",
                    "http://[::ffff:127.0.0.1]:" + site.port() + "/og.html", "http://10.0.0.1/",
                    "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0:" + site.port() + "/og.html",
                    "http://[fd00::1]/"}) {
                as(alice).queryParam("url", url).get(PREVIEW).then().statusCode(403)
                        .body("errcode", equalTo("M_UNKNOWN")).body("error", equalTo("IP address blocked"));
            }
            // a name that resolves to loopback: Synapse's resolver drops blocked addresses, so the name has none
            as(alice).queryParam("url", "http://localhost:" + site.port() + "/og.html").get(PREVIEW).then()
                    .statusCode(502).body("errcode", equalTo("M_UNKNOWN"))
                    .body("error", equalTo("DNS resolution failure during URL preview generation"));
            as(alice).queryParam("url", site.url("/redirect-og")).get("/_matrix/media/v3/preview_url").then()
                    .statusCode(403);
            assertThat(site.hits("/og.html")).isZero();
            assertThat(site.hits("/redirect-og")).isZero();
        }
    }

    @Test
    void only_http_urls_can_be_previewed() {
        Matrix.Session alice = Matrix.registerFresh("prober");
        for (String url : new String[] {"file:///etc/passwd", "ftp://example.org/", "gopher://example.org/",
                "data:text/html,<title>x</title>", "not a url", "/relative"}) {
            as(alice).queryParam("url", url).get(PREVIEW).then().statusCode(400)
                    .body("errcode", equalTo("M_INVALID_PARAM"));
        }
    }

    @Test
    void the_url_is_required_and_ts_must_be_an_integer() {
        Matrix.Session alice = Matrix.registerFresh("prober");
        as(alice).get(PREVIEW).then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).queryParam("url", "https://example.org/").queryParam("ts", "yesterday").get(PREVIEW).then()
                .statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void only_users_may_ask() {
        json().queryParam("url", "https://example.org/").get(PREVIEW).then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
        json().queryParam("url", "https://example.org/").get("/_matrix/media/v3/preview_url").then()
                .statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }
}
