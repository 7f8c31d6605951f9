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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
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
    private static final String BACK = "redirect:/inbox/{id}";

    private final InboxQueries queries;
    private final InboxActions actions;
    private final OrderBodyReader bodies;
    private final OrderValidator validator;
    private final ObjectMapper json;

    InboxDetailPage(InboxQueries queries, InboxActions actions, OrderBodyReader bodies, OrderValidator validator,
            ObjectMapper json) {
        this.queries = queries;
        this.actions = actions;
        this.bodies = bodies;
        this.validator = validator;
        this.json = json;
    }

    @GetMapping
    String show(@PathVariable String id, Model model) {
        return render(find(id), model);
    }

    // an action's address in the address bar (a reload after a refused form, a copied link) shows the item again
    @GetMapping({"/edit", "/edit-json", "/replay", "/resolve", "/discard"})
    String actionAddress(@PathVariable String id) {
        return BACK;
    }

    @PostMapping("/edit")
    String edit(@PathVariable String id, @RequestParam Map<String, String> params,
            @RequestParam(required = false) String then, Authentication user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        InboxDetail detail = find(id);
        // only the inputs named by a JSON pointer are order fields; the rest is _csrf and the button
        Map<String, String> fields = params.entrySet().stream().filter(p -> p.getKey().startsWith("/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        try {
            actions.edit(id, EditableFields.apply(detail.payload(), fields), user.getName());
        } catch (InvalidOrderException refused) {
            model.addAttribute("form", EditableFields.form(detail.payload(), fields, refused.violations()));
            return refused(detail, model, response);
        } catch (InboxProblems.NotOpen taken) {
            return takenMeanwhile(flash);
        }
        if ("replay".equals(then)) {
            return replay(id, user, flash);
        }
        flash.addFlashAttribute("notice", "Your corrections are saved. Replay the order to send it through again.");
        return BACK;
    }

    @PostMapping("/edit-json")
    String editJson(@PathVariable String id, @RequestParam(defaultValue = "") String order, Authentication user,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        InboxDetail detail = find(id);
        try {
            actions.edit(id, bodies.read(order), user.getName());
        } catch (InvalidOrderException refused) {
            model.addAttribute("json", order);
            model.addAttribute("jsonErrors", refused.violations().stream().map(InboxDetailPage::located).toList());
            return refused(detail, model, response);
        } catch (InboxProblems.NotOpen taken) {
            return takenMeanwhile(flash);
        }
        flash.addFlashAttribute("notice", "Your corrections are saved. Replay the order to send it through again.");
        return BACK;
    }

    @PostMapping("/replay")
    String replay(@PathVariable String id, Authentication user, RedirectAttributes flash) {
        try {
            InboxItem item = actions.replay(id, user.getName());
            flash.addFlashAttribute("notice", item.category() == FlagCategory.BUSINESS_RULE
                    ? "Approved: the order is on its way again." : "The order is on its way again.");
            flash.addFlashAttribute("followOrder", true);
        } catch (InboxProblems.NotOpen taken) {
            return takenMeanwhile(flash);
        }
        return BACK;
    }

    @PostMapping("/resolve")
    String resolve(@PathVariable String id, @RequestParam(required = false) String note, Authentication user,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
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
            return takenMeanwhile(flash);
        }
        flash.addFlashAttribute("notice", "Marked as resolved.");
        return BACK;
    }

    @PostMapping("/discard")
    String discard(@PathVariable String id, @RequestParam(required = false) String reason, Authentication user,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
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
            return takenMeanwhile(flash);
        }
        flash.addFlashAttribute("notice", detail.subject() != null ? "Discarded; it will not be raised again."
                : "The order is discarded; nothing more will happen to it.");
        return BACK;
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

    private String refused(InboxDetail detail, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("problem", "Nothing was changed: correct what is marked below and try again.");
        return render(detail, model);
    }

    private String render(InboxDetail detail, Model model) {
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
        return PAGE;
    }

    private static String takenMeanwhile(RedirectAttributes flash) {
        flash.addFlashAttribute("problem", "Someone else has dealt with this in the meantime; here is where"
                + " it stands now.");
        return BACK;
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
