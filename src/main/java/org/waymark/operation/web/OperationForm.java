package org.waymark.operation.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.validation.Errors;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.OperationDetails;
import org.waymark.operation.OperationView;
import org.waymark.shared.AgencyId;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;
import org.waymark.shared.DateInput;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The operation form, as typed: dates as GOV.UK date inputs; the focus countries chosen by name,
 * as checkboxes of those chosen and one more from a select ({@code anotherCountry}), each sent as
 * its ISO code, which the page never asks anyone to type.
 */
class OperationForm {

    @NotBlank(message = "{operation.name.required}")
    private String name;

    @NotBlank(message = "{operation.port.required}")
    @Size(max = 3, message = "{operation.port.invalid}")
    private String port;

    private DateInput startDate = new DateInput();
    private DateInput endDate = new DateInput();
    private Set<ExploitationType> focusExploitationTypes = EnumSet.noneOf(ExploitationType.class);

    @Size(max = 300, message = "{operation.focusCountries.notListed}")
    private Set<String> focusCountries = new LinkedHashSet<>();

    private String anotherCountry = "";

    private List<UUID> agencyIds = new ArrayList<>();

    private boolean addFlightsFromPassengerData;

    static OperationForm of(OperationView operation) {
        OperationForm form = new OperationForm();
        form.name = operation.name();
        form.port = operation.port().value();
        form.startDate = DateInput.of(operation.startDate());
        form.endDate = DateInput.of(operation.endDate());
        if (operation.plan() != null) {
            form.focusExploitationTypes = EnumSet.noneOf(ExploitationType.class);
            form.focusExploitationTypes.addAll(operation.plan().focusExploitationTypes());
            operation.plan().focusCountries().forEach(country -> form.focusCountries.add(country.value()));
            form.agencyIds = operation.plan().agencyIds().stream().map(AgencyId::value).toList();
            form.addFlightsFromPassengerData = operation.plan().addFlightsFromPassengerData();
        }
        return form;
    }

    /** The plan, or null with the reasons added to {@code errors} where what was typed cannot be one. */
    OperationDetails toDetails(Errors errors) {
        String portCode = port == null ? "" : port.strip().toUpperCase(Locale.ROOT);
        if (!errors.hasFieldErrors("port") && !AirportCode.isValid(portCode)) {
            errors.rejectValue("port", "operation.port.invalid");
        }
        var start = date(startDate, "startDate", errors);
        var end = date(endDate, "endDate", errors);
        Set<CountryCode> countries = new LinkedHashSet<>();
        for (String code : focusCountries) {
            if (CountryCode.isValid(code)) {
                countries.add(new CountryCode(code));
            } else if (!errors.hasFieldErrors("focusCountries")) {
                errors.rejectValue("focusCountries", "operation.focusCountries.notListed");
            }
        }
        if (!anotherCountry.isBlank()) {
            if (CountryCode.isValid(anotherCountry)) {
                countries.add(new CountryCode(anotherCountry));
            } else {
                errors.rejectValue("anotherCountry", "operation.anotherCountry.unknown");
            }
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new OperationDetails(name, new AirportCode(portCode), start, end, focusExploitationTypes, countries,
                agencyIds.stream().map(AgencyId::new).collect(Collectors.toSet()), addFlightsFromPassengerData);
    }

    private static java.time.LocalDate date(DateInput input, String field, Errors errors) {
        if (input.isBlank()) {
            errors.rejectValue(field, "operation." + field + ".required");
            return null;
        }
        return input.toLocalDate().orElseGet(() -> {
            errors.rejectValue(field, "operation." + field + ".invalid");
            return null;
        });
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public DateInput getStartDate() {
        return startDate;
    }

    public void setStartDate(DateInput startDate) {
        this.startDate = startDate;
    }

    public DateInput getEndDate() {
        return endDate;
    }

    public void setEndDate(DateInput endDate) {
        this.endDate = endDate;
    }

    public Set<ExploitationType> getFocusExploitationTypes() {
        return focusExploitationTypes;
    }

    public void setFocusExploitationTypes(Set<ExploitationType> focusExploitationTypes) {
        this.focusExploitationTypes = focusExploitationTypes == null ? EnumSet.noneOf(ExploitationType.class)
                : focusExploitationTypes;
    }

    public Set<String> getFocusCountries() {
        return focusCountries;
    }

    public void setFocusCountries(Set<String> focusCountries) {
        this.focusCountries = focusCountries == null ? new LinkedHashSet<>() : new LinkedHashSet<>(focusCountries);
    }

    public String getAnotherCountry() {
        return anotherCountry;
    }

    public void setAnotherCountry(String anotherCountry) {
        this.anotherCountry = anotherCountry == null ? "" : anotherCountry;
    }

    public List<UUID> getAgencyIds() {
        return agencyIds;
    }

    public void setAgencyIds(List<UUID> agencyIds) {
        this.agencyIds = agencyIds == null ? new ArrayList<>() : agencyIds;
    }

    public boolean isAddFlightsFromPassengerData() {
        return addFlightsFromPassengerData;
    }

    public void setAddFlightsFromPassengerData(boolean addFlightsFromPassengerData) {
        this.addFlightsFromPassengerData = addFlightsFromPassengerData;
    }
}
