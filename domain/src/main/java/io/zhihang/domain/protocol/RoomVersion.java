package io.zhihang.domain.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A room version as a record of flags, like Synapse's {@code RoomVersion}: algorithms switch on the flags, never on
 * the version string. Versions 1–12 are described; the server creates rooms in the versions it marks stable.
 *
 * @param eventIdFormat           how event ids are made (v1–2 server-generated, v3 standard base64, v4+ URL-safe)
 * @param redactionRules          which redaction algorithm applies (see {@code Redaction})
 * @param specialCaseAliasesAuth  v1–5: {@code m.room.aliases} is authorised specially
 * @param strictCanonicalJson     v6+: events must be canonical JSON (no floats, integers in range)
 * @param limitNotificationsPowerLevels v6+: {@code notifications} power levels are checked
 * @param knockJoinRule           v7+: the {@code knock} join rule
 * @param restrictedJoinRule      v8+: the {@code restricted} join rule
 * @param restrictedJoinRuleFix   v9+: {@code join_authorised_via_users_server} is kept by redaction
 * @param knockRestrictedJoinRule v10+: the {@code knock_restricted} join rule
 * @param enforceIntPowerLevels   v10+: power level values must be integers, not strings
 * @param implicitRoomCreator     v11+: the creator is the create event's sender ({@code content.creator} dropped)
 * @param privilegedCreators      v12+: creators have infinite power and are not in {@code users} of power levels
 * @param roomIdFromCreateEvent   v12+: the room id is {@code !} + the create event's reference hash
 */
public record RoomVersion(String id,
                          boolean stable,
                          EventIdFormat eventIdFormat,
                          RedactionRules redactionRules,
                          boolean specialCaseAliasesAuth,
                          boolean strictCanonicalJson,
                          boolean limitNotificationsPowerLevels,
                          boolean knockJoinRule,
                          boolean restrictedJoinRule,
                          boolean restrictedJoinRuleFix,
                          boolean knockRestrictedJoinRule,
                          boolean enforceIntPowerLevels,
                          boolean implicitRoomCreator,
                          boolean privilegedCreators,
                          boolean roomIdFromCreateEvent) {

    public enum EventIdFormat { V1_SERVER_GENERATED, V3_STANDARD_BASE64, V4_URL_SAFE_BASE64 }

    /** Which keys redaction keeps: see {@code shared/spec/vectors/redaction-rules.json}. */
    public enum RedactionRules { V1, V6, V8, V9, V11 }

    public static final RoomVersion V1 = new RoomVersion("1", true, EventIdFormat.V1_SERVER_GENERATED,
            RedactionRules.V1, true, false, false, false, false, false, false, false, false, false, false);
    public static final RoomVersion V2 = new RoomVersion("2", true, EventIdFormat.V1_SERVER_GENERATED,
            RedactionRules.V1, true, false, false, false, false, false, false, false, false, false, false);
    public static final RoomVersion V3 = new RoomVersion("3", true, EventIdFormat.V3_STANDARD_BASE64,
            RedactionRules.V1, true, false, false, false, false, false, false, false, false, false, false);
    public static final RoomVersion V4 = new RoomVersion("4", true, EventIdFormat.V4_URL_SAFE_BASE64,
            RedactionRules.V1, true, false, false, false, false, false, false, false, false, false, false);
    public static final RoomVersion V5 = new RoomVersion("5", true, EventIdFormat.V4_URL_SAFE_BASE64,
            RedactionRules.V1, true, false, false, false, false, false, false, false, false, false, false);
    public static final RoomVersion V6 = new RoomVersion("6", true, EventIdFormat.V4_URL_SAFE_BASE64,
            RedactionRules.V6, false, true, true, false, false, false, false, false, false, false, false);
    public static final RoomVersion V7 = new RoomVersion("7", true, EventIdFormat.V4_URL_SAFE_BASE64,
            RedactionRules.V6, false, true, true, true, false, false, false, false, false, false, false);
    public static final RoomVersion V8 = new RoomVersion("8", true, EventIdFormat.V4_URL_SAFE_BASE64,
            RedactionRules.V8, false, true, true, true, true, false, false, false, false, false, false);
    public static final RoomVersion V9 = new RoomVersion("9", true, EventIdFormat.V4_URL_SAFE_BASE64,
            RedactionRules.V9, false, true, true, true, true, true, false, false, false, false, false);
    public static final RoomVersion V10 = new RoomVersion("10", true, EventIdFormat.V4_URL_SAFE_BASE64,
            RedactionRules.V9, false, true, true, true, true, true, true, true, false, false, false);
    public static final RoomVersion V11 = new RoomVersion("11", true, EventIdFormat.V4_URL_SAFE_BASE64,
            RedactionRules.V11, false, true, true, true, true, true, true, true, true, false, false);
    public static final RoomVersion V12 = new RoomVersion("12", true, EventIdFormat.V4_URL_SAFE_BASE64,
            RedactionRules.V11, false, true, true, true, true, true, true, true, true, true, true);

    private static final Map<String, RoomVersion> KNOWN = Arrays.stream(
                    new RoomVersion[]{V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12})
            .collect(Collectors.toUnmodifiableMap(RoomVersion::id, Function.identity()));

    public static Optional<RoomVersion> byId(String id) {
        return Optional.ofNullable(KNOWN.get(id));
    }

    public static Map<String, RoomVersion> known() {
        return KNOWN;
    }
}
