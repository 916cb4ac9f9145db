package org.waymark.safeguarding.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.OperationChoices;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.safeguarding.AdviceKind;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Checks.IndicatorEntry;
import org.waymark.safeguarding.FactOrOpinion;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.Indicator;
import org.waymark.safeguarding.IndicatorBasis;
import org.waymark.safeguarding.IndicatorGroup;
import org.waymark.safeguarding.Indicators;
import org.waymark.safeguarding.InterpreterMode;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.safeguarding.SupportRequests.CallOut;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

/**
 * The parts of a check, each on its own page for a phone: the person, the indicators ticked
 * together, the account and opinion, advice given, support asked for (and whom it called), and
 * the outcome that closes it. Each saves and goes back to the check; a closed check's parts only
 * show on the check.
 */
@PageController
@RequestMapping("/checks/{id}")
@RequiredArgsConstructor
class CheckPartsController {

    private final Checks checks;
    private final SupportRequests requests;
    private final Indicators indicators;
    private final Operations operations;
    private final OperationChoices choices;
    private final Agencies agencies;
    private final PortTime time;
    private final Clock clock;

    // The person

    @GetMapping("/person")
    String personForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        return edit(id, user, model, PersonForm::of, check -> personPage(check, model));
    }

    @PostMapping("/person")
    String person(@PathVariable UUID id, @ModelAttribute("form") PersonForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        Person person = form.toPerson(errors);
        // The category only when the officer changed it, so another's change is not undone.
        String done = person == null ? null : save(id, "checks.person.saved", errors, redirect,
                () -> checks.describe(id, person,
                        form.getCategory() != form.getPreviousCategory() ? form.getCategory() : null, user));
        if (done != null) {
            return done;
        }
        return personPage(page(id, user, model), model);
    }

    /**
     * The person's form: countries and languages by name, the operation's likely ones first, as
     * the tally offers them; the languages recorded already stay ticked.
     */
    private String personPage(CheckView check, Model model) {
        model.addAttribute("categories", PersonCategory.values());
        model.addAttribute("under18Answers", Under18.values());
        model.addAttribute("genders", Gender.values());
        List<String> interpreterModes = new ArrayList<>(List.of(PersonForm.NO_INTERPRETER));
        Arrays.stream(InterpreterMode.values()).map(Enum::name).forEach(interpreterModes::add);
        model.addAttribute("interpreterModes", interpreterModes);
        PersonForm form = (PersonForm) model.getAttribute("form");
        OperationChoices.Choices languages = choices.languages(check.operationId());
        model.addAttribute("countries", choices.countries(check.operationId()).groups());
        model.addAttribute("allLanguages", languages.groups());
        model.addAttribute("likelyLanguages", languages.firstWith(form.getLanguages()));
        model.addAttribute("otherLanguages", languages.restWithout(form.getLanguages()));
        return "checks/person";
    }

    // Indicators, chosen together

    @GetMapping("/indicators")
    String indicatorForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        return edit(id, user, model, IndicatorsForm::of, check -> indicatorPage(check, model));
    }

    /** Saves the indicators ticked, each with its basis and note; one unticked is removed. */
    @PostMapping("/indicators")
    String indicators(@PathVariable UUID id, @ModelAttribute("form") IndicatorsForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        Set<String> catalogue = indicators.all().stream().map(Indicator::code).collect(Collectors.toSet());
        List<IndicatorEntry> chosen = form.toEntries(catalogue, errors);
        String done = chosen == null ? null : save(id, "checks.indicators.saved", errors, redirect,
                () -> redirect.addFlashAttribute("savedArg",
                        checks.chooseIndicators(id, chosen, user).indicators().size()));
        if (done != null) {
            return done;
        }
        return indicatorPage(page(id, user, model), model);
    }

    /**
     * The catalogue in use by group, in the aide-memoire's order, with any indicator the check
     * recorded before it was retired, so that it can stay or be unticked.
     */
    private String indicatorPage(CheckView check, Model model) {
        Set<String> recorded = check.indicators().stream().map(found -> found.indicator().code())
                .collect(Collectors.toSet());
        List<Indicator> offered = indicators.all().stream()
                .filter(indicator -> !indicator.retired() || recorded.contains(indicator.code())).toList();
        Map<IndicatorGroup, List<Indicator>> byGroup = new LinkedHashMap<>();
        for (IndicatorGroup group : IndicatorGroup.values()) {
            List<Indicator> inGroup = offered.stream().filter(i -> i.group() == group).toList();
            if (!inGroup.isEmpty()) {
                byGroup.put(group, inGroup);
            }
        }
        model.addAttribute("catalogue", byGroup);
        model.addAttribute("bases", IndicatorBasis.values());
        model.addAttribute("maxNote", Checks.MAX_INDICATOR_NOTE);
        return "checks/indicators";
    }

    // What the person said, and the officer's opinion

    @GetMapping("/account")
    String accountForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        return edit(id, user, model, AccountForm::of, check -> accountPage(model));
    }

    @PostMapping("/account")
    String account(@PathVariable UUID id, @ModelAttribute("form") AccountForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        form.check(errors);
        String done = errors.hasErrors() ? null : save(id, "checks.account.saved", errors, redirect,
                () -> checks.recordAccount(id, form.getSuspectedTypes(), form.getAccount(), form.getOpinion(), user));
        if (done != null) {
            return done;
        }
        page(id, user, model);
        return accountPage(model);
    }

    private String accountPage(Model model) {
        model.addAttribute("exploitationTypes", ExploitationType.values());
        return "checks/account";
    }

    // Advice and support given

    @GetMapping("/advice")
    String adviceForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        return edit(id, user, model, check -> new AdviceForm(), check -> advicePage(model));
    }

    @PostMapping("/advice")
    String advice(@PathVariable UUID id, @ModelAttribute("form") AdviceForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        // The check is read (a logged read) at most once: for the port's time zone, or for the page again.
        CheckView check = form.hasTime() ? page(id, user, model) : null;
        String done = !form.check(errors) ? null : save(id, "checks.advice.saved", errors, redirect,
                () -> checks.giveAdvice(id, form.getKind(), check == null ? null : form.at(zone(check), clock),
                        form.getNote(), user));
        if (done != null) {
            return done;
        }
        if (check == null) {
            page(id, user, model);
        }
        return advicePage(model);
    }

    private String advicePage(Model model) {
        model.addAttribute("adviceKinds", AdviceKind.values());
        return "checks/advice";
    }

    // Support asked of a partner agency

    @GetMapping("/support")
    String supportForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        return edit(id, user, model, check -> SupportForm.withPhone(requests.phoneOf(user)),
                check -> supportPage(check, user, model));
    }

    /** Asks, then says whom the request called, on a page of its own rather than a banner that claims too much. */
    @PostMapping("/support")
    String support(@PathVariable UUID id, @ModelAttribute("form") SupportForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model) {
        if (form.check(errors)) {
            try {
                return back(id) + "/support/" + requests.request(id, form.toRequest(), user).id();
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return supportPage(page(id, user, model), user, model);
    }

    /**
     * Whom the request called: who of the agency is on call and whether they were emailed, or
     * plainly that nobody is, with the coordinators' numbers. A read of the check, as its heading
     * shows where it is.
     */
    @GetMapping("/support/{requestId}")
    String supportSent(@PathVariable UUID id, @PathVariable UUID requestId, @AuthenticationPrincipal WaymarkUser user,
            Model model) {
        CallOut callOut = requests.callOut(requestId, user);
        if (!callOut.request().checkId().equals(id)) {
            throw new NotFoundException("support request", requestId);
        }
        page(id, user, model);
        model.addAttribute("callOut", callOut);
        return "checks/support-sent";
    }

    /** The agencies taking part in the check's operation, by name. */
    private String supportPage(CheckView check, WaymarkUser user, Model model) {
        OperationView operation = operations.get(check.operationId(), user);
        List<AgencySummary> taking = operation.plan() == null ? List.of()
                : agencies.byId(operation.plan().agencyIds()).values().stream()
                        .filter(agency -> !agency.firstResponder())
                        .sorted(Comparator.comparing(AgencySummary::name)).toList();
        model.addAttribute("agencies", taking);
        model.addAttribute("supportKinds", SupportKind.values());
        return "checks/support";
    }

    // The outcome, which closes the check

    @GetMapping("/outcome")
    String outcomeForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        return edit(id, user, model, check -> new OutcomeForm(), check -> outcomePage(model));
    }

    @PostMapping("/outcome")
    String outcome(@PathVariable UUID id, @ModelAttribute("form") OutcomeForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        form.check(errors);
        String done = errors.hasErrors() ? null : save(id, "checks.outcome.saved", errors, redirect,
                () -> checks.close(id, form.getOutcomes(), form.getNote(), form.getNoteNature(), user));
        if (done != null) {
            return done;
        }
        page(id, user, model);
        return outcomePage(model);
    }

    private String outcomePage(Model model) {
        model.addAttribute("outcomeChoices", Outcome.values());
        model.addAttribute("natures", FactOrOpinion.values());
        return "checks/outcome";
    }

    /**
     * The check for a part's page: its heading and what the part shows of it. Only those who
     * record the check get it; the read is logged.
     */
    private CheckView page(UUID id, WaymarkUser user, Model model) {
        CheckView check = checks.readWhole(id, user);
        model.addAttribute("check", check);
        model.addAttribute("zone", zone(check).getId());
        return check;
    }

    private ZoneId zone(CheckView check) {
        return ZoneId.of(time.zone(operations.outline(check.operationId()).port().value()));
    }

    /** A part's form, filled from the check; a check that can no longer change goes back to its page. */
    private String edit(UUID id, WaymarkUser user, Model model, Function<CheckView, Object> form,
            Function<CheckView, String> page) {
        CheckView check = page(id, user, model);
        if (!check.editable()) {
            return back(id);
        }
        model.addAttribute("form", form.apply(check));
        return page.apply(check);
    }

    /**
     * Makes the change and goes back to the check, saying so; or, when the change breaks a rule,
     * puts it on the form's field and gives null, for the form to be shown again.
     */
    private static String save(UUID id, String message, Errors errors, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (RuleViolationException e) {
            errors.rejectValue(e.field(), e.messageCode());
            return null;
        }
        return saved(id, message, redirect);
    }

    private static String saved(UUID id, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", message);
        return back(id);
    }

    private static String back(UUID id) {
        return "redirect:/checks/" + id;
    }
}
