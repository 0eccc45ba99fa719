package io.zhihang.server.api;

import io.zhihang.application.service.devicelist.DeviceKeysChanged;
import io.zhihang.application.service.devicelist.UserSignaturesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the key-change events the services fire (tests filter by their own fresh users). */
@ApplicationScoped
public class RecordedKeyChanges {
    private final List<DeviceKeysChanged> keyChanges = new CopyOnWriteArrayList<>();
    private final List<UserSignaturesChanged> signatureChanges = new CopyOnWriteArrayList<>();

    void onKeys(@Observes DeviceKeysChanged change) {
        keyChanges.add(change);
    }

    void onSignatures(@Observes UserSignaturesChanged change) {
        signatureChanges.add(change);
    }

    long keyChangesOf(String user) {
        return keyChanges.stream().filter(c -> c.user().toString().equals(user)).count();
    }

    List<UserSignaturesChanged> signaturesBy(String signer) {
        return signatureChanges.stream().filter(c -> c.signer().toString().equals(signer)).toList();
    }
}
