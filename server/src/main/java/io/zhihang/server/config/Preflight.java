package io.zhihang.server.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.zhihang.domain.account.PasswordPolicy;
import io.zhihang.domain.lifecycle.crypto.KdfParams;
import io.zhihang.domain.shared.ServerName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks the settings, the data directory, the embedded database's lock and the HTTP port before Quarkus boots, so
 * that a mistake is one line naming the setting, and nothing (no database, no key) is made by a start that cannot
 * succeed. It reads the same sources Quarkus does: system properties, {@code ZHIHANG_*}/{@code QUARKUS_*}
 * environment variables, {@code .env}, {@code config/application.properties} in the working directory and the
 * built-in {@code application.properties}, under the active profile.
 */
public final class Preflight {
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "off");
    private static final List<String> ROOM_VERSIONS = List.of("10", "11", "12");
    private static final List<String> RATE_LIMITS = List.of("login-address", "login-account",
            "login-failed-attempts", "registration", "media-create", "message-decrypt-failures",
            "message-decrypt-failures-per-user");

    private final SmallRyeConfig config;
    private final List<String> problems = new ArrayList<>();

    Preflight(SmallRyeConfig config) {
        this.config = config;
    }

    /** Every problem found, one line each naming the setting; empty when the server may start. */
    public static List<String> problems() {
        return new Preflight(config()).check();
    }

    List<String> check() {
        checkSettings();
        boolean h2 = checkDatabaseKind();
        String dataDirValue = value("zhihang.data-dir").orElse("./data");
        Optional<Path> dataDir = checkDirectory("zhihang.data-dir", dataDirValue);
        value("zhihang.media.store-path").filter(p -> !p.isBlank())
                .ifPresent(p -> checkDirectory("zhihang.media.store-path", p));
        if (h2 && dataDir.isPresent()) {
            checkH2NotInUse(dataDirValue);
        }
        checkPort();
        return List.copyOf(problems);
    }

    private void checkSettings() {
        value("zhihang.server-name").ifPresent(name -> {
            try {
                new ServerName(name);
            } catch (RuntimeException e) {
                problem("zhihang.server-name must be a host name or IP literal with an optional :port (no scheme, "
                        + "no path), was '" + name + "'");
            }
        });
        value("zhihang.public-baseurl").filter(s -> !s.isBlank()).ifPresent(url -> {
            try {
                URI uri = new URI(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problem("zhihang.public-baseurl must be an http:// or https:// URL, was '" + url + "'");
                }
            } catch (URISyntaxException e) {
                problem("zhihang.public-baseurl must be an http:// or https:// URL, was '" + url + "'");
            }
        });
        for (String flag : List.of("zhihang.registration.enabled", "zhihang.registration.requires-token",
                "zhihang.registration.allow-guest-access",
                "zhihang.rate-limits.enabled", "zhihang.presence.enabled")) {
            value(flag).ifPresent(v -> {
                String lower = v.trim().toLowerCase(Locale.ROOT);
                if (!TRUE.contains(lower) && !FALSE.contains(lower)) {
                    problem(flag + " must be true or false, was '" + v + "'");
                }
            });
        }
        value("zhihang.registration.exclusive-namespaces").ifPresent(list -> {
            for (String regex : list.split("(?<!\\\\),")) {
                try {
                    Pattern.compile(regex.trim());
                } catch (PatternSyntaxException e) {
                    problem("zhihang.registration.exclusive-namespaces holds an invalid regular expression '" + regex
                            + "': " + e.getDescription());
                }
            }
        });
        integer("zhihang.registration.password-min-length", 0, PasswordPolicy.MAX_LENGTH);
        duration("zhihang.auth.refreshable-token-lifetime", true);
        for (String limit : RATE_LIMITS) {
            decimal("zhihang.rate-limits." + limit + ".per-second");
            integer("zhihang.rate-limits." + limit + ".burst-count", 1, Integer.MAX_VALUE);
        }
        longInteger("zhihang.http.max-request-bytes", 1, Long.MAX_VALUE);
        for (String kdf : List.of("zhihang.password-hashing", "zhihang.messages.encryption")) {
            integer(kdf + ".parallelism", 1, KdfParams.MAX_PARALLELISM);
            integer(kdf + ".iterations", 1, KdfParams.MAX_ITERATIONS);
            integer(kdf + ".memory-kib", 8, KdfParams.MAX_MEMORY_KIB);
        }
        value("zhihang.rooms.default-version").ifPresent(v -> {
            if (!ROOM_VERSIONS.contains(v.trim())) {
                problem("zhihang.rooms.default-version must be one of " + String.join(", ", ROOM_VERSIONS)
                        + ", was '" + v + "'");
            }
        });
        longInteger("zhihang.media.max-upload-bytes", 1, Long.MAX_VALUE);
        integer("zhihang.media.max-pending-uploads", 1, Integer.MAX_VALUE);
        duration("zhihang.media.unused-expiration", true);
        duration("zhihang.messages.recall-window", false);
        duration("zhihang.messages.edit-window", false);
        integer("zhihang.messages.max-edits", 0, Integer.MAX_VALUE);
        duration("zhihang.messages.max-delay", true);
        integer("zhihang.messages.max-scheduled-per-user", 1, Integer.MAX_VALUE);
    }

    /** Whether the embedded database is the one to use ({@code h2}); an unknown kind is a problem. */
    private boolean checkDatabaseKind() {
        // The spellings application.properties maps to a datasource (db-active.*): lower or upper case.
        String kind = value("zhihang.database.kind").orElse("h2").trim();
        if (kind.equals("h2") || kind.equals("H2")) {
            return true;
        }
        if (!kind.equals("postgresql") && !kind.equals("POSTGRESQL")) {
            problem("zhihang.database.kind must be h2 or postgresql, was '" + kind + "'");
        }
        return false;
    }

    /** The directory exists and is writable, or can be made; nothing is created here. */
    private Optional<Path> checkDirectory(String key, String value) {
        Path dir;
        try {
            dir = Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problem(key + " is not a valid path: '" + value + "'");
            return Optional.empty();
        }
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                problem(key + " " + value + " is not a directory");
            } else if (!Files.isWritable(dir)) {
                problem(key + " " + value + " is not writable by this process (user "
                        + System.getProperty("user.name") + ")");
            } else {
                return Optional.of(dir);
            }
            return Optional.empty();
        }
        Path existing = dir.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            problem(key + " " + value + " cannot be created: no part of the path exists");
        } else if (!Files.isDirectory(existing)) {
            problem(key + " " + value + " cannot be created: " + existing + " is a file, not a directory");
        } else if (!Files.isWritable(existing)) {
            problem(key + " " + value + " cannot be created: " + existing + " is not writable by this process (user "
                    + System.getProperty("user.name") + ")");
        } else {
            return Optional.of(dir);
        }
        return Optional.empty();
    }

    /**
     * H2 keeps a file lock on its database file while a process has it open; a second server on the same data
     * directory would otherwise fail with H2's advice about server mode.
     */
    private void checkH2NotInUse(String dataDir) {
        String url = value("quarkus.datasource.\"h2\".jdbc.url").orElse("");
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return;
        }
        String file = url.substring(prefix.length()).split(";", 2)[0] + ".mv.db";
        Path db = Path.of(file);
        if (!Files.isRegularFile(db)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                problem(inUse(dataDir, db));
            } else {
                lock.release();
            }
        } catch (OverlappingFileLockException e) {
            problem(inUse(dataDir, db));
        } catch (IOException e) {
            problem("zhihang.data-dir: cannot open the database file " + db + " for writing: " + e.getMessage());
        }
    }

    private static String inUse(String dataDir, Path db) {
        return "the data directory " + dataDir + " is in use by another Zhihang process (H2 holds " + db
                + "); stop it, or set zhihang.data-dir (ZHIHANG_DATA_DIR) to another directory";
    }

    private void checkPort() {
        Optional<String> raw = value("quarkus.http.port");
        if (raw.isEmpty()) {
            return;
        }
        int port;
        try {
            port = Integer.parseInt(raw.get().trim());
        } catch (NumberFormatException e) {
            problem("quarkus.http.port must be a port number, was '" + raw.get() + "'");
            return;
        }
        if (port < 0 || port > 65535) {
            problem("quarkus.http.port must be between 0 and 65535, was " + port);
            return;
        }
        if (port == 0) {
            return;
        }
        String host = value("quarkus.http.host").orElse("0.0.0.0");
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            problem("port " + port + " on " + host + " is already in use (quarkus.http.port, QUARKUS_HTTP_PORT): "
                    + "is another server running?");
        } catch (IOException e) {
            problem("cannot listen on " + host + ":" + port + " (quarkus.http.host, quarkus.http.port): "
                    + e.getMessage());
        }
    }

    private void integer(String key, int min, int max) {
        value(key).ifPresent(v -> {
            try {
                int n = Integer.parseInt(v.trim());
                if (n < min || n > max) {
                    problem(key + " must be " + range(min, max) + ", was " + n);
                }
            } catch (NumberFormatException e) {
                problem(key + " must be a whole number " + range(min, max) + ", was '" + v + "'");
            }
        });
    }

    private void longInteger(String key, long min, long max) {
        value(key).ifPresent(v -> {
            try {
                long n = Long.parseLong(v.trim());
                if (n < min || n > max) {
                    problem(key + " must be " + range(min, max) + ", was " + n);
                }
            } catch (NumberFormatException e) {
                problem(key + " must be a whole number " + range(min, max) + ", was '" + v + "'");
            }
        });
    }

    private static String range(long min, long max) {
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            return "at least " + min;
        }
        return "between " + min + " and " + max;
    }

    private void decimal(String key) {
        value(key).ifPresent(v -> {
            try {
                double d = Double.parseDouble(v.trim());
                if (!(d > 0) || Double.isInfinite(d)) {
                    problem(key + " must be a number above 0, was " + v);
                }
            } catch (NumberFormatException e) {
                problem(key + " must be a number above 0, was '" + v + "'");
            }
        });
    }

    private void duration(String key, boolean positive) {
        value(key).ifPresent(v -> {
            try {
                Duration d = DurationConverter.parseDuration(v.trim());
                if (d == null || d.isNegative() || positive && d.isZero()) {
                    problem(key + " must be a " + (positive ? "positive" : "non-negative") + " duration, was " + v);
                }
            } catch (RuntimeException e) {
                problem(key + " must be a duration such as PT24H, 24h or 30m, was '" + v + "'");
            }
        });
    }

    private Optional<String> value(String key) {
        try {
            return config.getOptionalValue(key, String.class);
        } catch (RuntimeException e) {
            problem(key + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void problem(String line) {
        problems.add(line);
    }

    /** The configuration as Quarkus assembles it at run time, under the active profile(s). */
    static SmallRyeConfig config() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Preflight.class.getClassLoader();
        }
        String profile = Optional.ofNullable(System.getProperty("quarkus.profile"))
                .or(() -> Optional.ofNullable(System.getenv("QUARKUS_PROFILE")))
                .filter(p -> !p.isBlank()).orElse("prod");
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .forClassLoader(loader)
                .addDefaultInterceptors()
                .addDefaultSources()
                .withProfiles(Arrays.stream(profile.split(",")).map(String::trim).toList())
                .withSources(DotEnvConfigSourceProvider.dotEnvSources(loader));
        try {
            Enumeration<URL> builtIn = loader.getResources("application.properties");
            while (builtIn.hasMoreElements()) {
                builder.withSources(new PropertiesConfigSource(builtIn.nextElement(), 250));
            }
            Path local = Path.of("config", "application.properties");
            if (Files.isRegularFile(local)) {
                builder.withSources(new PropertiesConfigSource(local.toUri().toURL(), 260));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build();
    }
}
