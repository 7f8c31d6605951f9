package dev.ferry.routing;

/** The order is valid but a business rule says a person must look at it first. */
public class BusinessRuleException extends RuntimeException {

    public BusinessRuleException(String reason) {
        super(reason);
    }
}
