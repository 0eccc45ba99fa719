package io.zhihang.application.port.in.keys;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.KeyFailure;
import io.zhihang.domain.keys.SignatureUpload;

import java.util.Map;

/** {@code POST /keys/signatures/upload}: stores the signatures that check out. */
public interface UploadSignaturesUseCase {
    /** The keys refused, by user id and key name. */
    Map<String, Map<String, KeyFailure>> upload(Requester requester, SignatureUpload upload);
}
