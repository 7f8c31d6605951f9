package dev.ferry.rpa;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Playwright's locator for each way a bot file finds an element, and the words that name it in failures. */
final class Locators {

    private final Page page;
    private final UnaryOperator<String> resolve;

    /** {@code resolve} fills the placeholders of a value as the run has them. */
    Locators(Page page, UnaryOperator<String> resolve) {
        this.page = page;
        this.resolve = resolve;
    }

    /** The field of fill, select and check: near means the first field after the caption (the next cell, say). */
    Locator field(Step.Target target) {
        if (target.by().equals("near")) {
            return caption(target).locator("xpath=following::*[self::input[not(@type='hidden')] or self::select"
                    + " or self::textarea][1]");
        }
        return locator(target);
    }

    private Locator caption(Step.Target target) {
        return page.getByText(resolve.apply(target.value()), new Page.GetByTextOptions().setExact(true));
    }

    Locator locator(Step.Target target) {
        String value = resolve.apply(target.value());
        return switch (target.by()) {
            case "role" -> page.getByRole(AriaRole.valueOf(value.toUpperCase(Locale.ROOT)),
                    new Page.GetByRoleOptions().setName(resolve.apply(target.name())));
            case "text" -> page.getByText(value);
            case "label" -> page.getByLabel(value, new Page.GetByLabelOptions().setExact(true));
            // the element after the caption that has text of its own: the value cell beside a caption cell
            case "near" -> caption(target).locator("xpath=following::*[normalize-space(.) != ''][1]");
            case "xpath" -> page.locator("xpath=" + value);
            // as Playwright reads a selector: CSS, or parts chained with >> (SelectorCheck checks the same)
            default -> page.locator(value);
        };
    }

    /** "field 'City'", "list after 'Country'", "element at css '#zip'", "button 'Log in'", "text 'Done'". */
    String describe(String noun, Step.Target target) {
        String value = resolve.apply(target.value());
        return switch (target.by()) {
            case "role" -> value + " '" + resolve.apply(target.name()) + "'";
            case "text" -> "text '" + value + "'";
            case "label" -> noun + " '" + value + "'";
            case "near" -> noun + " after '" + value + "'";
            default -> noun + " at " + target.by() + " '" + value + "'";
        };
    }
}
