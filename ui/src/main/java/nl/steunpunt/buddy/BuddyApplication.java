package nl.steunpunt.buddy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Steunpunt Buddy: workflow and case management for the buddy programme of an ouder- en jeugdsteunpunt. */
@SpringBootApplication
@EnableAsync
@EnableScheduling
@Theme(themeClass = Lumo.class)
@PWA(name = "Steunpunt Buddy", shortName = "Buddy")
public class BuddyApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(BuddyApplication.class, args);
    }
}
