package dev.ferry.orders;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** /orders/{id}: one order's timeline for back-office staff, linked from its inbox item and back. */
@Controller
@RequestMapping("/orders")
class OrderPages {

    private final OrderQueries queries;

    OrderPages(OrderQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{orderId}")
    String order(@PathVariable String orderId, Model model) {
        OrderView order = queries.find(orderId).orElseThrow(() -> new OrderNotFound(orderId));
        model.addAttribute("order", order);
        model.addAttribute("statusWords", statusWords(order.status()));
        model.addAttribute("timeline", OrderTimeline.of(order.journal()));
        model.addAttribute("refs", OrderTimeline.refs(order.refs()));
        model.addAttribute("createdAt", PageTimes.at(order.createdAt()));
        // while the order moves, the page follows it by reloading itself: no script needed
        model.addAttribute("moving", order.status() == OrderStatus.ACCEPTED || order.status() == OrderStatus.IN_PROGRESS);
        return "orders/detail";
    }

    // a page, not problem+json: the global API handler would otherwise answer a person with JSON
    @ExceptionHandler(OrderNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(OrderNotFound e, Model model) {
        model.addAttribute("what", "order");
        model.addAttribute("id", e.orderId);
        return "not-found";
    }

    private static String statusWords(OrderStatus status) {
        return Map.of(
                OrderStatus.ACCEPTED, "Received, waiting to be processed.",
                OrderStatus.IN_PROGRESS, "Being processed now.",
                OrderStatus.COMPLETED, "Every step is done.",
                OrderStatus.FLAGGED, "Stopped: waiting in the inbox for a person.",
                OrderStatus.DISCARDED, "Given up on by a reviewer; nothing more happens.").get(status);
    }

    static class OrderNotFound extends RuntimeException {
        private final String orderId;

        OrderNotFound(String orderId) {
            super("There is no order with id " + orderId + ".");
            this.orderId = orderId;
        }
    }
}
