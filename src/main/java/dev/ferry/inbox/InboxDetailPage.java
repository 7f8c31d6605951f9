package dev.ferry.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.orders.InvalidOrderException;
import dev.ferry.orders.OrderBodyReader;
import dev.ferry.orders.OrderFieldNames;
import dev.ferry.orders.OrderValidator;
import dev.ferry.orders.Violation;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /inbox/{id}: one exception for a reviewer — what stopped, what usually fixes it, the order to
 * correct, and replay or discard. A refused form is shown again with each error beside its field
 * (status 422); anything that worked redirects, so a reload never acts twice.
 */
@Controller
@RequestMapping("/inbox/{id}")
class InboxDetailPage {

    private static final String PAGE = "inbox/detail";
    private static final String NOTICE_PAGE = "inbox/notice";

    private final InboxQueries queries;
    private final InboxActions actions;
    private final InboxClaims claims;
    private final OrderBodyReader bodies;
    private final OrderValidator validator;
    private final ObjectMapper json;

    InboxDetailPage(InboxQueries queries, InboxActions actions, InboxClaims claims, OrderBodyReader bodies,
            OrderValidator validator, ObjectMapper json) {
        this.queries = queries;
        this.actions = actions;
        this.claims = claims;
        this.bodies = bodies;
        this.validator = validator;
        this.json = json;
    }

    /** The list the reviewer came from (its filters and page ride along on every link and form of the item). */
    @ModelAttribute("place")
    ListPlace place(InboxListFilter filter, @RequestParam(name = "page", defaultValue = "0") int page) {
        return ListPlace.of(filter, page);
    }

    /** Opening an item takes it for the reviewer, unless someone else works on it (then the page says who). */
    @GetMapping
    String show(@PathVariable String id,
            @ModelAttribute(name = "place", binding = false) ListPlace place, Authentication user, Model model) {
        InboxDetail detail = find(id);
        if (detail.status() == ExceptionStatus.OPEN) {
            model.addAttribute("claim", claims.opened(id, user.getName()));
        }
        return render(detail, model);
    }

    @PostMapping("/take-over")
    String takeOver(@PathVariable String id,
            @ModelAttribute(name = "place", binding = false) ListPlace place, Authentication user,
            RedirectAttributes flash) {
        try {
            Claim before = queries.claim(id);
            claims.claim(id, user.getName(), true);
            flash.addFlashAttribute("notice", before == null || before.by().equals(user.getName())
                    ? "You are working on this now." : "You took this over from " + InboxWords.actor(before.by())
                    + "; they see that if they try to act on it.");
        } catch (InboxProblems.NotOpen taken) {
            return takenMeanwhile(id, place, flash);
        }
        return back(id, place);
    }

    /** Lets go of the item and returns to the list: staying on the item would take it again. */
    @PostMapping("/release")
    String release(@PathVariable String id,
            @ModelAttribute(name = "place", binding = false) ListPlace place, Authentication user,
            RedirectAttributes flash) {
        try {
            claims.release(id, user.getName());
            flash.addFlashAttribute("notice", "You let go of it; anyone may take it now.");
        } catch (Claim.Held held) {
            flash.addFlashAttribute("problem", WorklistView.claim(held.claim(), user.getName())
                    + "; it was not yours to let go of.");
        }
        return "redirect:" + place.listUrl();
    }

    // an action's address in the address bar (a reload after a refused form, a copied link) shows the item again
    @GetMapping({"/edit", "/edit-json", "/replay", "/resolve", "/discard", "/take-over", "/release"})
    String actionAddress(@PathVariable String id, @ModelAttribute(name = "place", binding = false) ListPlace place) {
        return back(id, place);
    }

    /**
     * Saves the corrections; with {@code then=replay} ("Save and replay", and the Replay button at the top, which
     * submits this form so corrections typed but not saved are never thrown away) it replays next.
     */
    @PostMapping("/edit")
    String edit(@PathVariable String id, @RequestParam Map<String, String> params,
            @RequestParam(required = false) String then,
            @ModelAttribute(name = "place", binding = false) ListPlace place, Authentication user,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        InboxDetail detail = find(id);
        // only the inputs named by a JSON pointer are order fields; the rest is _csrf, the button and the list's place
        Map<String, String> fields = params.entrySet().stream().filter(p -> p.getKey().startsWith("/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        ObjectNode corrected = EditableFields.apply(detail.payload(), fields);
        boolean replay = "replay".equals(then);
        try {
            // a Replay with nothing changed replays the order as it is, even one the validator would refuse
            if (!replay || !corrected.equals(detail.payload())) {
                actions.edit(id, corrected, user.getName());
            }
        } catch (InvalidOrderException refused) {
            model.addAttribute("form", EditableFields.form(detail.payload(), fields, refused.violations()));
            return refused(detail, model, response);
        } catch (InboxProblems.NotOpen taken) {
            return takenMeanwhile(id, place, flash);
        } catch (Claim.Held held) {
            return held(id, place, held, user, flash);
        }
        if (replay) {
            return replay(id, place, user, flash);
        }
        flash.addFlashAttribute("notice", "Your corrections are saved. Replay the order to send it through again.");
        // the page comes back with the Replay button focused: the step that usually follows
        return back(id, place) + "#replay";
    }

    @PostMapping("/edit-json")
    String editJson(@PathVariable String id, @RequestParam(defaultValue = "") String order,
            @ModelAttribute(name = "place", binding = false) ListPlace place, Authentication user, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        InboxDetail detail = find(id);
        try {
            actions.edit(id, bodies.read(order), user.getName());
        } catch (InvalidOrderException refused) {
            model.addAttribute("json", order);
            model.addAttribute("jsonErrors", refused.violations().stream().map(InboxDetailPage::located).toList());
            return refused(detail, model, response);
        } catch (InboxProblems.NotOpen taken) {
            return takenMeanwhile(id, place, flash);
        } catch (Claim.Held held) {
            return held(id, place, held, user, flash);
        }
        flash.addFlashAttribute("notice", "Your corrections are saved. Replay the order to send it through again.");
        return back(id, place) + "#replay";
    }

    @PostMapping("/replay")
    String replay(@PathVariable String id,
            @ModelAttribute(name = "place", binding = false) ListPlace place, Authentication user,
            RedirectAttributes flash) {
        InboxDetail detail = find(id);
        try {
            InboxItem item = actions.replay(id, user.getName());
            flash.addFlashAttribute("notice", (item.category() == FlagCategory.BUSINESS_RULE
                    ? "Approved: the order " : "The order ") + name(detail) + " is on its way again.");
            flash.addFlashAttribute("followOrder", item.orderId());
        } catch (InboxProblems.NotOpen taken) {
            return takenMeanwhile(id, place, flash);
        } catch (Claim.Held held) {
            return held(id, place, held, user, flash);
        }
        return next(id, place, user, flash);
    }

    @PostMapping("/resolve")
    String resolve(@PathVariable String id, @RequestParam(required = false) String note,
            @ModelAttribute(name = "place", binding = false) ListPlace place, Authentication user, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        InboxDetail detail = find(id);
        if (!new InboxRequests.Resolve(note).violations().isEmpty()) {
            model.addAttribute("resolveError", note == null || note.isBlank()
                    ? "Say in a few words what was done; it is kept in the history."
                    : "Keep the note under " + InboxRequests.MAX_REASON + " characters.");
            model.addAttribute("note", note);
            return refused(detail, model, response);
        }
        try {
            actions.resolve(id, note.trim(), user.getName());
        } catch (InboxProblems.NotOpen taken) {
            return takenMeanwhile(id, place, flash);
        } catch (Claim.Held held) {
            return held(id, place, held, user, flash);
        }
        flash.addFlashAttribute("notice", "Marked as resolved. (" + detail.title() + ")");
        return next(id, place, user, flash);
    }

    /** Discards at once, and the notice offers to take it back for a while (docs/inbox.md, "Undo"). */
    @PostMapping("/discard")
    String discard(@PathVariable String id, @RequestParam(required = false) String reason,
            @ModelAttribute(name = "place", binding = false) ListPlace place, Authentication user, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        InboxDetail detail = find(id);
        if (!new InboxRequests.Discard(reason).violations().isEmpty()) {
            model.addAttribute("discardError", reason == null || reason.isBlank()
                    ? "Give a reason for discarding; it is kept in the order's history."
                    : "Keep the reason under " + InboxRequests.MAX_REASON + " characters.");
            model.addAttribute("reason", reason);
            return refused(detail, model, response);
        }
        try {
            actions.discard(id, reason.trim(), user.getName());
        } catch (InboxProblems.NotOpen taken) {
            return takenMeanwhile(id, place, flash);
        } catch (Claim.Held held) {
            return held(id, place, held, user, flash);
        }
        flash.addFlashAttribute("notice", detail.subject() != null
                ? "Discarded " + detail.title() + "; it will not be raised again."
                : "The order " + name(detail) + " is discarded; nothing more will happen to it.");
        flash.addFlashAttribute("undo", List.of(id));
        return next(id, place, user, flash);
    }

    @ExceptionHandler(InboxProblems.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("what", "inbox item");
        return "not-found";
    }

    private InboxDetail find(String id) {
        return queries.detail(id).orElseThrow(() -> new InboxProblems.NotFound(id));
    }

    /** After an action, the next item of the same list, if one waits that nobody else works on; else this one. */
    private String next(String id, ListPlace place, Authentication user, RedirectAttributes flash) {
        return queries.next(place.filter().toFilter(), id, user.getName())
                .map(next -> "redirect:" + place.itemUrl(next))
                .orElseGet(() -> {
                    flash.addFlashAttribute("lastOne", true);
                    return back(id, place);
                });
    }

    private static String back(String id, ListPlace place) {
        return "redirect:" + place.itemUrl(id);
    }

    private static String name(InboxDetail detail) {
        return detail.order() == null ? "" : detail.order().externalId() + " ("
                + detail.payload().path("customer").path("name").asText("no name") + ")";
    }

    private static String held(String id, ListPlace place, Claim.Held held, Authentication user,
            RedirectAttributes flash) {
        flash.addFlashAttribute("problem", WorklistView.claim(held.claim(), user.getName())
                + ", so nothing was changed. Take it over first if you mean to work on it.");
        return back(id, place);
    }

    private String refused(InboxDetail detail, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("problem", "Nothing was changed: correct what is marked below and try again.");
        return render(detail, model);
    }

    private String render(InboxDetail detail, Model model) {
        ListPlace place = (ListPlace) model.getAttribute("place");
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        queries.next(place.filter().toFilter(), detail.id(), user).ifPresent(next ->
                model.addAttribute("nextUrl", place.itemUrl(next)));
        Claim claim = detail.status() == ExceptionStatus.OPEN
                ? (model.containsAttribute("claim") ? (Claim) model.getAttribute("claim") : queries.claim(detail.id()))
                : null;
        model.addAttribute("claim", claim);
        model.addAttribute("claimWords", WorklistView.claim(claim, user));
        model.addAttribute("claimMine", claim != null && claim.by().equals(user));
        if (detail.subject() != null) {
            model.addAttribute("item", NoticeView.of(detail, Instant.now()));
            return NOTICE_PAGE;
        }
        InboxDetailView view = InboxDetailView.of(detail, Instant.now());
        model.addAttribute("item", view);
        if (!model.containsAttribute("form")) {
            // an order flagged as invalid opens with its faults already beside their fields
            List<Violation> faults = view.open() ? validator.violations(detail.payload()) : List.of();
            model.addAttribute("form", EditableFields.form(detail.payload(), Map.of(), faults));
        }
        if (!model.containsAttribute("json")) {
            model.addAttribute("json", pretty(detail.payload()));
        }
        if (view.open()) {
            EditableFields.Form form = (EditableFields.Form) model.getAttribute("form");
            model.addAttribute("fix", WorklistView.fix(form, detail.reason()));
        }
        model.addAttribute("earlier", WorklistView.earlier(queries.earlierAttempts(detail.id(), detail.orderId())));
        return PAGE;
    }

    private static String takenMeanwhile(String id, ListPlace place, RedirectAttributes flash) {
        flash.addFlashAttribute("problem", "Someone else has dealt with this in the meantime; here is where"
                + " it stands now.");
        return back(id, place);
    }

    private static final Pattern WHERE = Pattern.compile("at line (\\d+), column (\\d+)");

    /** A violation beside the JSON editor, naming the field as the form does; a typo by its line and column. */
    static String located(Violation violation) {
        String message = violation.message() == null ? "" : violation.message();
        if (violation.pointer().isEmpty() && message.startsWith("Malformed JSON")) {
            // the parser's own words name its settings (StreamReadFeature...): a person needs where to look
            Matcher where = WHERE.matcher(message);
            return where.find()
                    ? "This is not valid JSON: look at line " + where.group(1) + ", column " + where.group(2)
                            + " (a missing comma, quote or bracket just before it is the usual cause)."
                    : "This is not valid JSON: look for a missing comma, quote or bracket.";
        }
        if (violation.pointer().isEmpty()) {
            return ViolationWords.of(message);
        }
        return OrderFieldNames.of(violation.pointer()) + ": " + ViolationWords.of(message);
    }

    private String pretty(ObjectNode payload) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return payload.toString();
        }
    }
}
