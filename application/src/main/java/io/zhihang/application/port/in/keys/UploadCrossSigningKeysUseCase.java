package io.zhihang.application.port.in.keys;

import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.CrossSigningUpload;

/**
 * {@code POST /keys/device_signing/upload}. Replacing keys needs the user's password (User-Interactive
 * Authentication); setting them up for the first time, or uploading exactly the stored keys again, does not.
 */
public interface UploadCrossSigningKeysUseCase {
    void upload(Requester requester, CrossSigningUpload upload, UiaAuth auth);
}
