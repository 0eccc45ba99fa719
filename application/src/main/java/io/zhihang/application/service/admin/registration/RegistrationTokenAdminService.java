package io.zhihang.application.service.admin.registration;

import io.zhihang.application.port.in.admin.registration.RegistrationTokensUseCase;
import io.zhihang.application.port.out.RegistrationTokenRepository;
import io.zhihang.application.service.admin.AdminAudit;
import io.zhihang.domain.auth.RegistrationToken;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.auth.UiaSession;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** The admin side of registration tokens; the registration side is the UIA stage in {@code UserInteractiveAuth}. */
@ApplicationScoped
public class RegistrationTokenAdminService implements RegistrationTokensUseCase {
    private static final int ATTEMPTS = 10;

    private final RegistrationTokenRepository tokens;
    private final AdminAudit audit;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public RegistrationTokenAdminService(RegistrationTokenRepository tokens, AdminAudit audit, InstantSource clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<RegistrationToken> list(Requester admin, Boolean valid) {
        admin.ensureAdmin();
        Instant now = clock.instant();
        return tokens.all(liveSince(now)).stream()
                .filter(t -> valid == null || t.isValid(now) == valid).toList();
    }

    @Override
    @Transactional
    public RegistrationToken get(Requester admin, String token) {
        admin.ensureAdmin();
        return existing(token, clock.instant());
    }

    @Override
    @Transactional
    public RegistrationToken create(Requester admin, String ip, NewRegistrationToken request) {
        admin.ensureAdmin();
        Instant now = clock.instant();
        Integer uses = RegistrationToken.checkUsesAllowed(request.usesAllowed());
        Long expiry = RegistrationToken.checkExpiry(request.expiryTime(), now);
        String token;
        if (request.token() != null) {
            token = RegistrationToken.checkToken(request.token());
            if (!tokens.insert(token, uses, expiry)) {
                throw DomainException.invalidParam("Token already exists: " + token);
            }
        } else {
            int length = RegistrationToken.checkLength(request.length());
            token = null;
            for (int attempt = 0; attempt < ATTEMPTS && token == null; attempt++) {
                String candidate = randomToken(length);
                if (tokens.insert(candidate, uses, expiry)) {
                    token = candidate;
                }
            }
            if (token == null) {
                throw new IllegalStateException("Could not generate a free registration token");
            }
        }
        audit.record(admin, ip, "create_registration_token", token, limits(uses, expiry));
        return existing(token, now);
    }

    @Override
    @Transactional
    public RegistrationToken update(Requester admin, String ip, String token, RegistrationTokenChange change) {
        admin.ensureAdmin();
        Instant now = clock.instant();
        RegistrationToken current = existing(token, now);
        if (!change.setUsesAllowed() && !change.setExpiryTime()) {
            return current;
        }
        Integer uses = change.setUsesAllowed() ? RegistrationToken.checkUsesAllowed(change.usesAllowed())
                : current.usesAllowed();
        Long expiry = change.setExpiryTime() ? RegistrationToken.checkExpiry(change.expiryTime(), now)
                : current.expiryTime();
        tokens.update(token, uses, expiry);
        audit.record(admin, ip, "update_registration_token", token, limits(uses, expiry));
        return existing(token, now);
    }

    @Override
    @Transactional
    public void delete(Requester admin, String ip, String token) {
        admin.ensureAdmin();
        if (!tokens.delete(token)) {
            throw notFound(token);
        }
        audit.record(admin, ip, "delete_registration_token", token, JsonObject.EMPTY);
    }

    /** Holds made by sessions younger than a UIA session's lifetime are pending. */
    static Instant liveSince(Instant now) {
        return now.minus(UiaSession.LIFETIME);
    }

    private RegistrationToken existing(String token, Instant now) {
        return tokens.find(token, liveSince(now)).orElseThrow(() -> notFound(token));
    }

    private static DomainException notFound(String token) {
        return DomainException.notFound("No such registration token: " + token);
    }

    private static JsonObject limits(Integer uses, Long expiry) {
        JsonObject.Builder details = JsonObject.builder();
        if (uses != null) {
            details.put("uses_allowed", uses);
        }
        if (expiry != null) {
            details.put("expiry_time", expiry);
        }
        return details.build();
    }

    private String randomToken(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(RegistrationToken.ALPHABET.charAt(random.nextInt(RegistrationToken.ALPHABET.length())));
        }
        return out.toString();
    }
}
