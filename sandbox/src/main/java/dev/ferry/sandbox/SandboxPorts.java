package dev.ferry.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code ferry.sandbox.<system>.port: 0} (and {@code ferry.sandbox.portal.port: 0}) into a real free
 * port before any bean reads it, so the connectors' {@code http://localhost:${ferry.sandbox.erp.port}} and
 * the simulators agree.
 */
class SandboxPorts implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "ferrySandboxPorts";
    static final String PORTAL_PORT = "ferry.sandbox.portal.port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("ferry.sandbox.enabled", Boolean.class, false)) {
            return;
        }
        List<String> unset = new ArrayList<>();
        for (String port : portProperties()) {
            if (environment.getProperty(port, Integer.class, 0) == 0) {
                unset.add(port);
            }
        }
        if (unset.isEmpty()) {
            return;
        }
        Map<String, Object> ports = new LinkedHashMap<>();
        List<Integer> free = freePorts(unset.size());
        for (int i = 0; i < unset.size(); i++) {
            ports.put(unset.get(i), free.get(i));
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, ports));
    }

    // after the config files (ConfigData runs near the highest precedence), so their 0 is what is replaced
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The four systems' ports, then the portal's. */
    static List<String> portProperties() {
        List<String> ports = new ArrayList<>();
        for (SandboxSystem system : SandboxSystem.values()) {
            ports.add(system.portProperty());
        }
        ports.add(PORTAL_PORT);
        return ports;
    }

    /** Holds all sockets open until every port is chosen, so no two systems get the same one. */
    static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                // lets WireMock bind the port at once, though the probe's socket may linger in TIME_WAIT
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for the sandbox systems", e);
        } finally {
            sockets.forEach(SandboxPorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port was only borrowed to learn its number
        }
    }
}
