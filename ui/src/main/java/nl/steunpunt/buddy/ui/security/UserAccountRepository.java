package nl.steunpunt.buddy.ui.security;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import nl.steunpunt.buddy.shared.Role;

interface UserAccountRepository extends JpaRepository<UserAccountEntity, String> {

    @Query("select distinct u from UserAccountEntity u join u.roles r join u.regions g "
            + "where r = :role and g = :region and u.enabled = true order by u.displayName")
    List<UserAccountEntity> findWithRoleIn(Role role, String region);

    /** User name and display name of these accounts, without their roles and regions. */
    @Query("select u.username, u.displayName from UserAccountEntity u where u.username in :usernames")
    List<Object[]> displayNames(Collection<String> usernames);
}
