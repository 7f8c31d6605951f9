package dev.ferry.bots.nordicfreight;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.ferry.rpa.BotSession;

/** The portal's "Log in" screen. */
final class LoginScreen {

    private final BotSession session;
    private final Page page;

    private LoginScreen(BotSession session) {
        this.session = session;
        this.page = session.page();
    }

    static LoginScreen open(BotSession session) {
        session.open("/login");
        return new LoginScreen(session);
    }

    /** Signs in with the portal's user name and password secrets and waits for the main menu. */
    void signIn() {
        session.fillSecret(session.await(page.getByLabel("User name", exact()), "field 'User name'"),
                ShipmentStatusBot.USERNAME);
        session.fillSecret(session.await(page.getByLabel("Password", exact()), "field 'Password'"),
                ShipmentStatusBot.PASSWORD);
        session.await(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")), "button 'Log in'")
                .click();
        session.await(page.getByText("Main menu"), "text 'Main menu'");
    }

    private static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
    }
}
