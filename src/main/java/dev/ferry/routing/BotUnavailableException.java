package dev.ferry.routing;

/** A step needs a bot for a legacy screen that is not installed. */
public class BotUnavailableException extends RuntimeException {

    public BotUnavailableException(String reason) {
        super(reason);
    }
}
