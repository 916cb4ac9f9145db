package org.waymark.identity.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.waymark.identity.PasswordPolicy;
import org.waymark.identity.Role;
import org.waymark.identity.Users;
import org.waymark.identity.UserSummary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The add and edit user form. The password is asked for only when adding; blank means generate one.
 * The reason for passenger data access is needed only when the form gives it.
 */
class UserForm {

    @NotBlank(message = "{user.name.required}")
    private String name;

    @NotBlank(message = "{user.email.required}")
    @Email(message = "{user.email.invalid}")
    @Size(max = Users.MAX_EMAIL, message = "{user.email.invalid}")
    private String email;

    @NotNull(message = "{user.agency.required}")
    private UUID agencyId;

    @NotEmpty(message = "{user.roles.required}")
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Size(max = PasswordPolicy.MAX_LENGTH, message = "{password.tooLong}")
    private String password;

    /** Why the user needs passenger data: asked for when Passenger data is given, ignored otherwise. */
    private String passengerDataReason;

    static UserForm of(UserSummary user) {
        UserForm form = new UserForm();
        form.name = user.name();
        form.email = user.email();
        form.agencyId = user.agencyId().value();
        form.roles = EnumSet.copyOf(user.roles());
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? null : email.strip();
    }

    public UUID getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(UUID agencyId) {
        this.agencyId = agencyId;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
    }

    public String getPassengerDataReason() {
        return passengerDataReason;
    }

    public void setPassengerDataReason(String passengerDataReason) {
        this.passengerDataReason = passengerDataReason;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
