package dev.ferry.inbox;

import dev.ferry.orders.OrderQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * /inbox for back-office staff: what waits, oldest first, with counts, filters and search; several
 * items can be replayed or discarded at once. Every action answers with a redirect (post, redirect,
 * get), so reloading the page never acts twice.
 */
@Controller
@RequestMapping("/inbox")
class InboxListPage {

    private static final int PAGE_SIZE = 20;

    private final InboxQueries queries;
    private final InboxActions actions;
    private final Duration undoWindow;

    InboxListPage(InboxQueries queries, InboxActions actions,
            @Value("${ferry.inbox.undo-window:30s}") Duration undoWindow) {
        this.queries = queries;
        this.actions = actions;
        this.undoWindow = undoWindow;
    }

    @GetMapping
    Object list(InboxListFilter filter, @RequestParam(defaultValue = "0") int page, Authentication user, Model model) {
        int shown = Math.max(page, 0);
        InboxPage items = queries.page(filter.toFilter(), filter.sorted(), shown, PAGE_SIZE);
        if (items.items().isEmpty() && shown > 0 && items.totalItems() > 0) {
            // an old link past the end (?page=99 of 2): the last page, never "Page 100 of 2"
            return back(filter, (int) Math.max(0, items.totalPages() - 1));
        }
        Instant now = Instant.now();
        model.addAttribute("filter", filter);
        model.addAttribute("columns", InboxListView.columns(filter));
        model.addAttribute("rows", items.items().stream().map(item -> InboxListView.row(item, now)).toList());
        model.addAttribute("items", items);
        model.addAttribute("counts", InboxListView.counts(queries.openCounts(), filter));
        model.addAttribute("statuses", InboxListView.statuses());
        model.addAttribute("categories", InboxListView.categories());
        model.addAttribute("steps", InboxListView.steps());
        model.addAttribute("first", items.totalItems() == 0 ? 0 : (long) shown * PAGE_SIZE + 1);
        model.addAttribute("last", (long) shown * PAGE_SIZE + items.items().size());
        model.addAttribute("previousUrl", shown > 0 ? filter.url(shown - 1) : null);
        // past the counted items (docs/inbox.md) a full page may have more after it
        boolean counted = items.totalItems() < OrderQueries.MAX_COUNTED;
        String more = counted ? "" : " or more";
        model.addAttribute("total", items.totalItems() + more);
        model.addAttribute("pages", items.totalPages() + more);
        model.addAttribute("nextUrl", shown + 1 < items.totalPages()
                || !counted && items.items().size() == PAGE_SIZE ? filter.url(shown + 1) : null);
        if (!model.containsAttribute("selected")) {
            model.addAttribute("selected", List.of());
        }
        worklist(filter, shown, items, user.getName(), model);
        return "inbox/list";
    }

    /** Who works on each row, how replayed ones ended, which came back, and where working through the list starts. */
    private void worklist(InboxListFilter filter, int page, InboxPage items, String user, Model model) {
        ListPlace place = ListPlace.of(filter, page);
        model.addAttribute("itemQuery", place.query());
        Map<String, String> notes = new HashMap<>();
        Map<String, Integer> replays = queries.earlierReplays(items.items());
        for (InboxSummary item : items.items()) {
            String note = Stream.of(WorklistView.claim(item.claim(), user),
                            WorklistView.outcome(item.status(), item.orderStatus()),
                            WorklistView.cameBack(replays.get(item.id())))
                    .filter(Objects::nonNull).collect(Collectors.joining(" · "));
            if (!note.isEmpty()) {
                notes.put(item.id(), note);
            }
        }
        model.addAttribute("rowNotes", notes);
        model.addAttribute("anyOpen", items.items().stream().anyMatch(i -> i.status() == ExceptionStatus.OPEN));
        queries.next(filter.toFilter(), null, user).ifPresent(first -> model.addAttribute("startUrl", place.itemUrl(first)));
    }

    /** Takes back discards made a moment ago (the Undo button of the notice that follows a discard). */
    @PostMapping("/undo-discard")
    RedirectView undoDiscard(@RequestParam(required = false) List<String> ids, InboxListFilter filter,
            @RequestParam(defaultValue = "0") int page, Authentication user, RedirectAttributes flash) {
        List<String> undone = ids == null ? List.of()
                : ids.stream().filter(id -> actions.undoDiscard(id, user.getName(), undoWindow)).toList();
        if (undone.isEmpty()) {
            flash.addFlashAttribute("problem", "Nothing was taken back: the discard is older than "
                    + undoWindow.toSeconds() + " seconds, was not yours, or was taken back already.");
        } else {
            flash.addFlashAttribute("notice", (undone.size() == 1 ? "Discard taken back: the order waits"
                    : "Discard taken back: " + undone.size() + " orders wait") + " in the inbox again.");
        }
        ListPlace place = ListPlace.of(filter, page);
        return redirect(undone.size() == 1 ? place.itemUrl(undone.get(0)) : place.listUrl());
    }

    // the address of an action, typed or reloaded in the address bar, goes back to the list rather than to a 405
    @GetMapping({"/replay", "/discard"})
    RedirectView actionAddress(InboxListFilter filter) {
        return back(filter);
    }

    @PostMapping("/replay")
    RedirectView replay(@RequestParam(required = false) List<String> ids, @RequestParam(required = false) String reason,
            InboxListFilter filter, Authentication user, RedirectAttributes flash) {
        if (nothingSelected(ids, flash)) {
            return back(filter);
        }
        if (reason != null && !reason.isBlank()) {
            // Enter in the reason field sends the form's first button, Replay, where script is off: a reason
            // written says the reviewer meant to discard, so nothing is sent through on a guess
            flash.addFlashAttribute("selected", ids);
            flash.addFlashAttribute("reasonError", "You wrote a reason for discarding: press Discard selected to"
                    + " discard, or clear the reason to replay. Nothing was changed.");
            return back(filter);
        }
        List<String> replayed = actions.each(ids, id -> actions.replay(id, user.getName()));
        report(flash, replayed.size(), ids.size(), "sent through again");
        return back(filter);
    }

    @PostMapping("/discard")
    RedirectView discard(@RequestParam(required = false) List<String> ids, @RequestParam(required = false) String reason,
            InboxListFilter filter, Authentication user, RedirectAttributes flash) {
        if (nothingSelected(ids, flash)) {
            return back(filter);
        }
        if (!new InboxRequests.Discard(reason).violations().isEmpty()) {
            // the ticks stay, so the reviewer only adds the reason
            flash.addFlashAttribute("selected", ids);
            flash.addFlashAttribute("reasonError", "Give a reason for discarding; it is kept in each order's history.");
            return back(filter);
        }
        Consumer<String> discard = id -> actions.discard(id, reason.trim(), user.getName());
        List<String> discarded = actions.each(ids, discard);
        report(flash, discarded.size(), ids.size(), "discarded");
        if (!discarded.isEmpty()) {
            flash.addFlashAttribute("undo", discarded);
        }
        return back(filter);
    }

    private static boolean nothingSelected(List<String> ids, RedirectAttributes flash) {
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("problem", "Select at least one order first: tick the box at the start of its row.");
            return true;
        }
        return false;
    }

    private static void report(RedirectAttributes flash, int done, int selected, String what) {
        if (done == 0) {
            flash.addFlashAttribute("problem", "None of the selected orders was still waiting; nothing was changed.");
            return;
        }
        String orders = done == 1 ? "1 order " : done + " orders ";
        String skipped = selected > done ? " " + (selected - done)
                + " had already been dealt with, or someone else is working on them, and were left alone." : "";
        flash.addFlashAttribute("notice", orders + what + "." + skipped);
    }

    // the filters come back in hidden fields; the URL is built, never taken from the request as it is
    private static RedirectView back(InboxListFilter filter) {
        return back(filter, 0);
    }

    private static RedirectView back(InboxListFilter filter, int page) {
        return redirect(filter.url(page));
    }

    private static RedirectView redirect(String url) {
        RedirectView view = new RedirectView(url, true);
        view.setExpandUriTemplateVariables(false);
        return view;
    }
}
