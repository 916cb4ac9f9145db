package org.waymark.screening.rules.web;

import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.WaymarkUser;
import org.waymark.screening.rules.store.RuleViews.GroupView;
import org.waymark.screening.rules.store.StoredGroups;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;

/** The named groups rules test membership of: listed, and the written ones changed on a form. */
@PageController
@RequestMapping("/screening/groups")
@RequiredArgsConstructor
class GroupsController {

    private final StoredGroups groups;

    @GetMapping
    String list(Model model) {
        model.addAttribute("groups", groups.views());
        return "screening/rules/groups";
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, Model model) {
        GroupView group = writable(code);
        if (group == null) {
            return "redirect:/screening/groups";
        }
        GroupForm form = new GroupForm();
        form.setName(group.name());
        form.setDescription(group.description() == null ? "" : group.description());
        form.setMembers(String.join("\n", group.members()));
        model.addAttribute("form", form);
        model.addAttribute("group", group);
        return "screening/rules/group";
    }

    @PostMapping("/{code}")
    String save(@PathVariable String code, @ModelAttribute("form") GroupForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        GroupView group = writable(code);
        if (group == null) {
            return "redirect:/screening/groups";
        }
        try {
            groups.save(code, form.getName(), form.getDescription(), StoredGroups.lines(form.getMembers()), user);
            redirect.addFlashAttribute("saved", group.code());
            return "redirect:/screening/groups";
        } catch (UnprocessableException e) {
            e.fields().forEach((field, message) -> errors.rejectValue(field, message));
        } catch (RuleViolationException e) {
            errors.reject(e.messageCode());
        }
        model.addAttribute("group", group);
        return "screening/rules/group";
    }

    /** The group people write, or null for one Waymark works out. */
    private GroupView writable(String code) {
        Optional<GroupView> group = groups.view(code);
        if (group.isEmpty()) {
            throw new NotFoundException("screening group", code);
        }
        return group.get().computed() ? null : group.get();
    }
}
