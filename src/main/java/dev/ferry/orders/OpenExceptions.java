package dev.ferry.orders;

import java.util.Collection;
import java.util.Map;

/** Which orders wait in the review inbox, and as which exception; the inbox module answers. */
public interface OpenExceptions {

    /** Order id to the id of its open exception, for the orders that have one. */
    Map<String, String> openExceptionIds(Collection<String> orderIds);
}
