package io.zhihang.domain.media;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Content-Disposition} of a media response: {@code inline} only for types that are safe to show in
 * place, {@code attachment} otherwise, with the file name as an RFC 6266 token when it is one and as
 * {@code filename*=utf-8''…} (percent-encoded) when it is not, so no name can break out of the header.
 */
public final class ContentDisposition {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$&+.^_`|~-]+");

    private ContentDisposition() {
    }

    public static String of(MediaContentType type, Optional<String> fileName) {
        String disposition = type.inlineSafe() ? "inline" : "attachment";
        return fileName.filter(name -> !name.isBlank())
                .map(name -> disposition + "; " + fileNameParameter(name))
                .orElse(disposition);
    }

    private static String fileNameParameter(String name) {
        if (TOKEN.matcher(name).matches()) {
            return "filename=" + name;
        }
        return "filename*=utf-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
