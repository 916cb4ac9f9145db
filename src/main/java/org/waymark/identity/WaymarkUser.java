package org.waymark.identity;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.waymark.shared.Actor;
import org.waymark.shared.AgencyId;
import org.waymark.shared.UserId;

/**
 * The signed-in user, as Spring Security and the other modules see them. Kept in the web session
 * in the database, so its serialised form stays compatible from one version to the next.
 */
public final class WaymarkUser implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final UserId id;
    private final AgencyId agencyId;
    private final String name;
    private final String email;
    private final Set<Role> roles;
    private String passwordHash;
    private final boolean active;
    private final boolean notLocked;
    /** The identity provider that signs the user in; null for a local account. Null in sessions older than it. */
    private final String provider;

    WaymarkUser(UserId id, AgencyId agencyId, String name, String email, Set<Role> roles, String passwordHash,
            boolean active, boolean notLocked, String provider) {
        this.id = id;
        this.agencyId = agencyId;
        this.name = name;
        this.email = email;
        this.roles = Set.copyOf(roles);
        this.passwordHash = passwordHash;
        this.active = active;
        this.notLocked = notLocked;
        this.provider = provider;
    }

    public UserId id() {
        return id;
    }

    public AgencyId agencyId() {
        return agencyId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether the user holds a role of the work with operations ({@link Role#OPERATIONAL}). */
    public boolean operational() {
        return roles.stream().anyMatch(Role::operational);
    }

    /**
     * Whether this is the machine account of an airline's gateway: it sends passenger data
     * through the API with its tokens, and never signs in to the pages.
     */
    public boolean carrierGateway() {
        return roles.contains(Role.CARRIER_GATEWAY);
    }

    /** The configured name of the identity provider that signs the user in; null for a local account. */
    public String provider() {
        return provider;
    }

    public Actor actor() {
        return new Actor(id, agencyId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return notLocked;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WaymarkUser user && user.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "WaymarkUser[" + id + "]";
    }
}
