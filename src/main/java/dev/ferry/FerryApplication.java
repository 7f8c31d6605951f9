package dev.ferry;

import dev.ferry.sandbox.SandboxOnly;
import dev.ferry.system.FerryHome;
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
        if (SandboxOnly.requested(args, System.getenv())) {
            SandboxOnly.run(args, home.defaultProperties());
            return;
        }
        SpringApplication app = new SpringApplication(FerryApplication.class);
        app.setDefaultProperties(home.defaultProperties());
        app.run(args);
    }
}
