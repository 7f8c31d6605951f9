package dev.ferry;

import dev.ferry.authoring.NewConnectorCommand;
import dev.ferry.authoring.ValidateCommand;
import dev.ferry.authoring.ValidationAtStart;
import dev.ferry.rehearsal.ReplayCommand;
import dev.ferry.rehearsal.RouteTestCommand;
import dev.ferry.system.FerryHome;
import dev.ferry.system.Simulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

// people log in with the users of config/ (ferry.security.users), never a generated password
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableScheduling
public class FerryApplication {

    public static void main(String[] args) {
        FerryHome home = FerryHome.resolve(args, System.getenv());
        String problem = home.problem();
        if (problem != null) {
            System.err.println("Ferry cannot start: " + problem);
            System.exit(2);
        }
        if (ValidateCommand.requested(args)) {
            System.exit(ValidateCommand.run(home.path(), args, System.getenv(), System.out));
        }
        if (RouteTestCommand.requested(args)) {
            System.exit(RouteTestCommand.run(home.path(), args, System.getenv(), System.out));
        }
        if (ReplayCommand.requested(args)) {
            System.exit(ReplayCommand.run(home.path(), args, System.getenv(), System.out, FerryApplication.class,
                    home.defaultProperties()));
        }
        if (NewConnectorCommand.requested(args)) {
            System.exit(NewConnectorCommand.run(home.path(), args, System.out));
        }
        if (Simulator.aloneRequested(args, System.getenv())) {
            String missing = Simulator.runAlone(args, home.defaultProperties());
            if (missing != null) {
                System.err.println("Ferry cannot start: " + missing);
                System.exit(2);
            }
            return;
        }
        SpringApplication app = new SpringApplication(FerryApplication.class);
        app.setDefaultProperties(home.defaultProperties());
        app.addListeners(new ValidationAtStart(System.err, () -> System.exit(2)));
        app.run(args);
    }
}
