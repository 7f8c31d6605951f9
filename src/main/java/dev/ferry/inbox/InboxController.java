package dev.ferry.inbox;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.ferry.orders.OrderBodyReader;
import dev.ferry.orders.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The review inbox API (docs/inbox.md); the acting user of every action is the authenticated name. */
@RestController
@RequestMapping("/api/exceptions")
class InboxController {

    private static final int MAX_PAGE_SIZE = 200;

    private final InboxQueries queries;
    private final InboxActions actions;
    private final InboxClaims claims;
    private final OrderBodyReader bodies;

    InboxController(InboxQueries queries, InboxActions actions, InboxClaims claims, OrderBodyReader bodies) {
        this.queries = queries;
        this.actions = actions;
        this.claims = claims;
        this.bodies = bodies;
    }

    /** The detail with who works on it: {@code claim} is null when nobody does. */
    record ClaimedDetail(@JsonUnwrapped InboxDetail detail, Claim claim) {
    }

    /** A replay: the order is queued again. */
    record Replayed(String exceptionId, String orderId, String status) {
    }

    record BulkReplayed(int replayed, List<String> exceptionIds) {
    }

    record BulkDiscarded(int discarded, List<String> exceptionIds) {
    }

    @GetMapping
    InboxPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
            @RequestParam(required = false) String step, @RequestParam(required = false) String source,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return queries.page(new InboxFilter(status(status), category(category), step, source, q), page, size);
    }

    @GetMapping("/counts")
    Map<ExceptionStatus, InboxQueries.Counts> counts() {
        return queries.counts();
    }

    @GetMapping("/{id}")
    ClaimedDetail detail(@PathVariable String id) {
        InboxDetail detail = queries.detail(id).orElseThrow(() -> new InboxProblems.NotFound(id));
        return new ClaimedDetail(detail, queries.claim(id));
    }

    /** {@code {"takeOver": true}} takes the item from whoever holds it; without it, someone else's claim is 409. */
    @PostMapping("/{id}/claim")
    Claim claim(@PathVariable String id, @RequestBody(required = false) InboxRequests.TakeOver body,
            Authentication user) {
        return claims.claim(id, user.getName(), body != null && Boolean.TRUE.equals(body.takeOver()));
    }

    @DeleteMapping("/{id}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable String id, Authentication user) {
        claims.release(id, user.getName());
    }

    // the corrected order is read like a posted one: size limit, content type, strict JSON
    @PutMapping("/{id}/payload")
    ClaimedDetail edit(@PathVariable String id, HttpServletRequest request, Authentication user) throws IOException {
        actions.edit(id, bodies.read(request), user.getName());
        return detail(id);
    }

    @PostMapping("/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Replayed replay(@PathVariable String id, Authentication user) {
        InboxItem item = actions.replay(id, user.getName());
        return new Replayed(item.id(), item.orderId(), "ACCEPTED");
    }

    @PostMapping("/{id}/discard")
    ClaimedDetail discard(@PathVariable String id, @RequestBody(required = false) InboxRequests.Discard body,
            Authentication user) {
        var discard = body == null ? new InboxRequests.Discard(null) : body;
        requireValid(discard.violations(), "The discard needs a reason; nothing was changed.");
        actions.discard(id, discard.reason().trim(), user.getName());
        return detail(id);
    }

    @PostMapping("/{id}/resolve")
    ClaimedDetail resolve(@PathVariable String id, @RequestBody(required = false) InboxRequests.Resolve body,
            Authentication user) {
        var resolve = body == null ? new InboxRequests.Resolve(null) : body;
        requireValid(resolve.violations(), "Resolving needs a note saying what was done; nothing was changed.");
        actions.resolve(id, resolve.note().trim(), user.getName());
        return detail(id);
    }

    @PostMapping("/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    BulkReplayed replayAll(@RequestBody(required = false) InboxRequests.Selection body, Authentication user) {
        List<String> replayed = actions.each(select(body, false), id -> actions.replay(id, user.getName()));
        requireSome(replayed);
        return new BulkReplayed(replayed.size(), replayed);
    }

    @PostMapping("/discard")
    BulkDiscarded discardAll(@RequestBody(required = false) InboxRequests.Selection body, Authentication user) {
        List<String> ids = select(body, true);
        List<String> discarded = actions.each(ids, id -> actions.discard(id, body.reason().trim(), user.getName()));
        requireSome(discarded);
        return new BulkDiscarded(discarded.size(), discarded);
    }

    private List<String> select(InboxRequests.Selection body, boolean reasonRequired) {
        var selection = body == null ? new InboxRequests.Selection(null, null, null, null, null, null) : body;
        requireValid(selection.violations(reasonRequired), "The selection is not valid; nothing was changed.");
        return selection.byIds()
                ? selection.ids().stream().map(String::trim).distinct().toList()
                : queries.openIds(selection.filter(), InboxRequests.MAX_BULK);
    }

    private static void requireValid(List<Violation> violations, String message) {
        if (!violations.isEmpty()) {
            throw new InboxProblems.InvalidRequest(message, violations);
        }
    }

    private static void requireSome(List<String> done) {
        if (done.isEmpty()) {
            throw new InboxProblems.InvalidRequest("None of the selected exceptions is OPEN; nothing was changed.",
                    List.of(new Violation("", "the selection holds no OPEN exception")));
        }
    }

    private static ExceptionStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ExceptionStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown status '" + status
                    + "'; use one of " + List.of(ExceptionStatus.values()) + ".");
        }
    }

    private static FlagCategory category(String category) {
        FlagCategory known = InboxRequests.categoryNamed(category);
        if (known == null && category != null && !category.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown category '" + category
                    + "'; use one of " + List.of(FlagCategory.values()) + ".");
        }
        return known;
    }
}
