package dev.ferry.bench.probe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the probe counts, by name; exported as the Micrometer counter {@code bench.probe{what=<name>}}. The set is
 * fixed when the class loads, so the meters can be registered once.
 */
final class Counts {

    private static final Map<String, LongAdder> ALL = new LinkedHashMap<>();

    static final LongAdder JDBC_BORROW = add("jdbc.borrow");
    static final LongAdder JDBC_SELECT = add("jdbc.select");
    static final LongAdder JDBC_INSERT = add("jdbc.insert");
    static final LongAdder JDBC_UPDATE = add("jdbc.update");
    static final LongAdder JDBC_DELETE = add("jdbc.delete");
    static final LongAdder JDBC_OTHER = add("jdbc.other");
    static final LongAdder JDBC_COMMIT = add("jdbc.commit");
    static final LongAdder JDBC_ROLLBACK = add("jdbc.rollback");
    /** Statements other than SELECT run in auto-commit mode: each one is a transaction of its own. */
    static final LongAdder JDBC_AUTOCOMMIT_WRITE = add("jdbc.autocommit-write");

    /** CPU time of the calling threads inside JDBC calls (pool and database), in nanoseconds. */
    static final LongAdder JDBC_CPU_NANOS = add("jdbc.cpu-ns");

    static final LongAdder JMS_CONNECTION = add("jms.connection");
    static final LongAdder JMS_SESSION = add("jms.session");
    static final LongAdder JMS_SEND = add("jms.send");
    static final LongAdder JMS_RECEIVE = add("jms.receive");
    static final LongAdder JMS_RECEIVE_EMPTY = add("jms.receive-empty");
    static final LongAdder JMS_RECEIVE_AUTO_ACK = add("jms.receive-auto-ack");
    static final LongAdder JMS_COMMIT = add("jms.commit");
    /** Commits of a session that neither received nor sent since its last commit or rollback. */
    static final LongAdder JMS_COMMIT_EMPTY = add("jms.commit-empty");
    static final LongAdder JMS_ROLLBACK = add("jms.rollback");
    static final LongAdder JMS_RECOVER = add("jms.recover");

    /** CPU time of the calling threads inside JMS calls (the client, and the embedded broker on those threads). */
    static final LongAdder JMS_CPU_NANOS = add("jms.cpu-ns");

    static final Json BEAN_JSON = new Json("json.bean");
    static final Json ENDPOINT_JSON = new Json("json.endpoint");
    /** How many ObjectMappers held by Camel endpoints were replaced by counting copies. */
    static final LongAdder ENDPOINT_MAPPERS = add("json.endpoint.mappers");

    /** The (de)serialisations of one group of ObjectMappers. */
    record Json(LongAdder parse, LongAdder write, LongAdder toTree, LongAdder fromTree, LongAdder convert) {
        Json(String prefix) {
            this(add(prefix + ".parse"), add(prefix + ".write"), add(prefix + ".value-to-tree"),
                    add(prefix + ".tree-to-value"), add(prefix + ".convert"));
        }
    }

    private Counts() {
    }

    private static LongAdder add(String name) {
        LongAdder adder = new LongAdder();
        ALL.put(name, adder);
        return adder;
    }

    static Map<String, LongAdder> all() {
        return Collections.unmodifiableMap(ALL);
    }
}
