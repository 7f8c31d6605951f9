package dev.ferry.system;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Map;

/**
 * The simulated systems of the sandbox module, seen from Ferry: on the class path under {@code ./mvnw
 * spring-boot:run} and in the tests, absent from the production jar. Ferry's code does not compile against them
 * (the module is a runtime dependency), so they are reached by name.
 */
public final class Simulator {

    static final String SYSTEMS = "dev.ferry.sandbox.SandboxSystems";
    static final String ALONE = "dev.ferry.sandbox.SandboxOnly";
    static final String MODE = "sandbox-only";
    static final String NOT_IN_THIS_BUILD = "this build of Ferry has no simulated systems (the production jar leaves"
            + " them out)";

    private Simulator() {
    }

    static boolean present() {
        try {
            Class.forName(SYSTEMS, false, Simulator.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** True when the arguments or FERRY_MODE ask for the simulated systems alone. */
    public static boolean aloneRequested(String[] args, Map<String, String> env) {
        return Arrays.asList(args).contains("--ferry.mode=" + MODE) || MODE.equals(env.get("FERRY_MODE"));
    }

    /** Runs the simulated systems alone; null, or what stops them from running, in one line. */
    public static String runAlone(String[] args, Map<String, Object> defaults) {
        if (!present()) {
            return "--ferry.mode=" + MODE + " asks for the simulated systems, but " + NOT_IN_THIS_BUILD + ". Run"
                    + " them with java -jar sandbox/target/ferry-sandbox-standalone.jar, or from the source tree with"
                    + " ./mvnw spring-boot:run -Dspring-boot.run.arguments=--ferry.mode=" + MODE;
        }
        try {
            Class.forName(ALONE).getMethod("run", String[].class, Map.class).invoke(null, args, defaults);
            return null;
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the sandbox module does not offer " + ALONE + ".run", e);
        }
    }
}
