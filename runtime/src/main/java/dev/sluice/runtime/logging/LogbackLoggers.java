package dev.sluice.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.runtime.rest.entities.LoggerLevel;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kafka Connect's {@code /admin/loggers} semantics over Logback, Dropwizard's logging backend (Connect's own
 * implementation only drives Log4j 2): list levels, read one, set a namespace and all its descendants.
 */
public final class LogbackLoggers {

    private static final String ROOT = "root";

    private final LoggerContext context;
    private final Time time;
    private final Map<String, Long> lastModified = new ConcurrentHashMap<>();

    public LogbackLoggers(Time time) {
        this((LoggerContext) LoggerFactory.getILoggerFactory(), time);
    }

    LogbackLoggers(LoggerContext context, Time time) {
        this.context = context;
        this.time = time;
    }

    /** Loggers whose level is set explicitly, as Connect lists them; {@code root} is always there. */
    public Map<String, LoggerLevel> allLevels() {
        Map<String, LoggerLevel> out = new TreeMap<>();
        for (Logger logger : context.getLoggerList()) {
            Level level = logger.getLevel();
            if (level != null && level != Level.OFF) {
                String name = nameOf(logger);
                out.put(name, new LoggerLevel(level.toString(), lastModified.get(name)));
            }
        }
        return out;
    }

    /** The effective level of a known logger, or null if no such logger exists. */
    public LoggerLevel level(String name) {
        Logger logger = isRoot(name) ? context.getLogger(Logger.ROOT_LOGGER_NAME) : context.exists(name);
        if (logger == null) {
            return null;
        }
        String key = nameOf(logger);
        return new LoggerLevel(logger.getEffectiveLevel().toString(), lastModified.get(key));
    }

    /**
     * Sets the level of {@code namespace} and of every logger below it.
     *
     * @return the names of the loggers whose level changed, sorted
     */
    public List<String> setLevel(String namespace, String levelName) {
        Level level = toLevel(levelName);
        String ns = isRoot(namespace) ? Logger.ROOT_LOGGER_NAME : namespace;
        Logger ancestor = context.getLogger(ns);
        List<Logger> affected = new ArrayList<>();
        affected.add(ancestor);
        if (!ancestor.getName().equals(Logger.ROOT_LOGGER_NAME)) {
            for (Logger logger : context.getLoggerList()) {
                if (logger != ancestor && logger.getName().startsWith(ns + ".")) {
                    affected.add(logger);
                }
            }
        } else {
            affected = new ArrayList<>(context.getLoggerList());
        }
        List<String> changed = new ArrayList<>();
        long now = time.milliseconds();
        for (Logger logger : affected) {
            if (logger.getLevel() != level) {
                logger.setLevel(level);
                lastModified.put(nameOf(logger), now);
                changed.add(nameOf(logger));
            }
        }
        changed.sort(null);
        return changed;
    }

    static Level toLevel(String name) {
        // Log4j 2 names (what Connect's API accepts) mapped onto Logback's: FATAL is Logback's ERROR.
        return "FATAL".equalsIgnoreCase(name) ? Level.ERROR : Level.toLevel(name, Level.INFO);
    }

    private static boolean isRoot(String name) {
        return ROOT.equalsIgnoreCase(name) || name.isEmpty();
    }

    private static String nameOf(Logger logger) {
        return Logger.ROOT_LOGGER_NAME.equals(logger.getName()) ? ROOT : logger.getName();
    }
}
