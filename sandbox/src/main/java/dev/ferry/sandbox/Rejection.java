package dev.ferry.sandbox;

/** Ends the handling of a request early with an error reply, so validation reads top to bottom. */
final class Rejection extends RuntimeException {

    private final transient Reply reply;

    Rejection(int status, String code, String message) {
        super(message, null, false, false);
        this.reply = Reply.error(status, code, message);
    }

    static Rejection badRequest(String code, String message) {
        return new Rejection(400, code, message);
    }

    static Rejection unprocessable(String code, String message) {
        return new Rejection(422, code, message);
    }

    Reply reply() {
        return reply;
    }
}
