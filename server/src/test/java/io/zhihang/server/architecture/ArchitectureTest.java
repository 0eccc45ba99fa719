package io.zhihang.server.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rule of the hexagon, as executable rules (docs/architecture.md). */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.zhihang");
    }

    static final ArchRule domain_is_pure = classes().that().resideInAPackage("io.zhihang.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.zhihang.domain..", "java..", "javax.crypto..")
            .because("the domain is plain Java (the JDK's crypto included): no framework, no adapter");

    static final ArchRule application_is_framework_free = noClasses().that().resideInAPackage("io.zhihang.application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "jakarta.persistence..",
                    "jakarta.ws.rs..", "org.hibernate..", "com.fasterxml..", "io.smallrye..", "org.eclipse.microprofile..",
                    "io.zhihang.adapter..", "io.zhihang.server..")
            .because("use cases know only the domain, CDI and transactions");

    static final ArchRule application_uses_no_service_locator = noClasses().that().resideInAPackage("io.zhihang.application..")
            .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.enterprise.inject.spi.CDI");

    static final ArchRule hexagon = onionArchitecture()
            .domainModels("io.zhihang.domain..")
            .applicationServices("io.zhihang.application..")
            .adapter("rest", "io.zhihang.adapter.rest..")
            .adapter("persistence", "io.zhihang.adapter.persistence..")
            .adapter("security", "io.zhihang.server.security..", "io.zhihang.server.keys..")
            .adapter("scheduler", "io.zhihang.server.maintenance..")
            .adapter("imaging", "io.zhihang.server.media..")
            .adapter("push", "io.zhihang.server.push..")
            .withOptionalLayers(true)
            .ignoreDependency(resideInAnyPackage("io.zhihang.server.wiring..", "io.zhihang.server.config.."),
                    DescribedPredicate.alwaysTrue())
            .ignoreDependency(resideInAnyPackage("io.zhihang.server.security..", "io.zhihang.server.keys.."),
                    resideInAPackage("io.zhihang.server.config.."))
            .because("the server module's wiring assembles the layers; everything else keeps to the onion");

    static final ArchRule ports_in_do_not_know_services = noClasses().that().resideInAPackage("io.zhihang.application.port.in..")
            .should().dependOnClassesThat().resideInAPackage("io.zhihang.application.service..");

    static final ArchRule ports_out_do_not_know_ports_in = noClasses().that().resideInAPackage("io.zhihang.application.port.out..")
            .should().dependOnClassesThat().resideInAPackage("io.zhihang.application.port.in..");

    static final ArchRule persistence_is_contained = noClasses().that().resideOutsideOfPackage("io.zhihang.adapter.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "io.quarkus.hibernate..",
                    "org.hibernate..", "io.quarkus.panache..")
            .because("only the persistence adapter touches JPA, Hibernate or Panache");

    static final ArchRule entities_live_in_persistence = classes().that().areAnnotatedWith("jakarta.persistence.Entity")
            .should().resideInAPackage("io.zhihang.adapter.persistence..");

    static final ArchRule jaxrs_is_contained = noClasses().that().resideOutsideOfPackage("io.zhihang.adapter.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
            .because("only the REST adapter speaks JAX-RS");

    static final ArchRule transactions_belong_to_services = noClasses().that().resideOutsideOfPackage("io.zhihang.application.service..")
            .should().beAnnotatedWith("jakarta.transaction.Transactional")
            .andShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
            .because("one use case is one unit of work");

    static final ArchRule domain_has_no_cycles = slices().matching("io.zhihang.domain.(*)..").should().beFreeOfCycles();

    static final ArchRule services_have_no_cycles = slices().matching("io.zhihang.application.service.(*)..")
            .should().beFreeOfCycles();

    @Test
    void domain_is_pure() {
        domain_is_pure.check(classes);
    }

    @Test
    void application_is_framework_free() {
        application_is_framework_free.check(classes);
        application_uses_no_service_locator.check(classes);
    }

    @Test
    void hexagon() {
        hexagon.check(classes);
        ports_in_do_not_know_services.check(classes);
        ports_out_do_not_know_ports_in.check(classes);
    }

    @Test
    void persistence_is_contained() {
        persistence_is_contained.check(classes);
        entities_live_in_persistence.check(classes);
    }

    @Test
    void jaxrs_is_contained() {
        jaxrs_is_contained.check(classes);
    }

    @Test
    void transactions_belong_to_services() {
        transactions_belong_to_services.check(classes);
    }

    @Test
    void every_entity_is_mapped_in_the_postgresql_unit_too() throws java.io.IOException {
        String ormPg;
        try (var in = ArchitectureTest.class.getResourceAsStream("/META-INF/orm-pg.xml")) {
            ormPg = new String(java.util.Objects.requireNonNull(in, "orm-pg.xml").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        var entities = classes.stream()
                .filter(c -> c.isAnnotatedWith("jakarta.persistence.Entity"))
                .map(com.tngtech.archunit.core.domain.JavaClass::getName)
                .toList();
        org.assertj.core.api.Assertions.assertThat(entities).isNotEmpty()
                .allSatisfy(name -> org.assertj.core.api.Assertions.assertThat(ormPg)
                        .as("META-INF/orm-pg.xml must list %s", name)
                        .contains("<entity class=\"" + name + "\"/>"));
    }

    /**
     * A request goes to the resource class whose {@code @Path} is the longest prefix of it, and is not matched against
     * the methods of classes with shorter paths: a method of {@code /_synapse/admin} at {@code v1/users} is never
     * reached once another class claims {@code /_synapse/admin/v1}. Every method must live in the class that wins.
     */
    @Test
    void every_resource_method_is_reachable() {
        var resources = classes.stream().filter(c -> c.isAnnotatedWith("jakarta.ws.rs.Path")).toList();
        java.util.Map<String, String> classPaths = new java.util.HashMap<>();
        resources.forEach(c -> classPaths.put(c.getName(),
                trim(c.getAnnotationOfType(jakarta.ws.rs.Path.class).value())));
        java.util.List<String> shadowed = new java.util.ArrayList<>();
        for (var resource : resources) {
            String base = classPaths.get(resource.getName());
            for (var method : resource.getMethods()) {
                if (!method.isAnnotatedWith("jakarta.ws.rs.Path")) {
                    continue;
                }
                String full = base + "/" + trim(method.getAnnotationOfType(jakarta.ws.rs.Path.class).value());
                classPaths.forEach((other, otherBase) -> {
                    if (otherBase.length() > base.length() && (full.equals(otherBase)
                            || full.startsWith(otherBase + "/"))) {
                        shadowed.add(resource.getSimpleName() + "." + method.getName() + " (" + full + ") under "
                                + other);
                    }
                });
            }
        }
        org.assertj.core.api.Assertions.assertThat(shadowed).as("methods no request can reach").isEmpty();
    }

    private static String trim(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Test
    void no_cycles() {
        domain_has_no_cycles.check(classes);
        services_have_no_cycles.check(classes);
    }
}
