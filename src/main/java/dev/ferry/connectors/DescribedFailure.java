package dev.ferry.connectors;

/**
 * An exception that already knows, in words for people, what went wrong and whether trying again
 * may help (for example a bot run on a legacy screen); {@link ConnectorFailures} takes its word.
 */
public interface DescribedFailure {

    Failure failure();
}
