package io.zhihang.server.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything an operator configures, under {@code zhihang.*} in {@code application.properties} or as environment
 * variables ({@code ZHIHANG_SERVER_NAME}, …). See docs/configuration.md.
 */
@ConfigMapping(prefix = "zhihang")
public interface HomeserverConfig {
    /** The server name in user ids ({@code @alice:<server-name>}). Cannot change once users exist. */
    @WithDefault("localhost")
    String serverName();

    /** The URL clients use to reach this server; defaults to {@code http://<server-name>:8008}. */
    Optional<String> publicBaseurl();

    /** Where keys and the embedded database live. */
    @WithDefault("./data")
    String dataDir();

    Database database();

    Registration registration();

    Auth auth();

    RateLimits rateLimits();

    Http http();

    PasswordHashing passwordHashing();

    Rooms rooms();

    Presence presence();

    Turn turn();

    Media media();

    Messages messages();

    Push push();

    Security security();

    /** The security tools: the security event log, IP blocks, client addresses behind proxies (issue 18). */
    interface Security {
        /**
         * Proxies (CIDR ranges, e.g. {@code 10.0.0.0/8}, {@code ::1/128}) whose {@code X-Forwarded-For} is believed:
         * the client is the right-most address in it that is not a trusted proxy. Empty (the default): the header is
         * ignored and the client is the peer.
         */
        Optional<List<String>> trustedProxies();

        /** Loopback addresses (127.0.0.0/8, ::1) are never refused by an IP block. */
        @WithDefault("true")
        boolean exemptLoopback();

        /** How long security events (and the admin audit trail) are kept; older ones are deleted hourly. */
        @WithDefault("P90D")
        Duration eventRetention();

        /**
         * Block an address automatically when its reputation score (0-100) falls to this or below. 0 (the default)
         * switches automatic blocking off.
         */
        @WithDefault("0")
        int autoBlockThreshold();

        /** How long an automatic block lasts. */
        @WithDefault("PT1H")
        Duration autoBlockDuration();
    }

    ServerNotices serverNotices();

    /** Server notices sent by the admin API, as Synapse's {@code server_notices} section. */
    interface ServerNotices {
        /** Off, {@code send_server_notice} answers {@code 400 M_UNKNOWN}. */
        @WithDefault("true")
        boolean enabled();

        /** Localpart of the user the notices come from (made on first use, without a password). */
        @WithDefault("server")
        String systemUser();

        @WithDefault("Server Notices")
        String displayName();

        /** The system user's avatar, an {@code mxc://} URI. */
        Optional<String> avatarUrl();

        /** Name of each user's server-notices room. */
        @WithDefault("Server Notices")
        String roomName();
    }

    /** Push delivery to HTTP pushers' gateways. */
    interface Push {
        /**
         * Address ranges (CIDR, e.g. {@code 127.0.0.0/8}, {@code fd00::/8}) a push gateway may be at although they
         * are private or otherwise reserved. Gateways at such addresses are refused by default, as Synapse's
         * {@code ip_range_blacklist} does; this is Synapse's {@code ip_range_whitelist}.
         */
        Optional<List<String>> ipRangeAllowlist();
    }

    /**
     * Messages: the lifecycle rules (recall and edit, on the Matrix paths and the product API alike), delayed events,
     * password encryption.
     */
    interface Messages {
        /** How long after sending it a sender may recall (redact) their own message. */
        @WithDefault("PT24H")
        Duration recallWindow();

        /** How long after sending it a sender may edit their message ({@code m.replace}). */
        @WithDefault("PT48H")
        Duration editWindow();

        /** How many times a message may be edited. */
        @WithDefault("5")
        int maxEdits();

        Encryption encryption();

        /**
         * Longest delay of a delayed event (MSC4140) or scheduled message; longer ones are refused with
         * {@code M_MAX_DELAY_EXCEEDED}. Synapse's {@code max_event_delay_duration} switches delayed events off when
         * unset; here they are on, up to 30 days.
         */
        @WithDefault("P30D")
        Duration maxDelay();

        /** Delayed events one user may have scheduled at once (MSC4140 asks for a limit); more is 429. */
        @WithDefault("100")
        int maxScheduledPerUser();
    }

    /**
     * Argon2id costs of password-encrypted messages ({@code encryption_type: "simple"}); each sealed message records
     * its own, so a change applies to messages encrypted from then on.
     */
    interface Encryption {
        /** Argon2id memory in KiB (OWASP: 19456). */
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();
    }

    interface Media {
        /** Where media files live; defaults to {@code <data-dir>/media}. */
        Optional<String> storePath();

        /** Largest upload, in bytes (Synapse's {@code max_upload_size}: 50 MiB); served as {@code m.upload.size}. */
        @WithDefault("52428800")
        long maxUploadBytes();

        /** Reservations ({@code /create}) a user may hold at once (Synapse's {@code max_pending_media_uploads}). */
        @WithDefault("5")
        int maxPendingUploads();

        /** How long a reservation waits for its content (Synapse's {@code unused_expiration_time}). */
        @WithDefault("PT24H")
        Duration unusedExpiration();

        UrlPreview urlPreview();
    }

    /** URL previews ({@code GET /preview_url}), as Synapse's {@code url_preview_*} settings. */
    interface UrlPreview {
        /** On by default: private, loopback and other internal addresses are refused all the same. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Address ranges (CIDR) previews may reach although the built-in blocklist refuses them (Synapse's
         * {@code url_preview_ip_range_whitelist}).
         */
        Optional<List<String>> ipRangeAllowlist();

        /** Ranges refused in addition to the built-in blocklist (Synapse's {@code url_preview_ip_range_blacklist}). */
        Optional<List<String>> ipRangeBlocklist();

        /** Largest page or image read, in bytes (Synapse's {@code max_spider_size}: 10 MiB). */
        @WithDefault("10485760")
        long maxBytes();

        /** How long fetching one URL may take, redirects included. */
        @WithDefault("PT10S")
        Duration timeout();

        /** Redirects followed, each checked like the first URL. */
        @WithDefault("5")
        int maxRedirects();
    }

    interface Presence {
        /** Synapse's {@code presence.enabled}: off, presence is not tracked, {@code GET} says offline. */
        @WithDefault("true")
        boolean enabled();
    }

    /** TURN servers for VoIP calls, as Synapse's {@code turn_*} settings ({@code GET /voip/turnServer}). */
    interface Turn {
        /** {@code turn:} / {@code turns:} URIs handed to clients; none means clients are told there is no TURN server. */
        Optional<List<String>> uris();

        /** coturn's {@code static-auth-secret}: clients get time-limited credentials made with it. */
        Optional<String> sharedSecret();

        /** Fixed credentials, used when no shared secret is set. */
        Optional<String> username();

        Optional<String> password();

        /** How long credentials stay valid. */
        @WithDefault("PT1H")
        Duration userLifetime();
    }

    interface Rooms {
        /** Room version of new rooms when the client names none. */
        @WithDefault("11")
        String defaultVersion();
    }

    interface Database {
        /** {@code h2} (embedded, the default) or {@code postgresql}; anything else stops the start. */
        @WithDefault("h2")
        DatabaseKind kind();

        /** JDBC URL of the PostgreSQL database. */
        @WithDefault("jdbc:postgresql://localhost:5432/zhihang")
        String url();

        @WithDefault("zhihang")
        String user();

        @WithDefault("zhihang")
        String password();
    }

    interface Registration {
        /** Whether anyone may register an account with {@code POST /register}. */
        @WithDefault("true")
        boolean enabled();

        /** Secret for Synapse-style shared-secret registration ({@code /_synapse/admin/v1/register}); off if unset. */
        Optional<String> sharedSecret();

        /** Whether registering needs one of {@link #tokens()} ({@code m.login.registration_token}). */
        @WithDefault("false")
        boolean requiresToken();

        Optional<List<String>> tokens();

        /** Regular expressions of localparts (or full user ids) reserved for application services. */
        Optional<List<String>> exclusiveNamespaces();

        @WithDefault("0")
        int passwordMinLength();

        /** Whether {@code POST /register?kind=guest} makes guest accounts (Synapse's {@code allow_guest_access}). */
        @WithDefault("true")
        boolean allowGuestAccess();
    }

    interface Auth {
        /** Lifetime of access tokens issued together with a refresh token. */
        @WithDefault("PT5M")
        Duration refreshableTokenLifetime();
    }

    interface RateLimits {
        /** Switch all rate limits off (tests, benchmarks). */
        @WithDefault("true")
        boolean enabled();

        Limit loginAddress();

        Limit loginAccount();

        Limit loginFailedAttempts();

        Limit registration();

        /** Synapse's {@code rc_media_create}: uploads and reservations per user. */
        Limit mediaCreate();

        /** Wrong passwords one user may try on one password-encrypted message. */
        Limit messageDecryptFailures();

        /** Wrong passwords one user may try on password-encrypted messages altogether. */
        Limit messageDecryptFailuresPerUser();
    }

    interface Limit {
        double perSecond();

        int burstCount();
    }

    interface Http {
        /** Largest request body accepted, in bytes. */
        @WithDefault("1048576")
        long maxRequestBytes();
    }

    interface PasswordHashing {
        /** Argon2id memory in KiB (OWASP: 19456). */
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();
    }
}
