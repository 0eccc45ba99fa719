package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonBool;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

import java.util.ArrayList;
import java.util.List;

/**
 * What a matching push rule does. {@code dont_notify} and {@code coalesce} are historical: accepted and kept as given,
 * but they do nothing (a rule with {@code ["dont_notify"]} is a rule with no actions, as the spec says).
 */
public sealed interface PushAction {
    PushAction NOTIFY = new Notify();
    PushAction DONT_NOTIFY = new DontNotify();
    PushAction COALESCE = new Coalesce();

    JsonValue toJson();

    record Notify() implements PushAction {
        @Override
        public JsonValue toJson() {
            return JsonString.of("notify");
        }
    }

    record DontNotify() implements PushAction {
        @Override
        public JsonValue toJson() {
            return JsonString.of("dont_notify");
        }
    }

    record Coalesce() implements PushAction {
        @Override
        public JsonValue toJson() {
            return JsonString.of("coalesce");
        }
    }

    /**
     * {@code {"set_tweak": tweak, "value": value}}; {@code value} is null when absent. Other members of the object
     * are kept, since tweaks pass through to push gateways.
     */
    record SetTweak(String tweak, JsonValue value, JsonObject json) implements PushAction {
        public static SetTweak of(String tweak, JsonValue value) {
            JsonObject.Builder json = JsonObject.builder().put("set_tweak", tweak);
            if (value != null) {
                json.put("value", value);
            }
            return new SetTweak(tweak, value, json.build());
        }

        @Override
        public JsonValue toJson() {
            return json;
        }
    }

    static SetTweak sound(String sound) {
        return SetTweak.of("sound", JsonString.of(sound));
    }

    static SetTweak highlight() {
        return SetTweak.of("highlight", null);
    }

    static SetTweak highlight(boolean value) {
        return SetTweak.of("highlight", JsonBool.of(value));
    }

    /** An action as a client gives it; an unknown one is {@code M_INVALID_PARAM}, as in Synapse. */
    static PushAction parse(JsonValue json) {
        if (json instanceof JsonString s) {
            return switch (s.value()) {
                case "notify" -> NOTIFY;
                case "dont_notify" -> DONT_NOTIFY;
                case "coalesce" -> COALESCE;
                default -> throw DomainException.invalidParam("Unknown action " + s.value());
            };
        }
        if (json instanceof JsonObject o && o.string("set_tweak").isPresent()) {
            return new SetTweak(o.string("set_tweak").orElseThrow(), o.get("value").orElse(null), o);
        }
        throw DomainException.invalidParam("An action is a string or an object with 'set_tweak'");
    }

    static List<PushAction> parseAll(JsonArray json) {
        List<PushAction> actions = new ArrayList<>();
        json.items().forEach(item -> actions.add(parse(item)));
        return List.copyOf(actions);
    }

    static JsonArray toJson(List<PushAction> actions) {
        return new JsonArray(actions.stream().map(PushAction::toJson).toList());
    }
}
