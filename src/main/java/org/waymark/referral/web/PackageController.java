package org.waymark.referral.web;

import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.ExploitationType;
import org.waymark.referral.Answer;
import org.waymark.referral.PackageDocument;
import org.waymark.referral.ReferralPackage;
import org.waymark.referral.ReferralView;
import org.waymark.referral.Referrals;
import org.waymark.referral.web.SectionForms.SectionForm;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

/**
 * One page per section of the package, all through one mechanism: the section names its form,
 * the form is filled from the package or bound from what was posted, and the whole package goes
 * back to the service with that section replaced. Sections the referral's path leaves out are
 * not found; a submitted or withdrawn referral's sections only show on its page.
 */
@PageController
@RequestMapping("/referrals/{id}/package/{section}")
@RequiredArgsConstructor
class PackageController {

    private final Referrals referrals;
    private final MessageSource messages;

    @GetMapping
    String form(@PathVariable UUID id, @PathVariable String section, @AuthenticationPrincipal WaymarkUser user,
            Model model) {
        ReferralView referral = referrals.readWhole(id, user);
        PackageSection part = applying(referral, section);
        if (!referral.editable()) {
            return back(id);
        }
        SectionForm form = part.blankForm();
        form.load(referral.content());
        return page(referral, part, form, new BeanPropertyBindingResult(form, "form"), model);
    }

    /**
     * The section's empty form, for what is posted to be bound to as every page's form is. An
     * unknown section is refused by {@link #applying} once the referral's access is checked, so
     * that a section's existence tells nobody anything.
     */
    @ModelAttribute("form")
    SectionForm blankForm(@PathVariable String section) {
        return PackageSection.byId(section).orElse(PackageSection.REFERRER).blankForm();
    }

    @PostMapping
    String save(@PathVariable UUID id, @PathVariable String section, @ModelAttribute("form") SectionForm form,
            BindingResult errors, @AuthenticationPrincipal WaymarkUser user, Model model,
            RedirectAttributes redirect) {
        ReferralView referral = referrals.readWhole(id, user);
        PackageSection part = applying(referral, section);
        if (!referral.editable()) {
            return back(id);
        }
        refuseTooLong(part, form, errors);
        if (!errors.hasErrors()) {
            try {
                PackageParts parts = new PackageParts(referral.content());
                form.applyTo(parts, errors);
                if (!errors.hasErrors()) {
                    referrals.editPackage(id, parts.whole(), user);
                    redirect.addFlashAttribute("saved", "referrals.section.saved");
                    redirect.addFlashAttribute("savedArg", new DefaultMessageSourceResolvable(
                            "referrals.section." + part.id()));
                    return back(id) + "#" + part.id();
                }
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return page(referral, part, form, errors, model);
    }

    /**
     * Every box over the limit is named at once, before the service (which stops at the first)
     * is asked.
     */
    private static void refuseTooLong(PackageSection part, SectionForm form, BindingResult errors) {
        for (Map.Entry<String, String> typed : form.narratives().entrySet()) {
            if (typed.getValue() != null && typed.getValue().strip().length() > ReferralPackage.MAX_NARRATIVE) {
                String label = "referrals.field." + part.id() + "." + typed.getKey().replaceAll("\\[.*]", "");
                errors.rejectValue(typed.getKey(), "referrals.tooLong",
                        new Object[] { new DefaultMessageSourceResolvable(label) }, null);
            }
        }
    }

    /** The section, if the referral's path has it; the package document says which do. */
    private PackageSection applying(ReferralView referral, String section) {
        PackageSection part = PackageSection.byId(section).orElseThrow(() -> new NotFoundException("section", null));
        boolean applies = PackageDocument.of(referral, messages).sections().stream()
                .anyMatch(shown -> shown.id().equals(part.id()));
        if (!applies) {
            throw new NotFoundException("section", null);
        }
        return part;
    }

    private static String page(ReferralView referral, PackageSection part, SectionForm form, BindingResult errors,
            Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("section", part.id());
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
        model.addAttribute("under18Answers", Under18.values());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("answers", Answer.values());
        model.addAttribute("exploitationTypes", ExploitationType.values());
        model.addAttribute("countries", Choices.COUNTRIES);
        model.addAttribute("nationalities", Choices.NATIONALITIES);
        model.addAttribute("languages", Choices.LANGUAGES);
        return "referrals/section";
    }

    private static String back(UUID id) {
        return "redirect:/referrals/" + id;
    }
}
