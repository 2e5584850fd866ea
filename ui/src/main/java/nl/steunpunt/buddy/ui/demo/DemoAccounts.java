package nl.steunpunt.buddy.ui.demo;

import java.util.List;
import java.util.Set;

import nl.steunpunt.buddy.shared.Role;

/** The demo accounts of the demo profile: one or more per role and region. */
public final class DemoAccounts {

    public static final String UTRECHT = "PO-2605";
    public static final String EEMLAND = "VO-2606";

    /** A demo account. */
    public record Account(String username, String displayName, Set<Role> roles, List<String> regions) {
    }

    public static final List<Account> ALL = List.of(
            new Account("coordinator.utrecht", "Sanne de Vries", Set.of(Role.COORDINATOR), List.of(UTRECHT)),
            new Account("coordinator.eemland", "Fatima El Amrani", Set.of(Role.COORDINATOR), List.of(EEMLAND)),
            new Account("trainer.utrecht", "Joost Bakker", Set.of(Role.TRAINER, Role.FACILITATOR), List.of(UTRECHT)),
            new Account("manager", "Marieke Jansen", Set.of(Role.MANAGER), List.of(UTRECHT, EEMLAND)),
            new Account("buddy.utrecht", "Petra Visser", Set.of(Role.BUDDY), List.of(UTRECHT)),
            new Account("buddy.zeist", "Youssef Bennani", Set.of(Role.BUDDY), List.of(UTRECHT)),
            new Account("buddy.nieuwegein", "Anouk Mulder", Set.of(Role.BUDDY), List.of(UTRECHT)),
            new Account("cursist.utrecht", "Lieke Verbeek", Set.of(Role.BUDDY), List.of(UTRECHT)),
            new Account("beheerder", "Henk Mulder", Set.of(Role.ADMIN), List.of(UTRECHT, EEMLAND)));

    private DemoAccounts() {
    }
}
