package io.zhihang.server.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micrometer stops adding HTTP metrics for new routes once it has seen {@code max-uri-tags} distinct URI templates
 * ("Reached the maximum number (100) of URI tags"): the cap must exceed the number of routes Zhihang serves.
 */
@QuarkusTest
class MetricsUriTagsApiTest {
    private static final List<Class<? extends java.lang.annotation.Annotation>> VERBS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, HEAD.class, OPTIONS.class, PATCH.class);
    /** Quarkus's own endpoints (/q/health, /q/metrics, /q/openapi and their variants) and "NOT_FOUND". */
    private static final int NON_RESOURCE_TAGS = 20;

    @ConfigProperty(name = "quarkus.micrometer.binder.http-server.max-uri-tags")
    int maxUriTags;

    @Test
    void the_uri_tag_cap_exceeds_the_routes_served() {
        Set<String> templates = new TreeSet<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.zhihang.adapter.rest")) {
            String base = resource.tryGetAnnotationOfType(Path.class).map(Path::value).orElse("");
            for (JavaMethod method : resource.getMethods()) {
                if (VERBS.stream().anyMatch(method::isAnnotatedWith)) {
                    templates.add(base + "/" + method.tryGetAnnotationOfType(Path.class).map(Path::value).orElse(""));
                }
            }
        }
        System.out.printf("MetricsUriTagsApiTest: %d distinct route templates, max-uri-tags %d%n",
                templates.size(), maxUriTags);

        assertThat(templates.size()).isGreaterThan(100);
        assertThat(maxUriTags).isGreaterThan(templates.size() + NON_RESOURCE_TAGS);
    }
}
