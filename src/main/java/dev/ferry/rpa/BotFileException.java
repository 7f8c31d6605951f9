package dev.ferry.rpa;

/** A bot file that cannot be used, with the place of the mistake: {@code file:line:column: message}. */
class BotFileException extends RuntimeException {

    BotFileException(String message) {
        super(message);
    }
}
