package io.zhihang.adapter.rest.http;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads {@code byte[]} request bodies (every JSON endpoint takes one) up to {@code zhihang.http.max-request-bytes}.
 * A body sent without Content-Length (chunked) is measured here as it is read, so one over the limit is refused with
 * {@code 413 M_TOO_LARGE} like one that declares its length ({@link HttpEdge}), instead of reaching Quarkus's own cap,
 * which answers a bare 413 and fails the request with a server error.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class BoundedBodyReader implements MessageBodyReader<byte[]> {
    private final HttpSettings settings;

    public BoundedBodyReader(HttpSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == byte[].class;
    }

    @Override
    public byte[] readFrom(Class<byte[]> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        long max = settings.maxRequestBytes();
        byte[] read = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (read.length > max) {
            throw new DomainException(ErrorKind.TOO_LARGE, "Request body too large");
        }
        return read;
    }
}
