package nl.steunpunt.buddy.ui.security;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import nl.steunpunt.buddy.shared.Role;

/** A local account: used in the default sign-in mode (no Keycloak). The password is stored hashed. */
@Entity
@Table(name = "user_account")
class UserAccountEntity {

    @Id
    @Column(length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_account_role", joinColumns = @JoinColumn(name = "username"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 20)
    private Set<Role> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_account_region", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "region_code", length = 32)
    private Set<String> regions = new HashSet<>();

    protected UserAccountEntity() {
    }

    UserAccountEntity(String username, String displayName, String passwordHash, Set<Role> roles, Set<String> regions) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = new HashSet<>(roles);
        this.regions = new HashSet<>(regions);
    }

    String username() { return username; }
    String displayName() { return displayName; }
    String passwordHash() { return passwordHash; }
    boolean enabled() { return enabled; }
    Set<Role> roles() { return roles; }
    Set<String> regions() { return regions; }
}
