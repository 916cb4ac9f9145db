package org.waymark.screening.rules.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.screening.review.Outcomes;
import org.waymark.screening.rules.Criterion;
import org.waymark.screening.rules.Criterion.AllOf;
import org.waymark.screening.rules.Criterion.AnyOf;
import org.waymark.screening.rules.Criterion.Condition;
import org.waymark.screening.rules.Criterion.Not;
import org.waymark.screening.rules.Field;
import org.waymark.screening.rules.Operator;
import org.waymark.screening.rules.RuleWords;
import org.waymark.screening.rules.store.BacktestResult;
import org.waymark.screening.rules.store.Backtests;
import org.waymark.screening.rules.store.RuleViews.RuleDetail;
import org.waymark.screening.rules.store.RuleViews.RuleDraft;
import org.waymark.screening.rules.store.Rules;
import org.waymark.screening.rules.store.StoredGroups;
import org.waymark.shared.DateInput;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;
import org.waymark.shared.UserId;

/**
 * Screening rules for those with the passenger data role: the list, a rule written on a form
 * with no rule language (rows of conditions, one more added by a button, so no script is
 * needed), its versions, its back-tests and their figures, and enabling by a second person.
 */
@PageController
@RequestMapping("/screening/rules")
@RequiredArgsConstructor
class RulesController {

    /** The days of flights, as people at the UK's ports count them. */
    static final ZoneId UK = ZoneId.of("Europe/London");

    /** Where the criteria's problems are, as the store names them: criteria.all.2.values. */
    private static final Pattern CONDITION_PATH = Pattern.compile("criteria\\.(?:all|any)\\.(\\d+)(?:\\.not)?\\.(field|operator|values)");
    private static final Pattern REMOVE = Pattern.compile("remove-(\\d+)");

    private final Rules rules;
    private final Backtests backtests;
    private final StoredGroups groups;
    private final Users users;
    private final Clock clock;
    private final MessageSource messages;
    private final Outcomes outcomes;

    @GetMapping
    String list(Model model) {
        model.addAttribute("rules", rules.list());
        return "screening/rules/list";
    }

    @GetMapping("/new")
    String newRule(Model model) {
        model.addAttribute("form", new RuleForm());
        return formPage(null, model);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") RuleForm form, BindingResult errors,
            @RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal WaymarkUser user,
            Model model, RedirectAttributes redirect) {
        if (changedRows(form, action)) {
            return formPage(null, model);
        }
        RuleDraft draft = draft(form, errors);
        if (draft != null) {
            try {
                UUID id = rules.create(draft, user);
                redirect.addFlashAttribute("notice", "screening.rules.saved.new");
                return "redirect:/screening/rules/" + id;
            } catch (RuleViolationException e) {
                reject(e, errors);
            }
        }
        return formPage(null, model);
    }

    @GetMapping("/{id}")
    String rule(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        RuleDetail rule = rules.get(id);
        model.addAttribute("rule", rule);
        model.addAttribute("current", rule.current());
        model.addAttribute("enabled", rule.enabledVersion() == null ? null : rule.version(rule.enabledVersion()));
        model.addAttribute("refusals", rules.refusals(id, rule.currentVersion(), user.id()));
        model.addAttribute("formWrites", RuleForm.writable(rule.current().criteria()));
        model.addAttribute("names", names(rule));
        Function<Criterion, String> words = criterion -> RuleWords.describe(criterion, groups, messages);
        model.addAttribute("words", words);
        model.addAttribute("precision", outcomes.forRule(id));
        return "screening/rules/rule";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        RuleDetail rule = rules.get(id);
        RuleForm form = RuleForm.of(rule.current());
        if (form == null) {
            return "redirect:/screening/rules/" + id;
        }
        model.addAttribute("form", form);
        return formPage(rule, model);
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable UUID id, @ModelAttribute("form") RuleForm form, BindingResult errors,
            @RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal WaymarkUser user,
            Model model, RedirectAttributes redirect) {
        RuleDetail rule = rules.get(id);
        if (changedRows(form, action)) {
            return formPage(rule, model);
        }
        RuleDraft draft = draft(form, errors);
        if (draft != null) {
            try {
                int version = rules.edit(id, draft, user);
                redirect.addFlashAttribute("notice", "screening.rules.saved.version");
                redirect.addFlashAttribute("noticeVersion", version);
                return "redirect:/screening/rules/" + id;
            } catch (RuleViolationException e) {
                reject(e, errors);
            }
        }
        return formPage(rule, model);
    }

    @GetMapping("/{id}/backtest")
    String backtestForm(@PathVariable UUID id, Model model) {
        RuleDetail rule = rules.get(id);
        BacktestForm form = new BacktestForm();
        LocalDate today = LocalDate.now(clock.withZone(UK));
        form.setFrom(DateInput.of(today.minusDays(7)));
        form.setTo(DateInput.of(today));
        model.addAttribute("form", form);
        return backtestPage(rule, model);
    }

    @PostMapping("/{id}/backtest")
    String backtest(@PathVariable UUID id, @ModelAttribute("form") BacktestForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model) {
        RuleDetail rule = rules.get(id);
        Optional<LocalDate> from = form.getFrom().toLocalDate();
        Optional<LocalDate> to = form.getTo().toLocalDate();
        if (from.isEmpty()) {
            errors.rejectValue("from", form.getFrom().isBlank() ? "screening.rules.backtest.from.required"
                    : "screening.rules.backtest.date.invalid");
        }
        if (to.isEmpty()) {
            errors.rejectValue("to", form.getTo().isBlank() ? "screening.rules.backtest.to.required"
                    : "screening.rules.backtest.date.invalid");
        }
        if (!errors.hasErrors()) {
            try {
                BacktestResult result = backtests.run(id, rule.currentVersion(), from.get(), to.get(),
                        form.getReason(), user);
                return "redirect:/screening/rules/" + id + "/backtests/" + result.id();
            } catch (RuleViolationException e) {
                reject(e, errors);
            }
        }
        return backtestPage(rule, model);
    }

    @GetMapping("/{id}/backtests/{backtestId}")
    String backtestResult(@PathVariable UUID id, @PathVariable UUID backtestId, Model model) {
        RuleDetail rule = rules.get(id);
        BacktestResult result = backtests.get(id, backtestId);
        model.addAttribute("rule", rule);
        model.addAttribute("result", result);
        model.addAttribute("tested", rule.version(result.version()));
        model.addAttribute("runBy", users.find(result.runBy()).map(UserSummary::name).orElse(null));
        model.addAttribute("outcomeCodes", Backtests.OUTCOMES);
        model.addAttribute("maxHits", result.figures().byDay().stream().mapToInt(BacktestResult.DayCount::hits).max()
                .orElse(0));
        return "screening/rules/backtest-result";
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable UUID id, @RequestParam(defaultValue = "0") int version,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        try {
            rules.enable(id, version, user);
            redirect.addFlashAttribute("notice", "screening.rules.enabled");
            redirect.addFlashAttribute("noticeVersion", version);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/screening/rules/" + id;
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        try {
            rules.disable(id, user);
            redirect.addFlashAttribute("notice", "screening.rules.disabled");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/screening/rules/" + id;
    }

    /** Adds or removes a row when a button of a row was pressed; whether it was. */
    private static boolean changedRows(RuleForm form, String action) {
        List<RuleForm.ConditionForm> rows = form.getConditions();
        if ("add".equals(action)) {
            if (rows.size() < RuleForm.MAX_CONDITIONS) {
                rows.add(new RuleForm.ConditionForm());
            }
            return true;
        }
        Matcher remove = REMOVE.matcher(action);
        if (remove.matches()) {
            int index = Integer.parseInt(remove.group(1));
            if (index < rows.size()) {
                rows.remove(index);
            }
            if (rows.isEmpty()) {
                rows.add(new RuleForm.ConditionForm());
            }
            return true;
        }
        return false;
    }

    /** The draft the form writes, or null with the form's own errors (a row without a field, say). */
    private static RuleDraft draft(RuleForm form, BindingResult errors) {
        Integer priority = null;
        try {
            priority = Integer.valueOf(form.getPriority().strip());
        } catch (NumberFormatException | NullPointerException e) {
            errors.rejectValue("priority", "screening.rules.priority.range");
        }
        List<Criterion> parts = new ArrayList<>();
        List<RuleForm.ConditionForm> rows = form.getConditions();
        for (int i = 0; i < rows.size(); i++) {
            RuleForm.ConditionForm row = rows.get(i);
            Field field = constant(Field.class, row.getField());
            Operator operator = constant(Operator.class, row.getOperator());
            if (field == null) {
                errors.rejectValue("conditions[" + i + "].field", "screening.rules.form.field.required");
            }
            if (operator == null) {
                errors.rejectValue("conditions[" + i + "].operator", "screening.rules.form.operator.required");
            }
            if (field != null && operator != null) {
                Condition condition = new Condition(field, operator, row.valueList());
                parts.add(row.isNot() ? new Not(condition) : condition);
            }
        }
        if (errors.hasErrors()) {
            return null;
        }
        Criterion criteria = "ANY".equals(form.getMatch()) ? new AnyOf(parts) : new AllOf(parts);
        return new RuleDraft(form.getTitle(), form.getDescription(), form.getIndicator(), priority, criteria);
    }

    /** The store's refusal, shown against the field or row it concerns. */
    private static void reject(RuleViolationException e, BindingResult errors) {
        Map<String, String> fields = e instanceof UnprocessableException unprocessable
                && !unprocessable.fields().isEmpty() ? unprocessable.fields() : Map.of();
        if (fields.isEmpty()) {
            errors.rejectValue(e.field(), e.messageCode());
            return;
        }
        fields.forEach((path, code) -> {
            Matcher condition = CONDITION_PATH.matcher(path);
            if (condition.matches()) {
                errors.rejectValue("conditions[" + condition.group(1) + "]." + condition.group(2), code);
            } else if (path.startsWith("criteria")) {
                errors.rejectValue("conditions", code);
            } else {
                errors.rejectValue(path, code);
            }
        });
    }

    private String formPage(RuleDetail rule, Model model) {
        model.addAttribute("rule", rule);
        model.addAttribute("fields", fieldChoices());
        model.addAttribute("operators", Operator.values());
        model.addAttribute("indicators", rules.indicatorChoices());
        model.addAttribute("groups", groups.views());
        model.addAttribute("priorities", List.of(1, 2, 3, 4, 5));
        return "screening/rules/form";
    }

    private String backtestPage(RuleDetail rule, Model model) {
        model.addAttribute("rule", rule);
        model.addAttribute("maxDays", Backtests.MAX_DAYS);
        model.addAttribute("maxReason", Backtests.MAX_REASON);
        return "screening/rules/backtest";
    }

    /** The fields by the part of the data they come from, as the select groups them. */
    private static Map<String, List<Field>> fieldChoices() {
        Map<String, List<Field>> sections = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            sections.computeIfAbsent(field.section().name(), key -> new ArrayList<>()).add(field);
        }
        return sections;
    }

    /** The names of those who wrote, back-tested and enabled the rule's versions, by their id. */
    private Map<UserId, String> names(RuleDetail rule) {
        Map<UserId, String> names = new HashMap<>();
        List<UserId> ids = new ArrayList<>();
        rule.versions().forEach(version -> ids.add(version.writtenBy()));
        rule.backtests().forEach(run -> ids.add(run.runBy()));
        ids.add(rule.enabledBy());
        for (UserId id : ids) {
            if (id != null && !names.containsKey(id)) {
                users.find(id).ifPresent(found -> names.put(id, found.name()));
            }
        }
        return names;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        try {
            return name == null || name.isBlank() ? null : Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
