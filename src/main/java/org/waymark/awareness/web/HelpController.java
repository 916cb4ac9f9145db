package org.waymark.awareness.web;

import java.time.Duration;

import lombok.RequiredArgsConstructor;

import org.springframework.http.CacheControl;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.waymark.awareness.HelpTexts;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PageController;

import jakarta.servlet.http.HttpServletResponse;

/** The passengers' help page in each language: public, cacheable, with nothing that tracks. */
@PageController
@RequiredArgsConstructor
class HelpController {

    private final HelpTexts texts;

    @GetMapping("/help")
    String chooser() {
        return "redirect:/help/en";
    }

    @GetMapping("/help/{language}")
    String help(@PathVariable String language, Model model, HttpServletResponse response) {
        HelpTexts.Help help = texts.in(language).orElseThrow(() -> new NotFoundException("help", language));
        model.addAttribute("help", help);
        model.addAttribute("languages", texts.all());
        response.setHeader("Cache-Control", CacheControl.maxAge(Duration.ofHours(1)).cachePublic()
                .getHeaderValue());
        return "help/page";
    }
}
