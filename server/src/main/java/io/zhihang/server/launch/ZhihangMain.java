package io.zhihang.server.launch;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.util.List;

/**
 * The server's entry point. It is compiled for Java 17 (a second compiler execution in server/pom.xml), so that on
 * a JVM older than 21 it still loads and says which Java it needs instead of failing deep inside Quarkus; then it
 * runs the pre-flight checks (config.Preflight, Java 21, called by name so that this class does not link it) and
 * only then boots Quarkus, so that a wrong setting stops the start before a database or a key is made.
 */
@QuarkusMain
public final class ZhihangMain {
    static final int REQUIRED_JAVA = 21;

    private ZhihangMain() {
    }

    public static void main(String... args) {
        int feature = Runtime.version().feature();
        if (feature < REQUIRED_JAVA) {
            String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home"));
            System.err.println("Zhihang needs Java " + REQUIRED_JAVA + " or newer, found " + feature
                    + " (" + java + ")");
            System.exit(1);
        }
        List<String> problems = preflightProblems();
        if (!problems.isEmpty()) {
            for (String problem : problems) {
                System.err.println("zhihang: " + problem);
            }
            System.exit(2);
        }
        Quarkus.run(args);
    }

    @SuppressWarnings("unchecked")
    private static List<String> preflightProblems() {
        try {
            return (List<String>) Class.forName("io.zhihang.server.config.Preflight")
                    .getMethod("problems").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The pre-flight checks could not run", e);
        }
    }
}
