package io.zhihang.application.service.push;

import io.zhihang.application.port.in.push.ManagePushRulesUseCase;
import io.zhihang.application.port.in.push.PushRuleQueries;
import io.zhihang.application.port.in.push.PutPushRuleCommand;
import io.zhihang.application.port.out.push.PushRuleRepository;
import io.zhihang.application.port.out.push.PushRuleRepository.StoredPushRules;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.push.DefaultPushRules;
import io.zhihang.domain.push.PushAction;
import io.zhihang.domain.push.PushRule;
import io.zhihang.domain.push.PushRuleSet;
import io.zhihang.domain.push.RuleKind;
import io.zhihang.domain.push.UserPushRules;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A user's push rules: reading them (always from the store, so a client reads its own writes on any instance) and
 * changing them (one user's changes serialised by a lock, each bumping the user's version).
 */
@ApplicationScoped
public class PushRuleService implements ManagePushRulesUseCase, PushRuleQueries {
    private final PushRuleRepository repository;
    private final PushRulesCache cache;
    private final Event<SyncActivity> syncActivity;

    public PushRuleService(PushRuleRepository repository, PushRulesCache cache, Event<SyncActivity> syncActivity) {
        this.repository = repository;
        this.cache = cache;
        this.syncActivity = syncActivity;
    }

    @Override
    @Transactional
    public void put(PutPushRuleCommand c) {
        change(c.requester(), (rules, defaults) -> rules.put(c.kind(), c.ruleId(), c.rule(), c.before(), c.after()));
    }

    @Override
    @Transactional
    public void delete(Requester requester, RuleKind kind, String ruleId) {
        change(requester, (rules, defaults) -> rules.delete(kind, ruleId, defaults));
    }

    @Override
    @Transactional
    public void setEnabled(Requester requester, RuleKind kind, String ruleId, boolean enabled) {
        change(requester, (rules, defaults) -> rules.setEnabled(kind, ruleId, enabled, defaults));
    }

    @Override
    @Transactional
    public void setActions(Requester requester, RuleKind kind, String ruleId, List<PushAction> actions) {
        change(requester, (rules, defaults) -> rules.setActions(kind, ruleId, actions, defaults));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public JsonObject ruleset(Requester requester) {
        return rulesOf(requester.userId()).toJson();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public JsonObject rule(Requester requester, RuleKind kind, String ruleId) {
        return find(requester, kind, ruleId).toJson();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean enabled(Requester requester, RuleKind kind, String ruleId) {
        return find(requester, kind, ruleId).enabled();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public JsonArray actions(Requester requester, RuleKind kind, String ruleId) {
        return PushAction.toJson(find(requester, kind, ruleId).actions());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public JsonObject pushRulesAccountData(String userId) {
        return JsonObject.builder().put("global", rulesOf(UserId.parse(userId)).toJson()).build();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public long pushRulesPosition(String userId) {
        return repository.find(userId).map(StoredPushRules::version).orElse(0L);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean pushRulesChangedSince(String userId, long since) {
        return pushRulesPosition(userId) > since;
    }

    private PushRuleSet rulesOf(UserId userId) {
        StoredPushRules stored = repository.find(userId.toString()).orElse(StoredPushRules.NONE);
        return PushRuleSet.of(userId, stored.rules());
    }

    private PushRule find(Requester requester, RuleKind kind, String ruleId) {
        return rulesOf(requester.userId()).find(kind, ruleId)
                .orElseThrow(() -> DomainException.notFound("The push rule was not found."));
    }

    /** Locks the user's rules, applies the change, stores the next version and wakes the user's sync. */
    private void change(Requester requester,
                        BiFunction<UserPushRules, Map<RuleKind, List<PushRule>>, UserPushRules> change) {
        String userId = requester.userId().toString();
        repository.lock(userId);
        StoredPushRules current = repository.find(userId).orElse(StoredPushRules.NONE);
        UserPushRules next = change.apply(current.rules(), DefaultPushRules.forUser(requester.userId()));
        long version = current.version() + 1;
        repository.save(userId, new StoredPushRules(next, version));
        cache.changing(userId, version);
        syncActivity.fire(SyncActivity.ofUser(userId));
    }
}
